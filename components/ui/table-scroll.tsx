import { cn } from "./cn";

/**
 * The wrapper every wide table sits in. On a phone the table scrolls inside it instead of the
 * page scrolling sideways; a named, focusable region lets keyboard users scroll it with the arrow
 * keys and tells screen-reader users what they are in (WCAG 2.1.1, axe scrollable-region-focusable).
 * `relative` makes it the containing block of absolutely positioned content (sr-only captions),
 * which would otherwise escape the clipping and widen the page.
 */
export function TableScroll({ label, children, className, framed = true }: { label: string; children: React.ReactNode; className?: string; framed?: boolean }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={cn("relative max-w-full overflow-x-auto", framed && "rounded-lg border border-slate-200 bg-white shadow-sm", className)}
    >
      {children}
    </div>
  );
}
