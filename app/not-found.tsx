import Link from "next/link";

export default function NotFound() {
  return (
    <main className="grid min-h-screen place-items-center px-6">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-indigo-600">404</p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">Page not found</h1>
        <Link href="/use-cases" className="mt-6 inline-block text-sm font-medium text-indigo-700 underline">
          Back to use cases
        </Link>
      </div>
    </main>
  );
}
