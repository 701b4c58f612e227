import Link from "next/link";

/** The body of the 403 and 404 pages: what happened and the way back. */
export function StatusMessage({ code, title, children }: { code: number; title: string; children?: React.ReactNode }) {
  return (
    <div className="grid min-h-[60vh] place-items-center">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-indigo-700">{code}</p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">{title}</h1>
        {children ? <p className="mt-2 text-sm text-slate-600">{children}</p> : null}
        <Link href="/use-cases" className="mt-6 inline-block text-sm font-medium text-indigo-700 underline">
          Back to use cases
        </Link>
      </div>
    </div>
  );
}
