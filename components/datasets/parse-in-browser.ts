import { parseDatasetFileSteps, type ParseResult } from "@/lib/datasets/parse-dataset-file";
import type { DatasetFormat } from "@/lib/datasets/schemas";

/**
 * Runs the shared parser step by step, giving the browser a frame between steps so the progress
 * bar repaints and the page stays responsive on a 5 MB file.
 */
export async function parseInBrowser(text: string, format: DatasetFormat, onProgress: (fraction: number) => void): Promise<ParseResult> {
  const steps = parseDatasetFileSteps(text, format);
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
