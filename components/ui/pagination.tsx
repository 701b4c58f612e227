import Link from "next/link";

/** Previous/next links that keep the other query parameters. */
export function Pagination({ page, pageCount, total, params, basePath }: { page: number; pageCount: number; total: number; params: Record<string, string | undefined>; basePath: string }) {
  const href = (p: number) => {
    const q = new URLSearchParams(Object.entries({ ...params, page: String(p) }).filter(([, v]) => v) as [string, string][]);
    return `${basePath}?${q.toString()}`;
  };
  const linkClass = "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-inset ring-slate-300 bg-white hover:bg-slate-50";
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-slate-600">
      <p>
        {total} result{total === 1 ? "" : "s"} · page {page} of {pageCount}
      </p>
      <div className="flex gap-2">
        {page > 1 ? <Link className={linkClass} href={href(page - 1)}>Previous</Link> : null}
        {page < pageCount ? <Link className={linkClass} href={href(page + 1)}>Next</Link> : null}
      </div>
    </nav>
  );
}
