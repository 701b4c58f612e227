import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// PGlite takes no lock of its own: two processes can open and corrupt the same data directory.
// Strata owns the directory through an exclusive lock file holding the owner's pid.

export class DataDirLockedError extends Error {
  constructor(readonly dir: string, readonly holder: LockInfo) {
    super(
      `The embedded database in ${dir} is in use by process ${holder.pid} on ${holder.host} ` +
        `(started ${holder.startedAt}). Stop that process or set STRATA_DATA_DIR to another directory.`,
    );
    this.name = "DataDirLockedError";
  }
}

type LockInfo = { pid: number; host: string; startedAt: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(file: string): LockInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as LockInfo;
  } catch {
    return undefined;
  }
}

/** Takes the lock or throws DataDirLockedError; returns the release function. */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "strata.lock");
  const info: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: "wx" });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(file);
      const sameHost = holder?.host === os.hostname();
      if (holder && (!sameHost || isAlive(holder.pid))) throw new DataDirLockedError(dir, holder);
      // The holder died without releasing (kill -9, power loss): the lock is stale.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dir}`);
}
