import { RUN_FILE_EXAMPLE } from "@/lib/evaluations/parse-run-file";
import { MAX_RUN_ITEMS } from "@/lib/evaluations/schemas";

/** The documented upload format, with the example the parser tests read. */
export function RunFileFormat() {
  return (
    <div className="space-y-3 text-sm text-slate-700">
      <p>A JSONL file: one JSON object per line. The use case, dataset version and candidate are chosen in the form.</p>
      <ul className="list-disc space-y-1 pl-5">
        <li>Exactly one <strong>metrics line</strong>: <code className="font-mono text-xs">{'{"metrics": {"<name>": <number>, …}}'}</code>. Names use lowercase letters, digits, _ and . (at most 64 characters).</li>
        <li>Any number of <strong>item lines</strong> (at most {MAX_RUN_ITEMS.toLocaleString("en")}): <code className="font-mono text-xs">input</code> (object) and <code className="font-mono text-xs">output</code> (text) are required; <code className="font-mono text-xs">itemIndex</code> (the 0-based item of the dataset version), <code className="font-mono text-xs">expected</code>, <code className="font-mono text-xs">scores</code> (names to numbers) and <code className="font-mono text-xs">passed</code> (true/false) are optional.</li>
        <li>Blank lines are skipped; the file may be at most 5 MB.</li>
      </ul>
      <pre className="whitespace-pre-wrap break-all rounded-md bg-slate-900 p-4 text-xs leading-relaxed text-slate-100" aria-label="Example file">{RUN_FILE_EXAMPLE}</pre>
    </div>
  );
}
