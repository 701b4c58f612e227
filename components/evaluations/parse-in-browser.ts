import { parseRunFileSteps, type RunFileResult } from "@/lib/evaluations/parse-run-file";

/**
 * Runs the shared parser step by step, giving the browser a frame between steps so the progress
 * bar repaints and the page stays responsive on a 5 MB file.
 */
export async function parseRunFileInBrowser(text: string, itemCount: number | undefined, onProgress: (fraction: number) => void): Promise<RunFileResult> {
  const steps = parseRunFileSteps(text, itemCount);
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
