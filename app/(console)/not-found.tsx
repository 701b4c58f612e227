import { StatusMessage } from "@/components/shell/status-message";

/** notFound() from a console page (an unknown id): inside the console shell and its <main>. */
export default function ConsoleNotFound() {
  return <StatusMessage code={404} title="Page not found" />;
}
