import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./lock";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "strata-lock-"));

describe("data directory lock", () => {
  it("refuses a second owner and names the process holding it", async () => {
    const dir = tmp();
    // Another process takes the lock and keeps running.
    const holder = spawn(process.execPath, ["-e", `
      const fs = require("node:fs"), os = require("node:os");
      fs.writeFileSync(${JSON.stringify(path.join(dir, "strata.lock"))}, JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() }), { flag: "wx" });
      console.log("locked"); setTimeout(() => {}, 30000);`]);
    await new Promise((resolve) => holder.stdout.once("data", resolve));
    try {
      const error = (() => { try { lockDataDir(dir); } catch (e) { return e; } })();
      expect(error).toBeInstanceOf(DataDirLockedError);
      expect((error as Error).message).toContain(`in use by process ${holder.pid}`);
    } finally {
      holder.kill("SIGKILL");
    }
  });

  it("takes over a lock whose process died, and releases on request", async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "strata.lock"), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), startedAt: "earlier" }));
    const release = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "strata.lock"), "utf8")).pid).toBe(process.pid);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    release();
    expect(fs.existsSync(path.join(dir, "strata.lock"))).toBe(false);
  });
});
