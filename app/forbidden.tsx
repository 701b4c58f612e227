import { StatusMessage } from "@/components/shell/status-message";

// forbidden() is only called by console pages, so this renders inside the console shell and its
// <main>: no landmark of its own.
export default function Forbidden() {
  return (
    <StatusMessage code={403} title="You do not have access to this page">
      Your role does not include this area. Ask an administrator if you need it.
    </StatusMessage>
  );
}
