import { StatusMessage } from "@/components/shell/status-message";

/** An address that matches no page: rendered without the console shell, so it brings its own <main>. */
export default function NotFound() {
  return (
    <main className="px-6">
      <StatusMessage code={404} title="Page not found" />
    </main>
  );
}
