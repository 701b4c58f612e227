import Link from "next/link";

/** The product mark, linking home; shared by the sidebar and the phone drawer. */
export function Brand() {
  return (
    <Link href="/use-cases" className="flex items-center gap-2 px-3 text-lg font-semibold text-white">
      <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-indigo-500 text-sm">S</span>
      Strata
    </Link>
  );
}
