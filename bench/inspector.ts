// The server's own memory, read through the V8 inspector (Chrome DevTools protocol) of the
// server process started with --inspect: a full GC first, then process.memoryUsage() — so the
// heap figure is what survives a collection, not garbage waiting for one.
import fs from "node:fs";
import WebSocket from "ws";
import { httpGet } from "./support-core";

/** With gc false nothing is collected: the heap figures include garbage and both RSS reads are the same moment. */
export type MemorySample = { gc: boolean; rssBeforeGcMb: number; heapUsedMb: number; heapTotalMb: number; externalMb: number; arrayBuffersMb: number; rssMb: number };

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export async function connectInspector(port: number) {
  const list = JSON.parse((await httpGet(port, "/json/list")).body) as { webSocketDebuggerUrl: string }[];
  const target = list[0];
  if (!target) throw new Error(`no inspector target on port ${port}`);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => socket.once("open", () => resolve()).once("error", reject));
  let nextId = 1;
  const pending = new Map<number, Pending>();
  socket.on("message", (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id!);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  const send = <T>(method: string, params: object = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });

  return {
    /**
     * RSS as the process holds it in normal running (the kernel's count, /proc), then (gc) a full
     * GC, then the heap and RSS again.
     */
    async sample(pid: number, { gc }: { gc: boolean }): Promise<MemorySample> {
      const rssBefore = rssBytes(pid);
      if (gc) await send("HeapProfiler.collectGarbage");
      const { result } = await send<{ result: { value: string } }>("Runtime.evaluate", { expression: "JSON.stringify(process.memoryUsage())", returnByValue: true });
      const usage = JSON.parse(result.value) as NodeJS.MemoryUsage;
      const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
      return { gc, rssBeforeGcMb: mb(rssBefore), heapUsedMb: mb(usage.heapUsed), heapTotalMb: mb(usage.heapTotal), externalMb: mb(usage.external), arrayBuffersMb: mb(usage.arrayBuffers), rssMb: mb(rssBytes(pid)) };
    },
    close: () => socket.close(),
  };
}

/** Resident set size of one process, from /proc/<pid>/status (VmRSS, in kB). */
export function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(status);
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb[1]) * 1024;
}
