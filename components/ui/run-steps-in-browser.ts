/**
 * Runs a step-by-step parser (a generator yielding its progress as a fraction), giving the browser
 * a frame between steps so the progress bar repaints and the page stays responsive on a 5 MB file.
 */
export async function runStepsInBrowser<R>(steps: Generator<number, R>, onProgress: (fraction: number) => void): Promise<R> {
  for (;;) {
    const step = steps.next();
    if (step.done) {
      onProgress(1);
      return step.value;
    }
    onProgress(step.value);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
