import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** Two selects in a GET form: works without JavaScript and keeps the choice in the URL. */
export function DiffPicker({ promptId, latestVersion, from, to }: { promptId: string; latestVersion: number; from: string; to: string }) {
  const options = [{ value: "draft", label: "Draft" }, ...Array.from({ length: latestVersion }, (_, i) => ({ value: String(latestVersion - i), label: `Version ${latestVersion - i}` }))];
  const select = (name: "from" | "to", label: string, value: string) => (
    <div>
      <label htmlFor={`diff-${name}`} className="block text-sm font-medium text-slate-800">{label}</label>
      <select id={`diff-${name}`} name={name} defaultValue={value} className={`${inputClass} mt-1.5 w-44`}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
  return (
    <form method="get" action={`/prompts/${promptId}/diff`} className="mb-6 flex flex-wrap items-end gap-4">
      {select("from", "Compare", from)}
      {select("to", "With", to)}
      <button type="submit" className={buttonClass("secondary")}>Compare</button>
    </form>
  );
}
