import pg from "pg";

/**
 * A pg client that runs one query at a time. Inside an interactive transaction Prisma's
 * adapter sends every query to the one connection it holds, and Prisma's own query interpreter
 * loads the relations of one `findMany({ include })` with concurrent queries: several queries
 * queued on one client, which pg 8 tolerates with a DeprecationWarning (printed while the demo
 * seed ran) and pg 9 refuses. No call site of ours can prevent that, so the connection does:
 * promise-style queries are chained and run in call order, as pg's own queue ran them.
 */
export class SerialPgClient extends pg.Client {
  #tail: Promise<unknown> = Promise.resolve();

  // pg's overloads are many; only the promise form (no callback, not a Submittable) is queued
  // here: the pool itself uses the callback form on clients it owns, never concurrently.
  query(...args: unknown[]): never {
    const last = args[args.length - 1];
    const submittable = typeof (args[0] as { submit?: unknown } | null)?.submit === "function";
    const query = super.query as (...a: unknown[]) => unknown;
    const call = () => query.apply(this, args);
    if (typeof last === "function" || submittable) return call() as never;
    const run = this.#tail.then(call);
    this.#tail = run.catch(() => undefined);
    return run as never;
  }
}
