import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="grid min-h-screen place-items-center px-6">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-indigo-600">403</p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">You do not have access to this page</h1>
        <p className="mt-2 text-sm text-slate-600">Your role does not include this area. Ask an administrator if you need it.</p>
        <Link href="/use-cases" className="mt-6 inline-block text-sm font-medium text-indigo-700 underline">
          Back to use cases
        </Link>
      </div>
    </main>
  );
}
