import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { TableScroll } from "@/components/ui/table-scroll";

// Headings sit under the card's h2, so the notes' own levels start at h3; images are not shown
// (the page loads nothing from elsewhere, and notes describe a release, they do not illustrate it).
const Section: Components["h1"] = ({ children }) => <h3 className="mb-2 mt-4 text-base font-semibold text-slate-900 first:mt-0">{children}</h3>;
const Subsection: Components["h3"] = ({ children }) => <h4 className="mb-1 mt-3 text-sm font-semibold text-slate-900 first:mt-0">{children}</h4>;

const COMPONENTS: Components = {
  h1: Section,
  h2: Section,
  h3: Subsection,
  h4: Subsection,
  h5: Subsection,
  h6: Subsection,
  p: ({ children }) => <p className="my-2 first:mt-0 last:mb-0">{children}</p>,
  ul: ({ children }) => <ul className="my-2 list-disc space-y-1 pl-5">{children}</ul>,
  ol: ({ children }) => <ol className="my-2 list-decimal space-y-1 pl-5">{children}</ol>,
  a: ({ href, children }) => <a href={href} className="font-medium text-indigo-700 underline" rel="noopener noreferrer">{children}</a>,
  code: ({ children }) => <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[13px] text-slate-900">{children}</code>,
  pre: ({ children }) => <pre tabIndex={0} className="my-2 overflow-x-auto rounded-md bg-slate-50 p-3 ring-1 ring-slate-200 [&_code]:bg-transparent [&_code]:p-0">{children}</pre>,
  blockquote: ({ children }) => <blockquote className="my-2 border-l-2 border-slate-300 pl-3 text-slate-600">{children}</blockquote>,
  table: ({ children }) => <TableScroll label="Table in the release notes" className="my-2"><table className="min-w-full divide-y divide-slate-200 text-sm">{children}</table></TableScroll>,
  th: ({ children }) => <th scope="col" className="bg-slate-50 px-3 py-2 text-left font-semibold text-slate-700">{children}</th>,
  td: ({ children }) => <td className="border-t border-slate-100 px-3 py-2">{children}</td>,
};

/**
 * Release notes as Markdown (GitHub-flavoured: lists, tables, code). Raw HTML stays off: without
 * rehype-raw, react-markdown shows a `<script>` the author typed as text and never as markup, and
 * its default URL filter drops `javascript:` links.
 */
export function ReleaseNotes({ text }: { text: string }) {
  return (
    <div className="text-sm leading-relaxed text-slate-800" data-testid="release-notes">
      <Markdown remarkPlugins={[remarkGfm]} components={COMPONENTS} disallowedElements={["img"]} unwrapDisallowed>
        {text}
      </Markdown>
    </div>
  );
}
