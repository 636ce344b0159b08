// `npm start` as a supervisor runs it: on a fresh data directory, npm's process is the one it knows.
// The gateway must come up on the embedded defaults, stay within its memory budget, and stop
// gracefully when that npm process gets SIGTERM (npm forwards it to its child, which `exec` made
// the gateway itself), leaving no node process behind.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "gateai-start-"));
const started: number[] = [];
afterAll(() => {
  for (const pid of started) if (alive(pid)) process.kill(pid, "SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** `/proc/<pid>/status` field in kB (Linux). */
const statusKb = (pid: number, field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
const parentOf = (pid: number) => Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);

describe.skipIf(process.platform !== "linux")("npm start", () => {
  it("runs the built gateway on embedded defaults, under 300 MB RSS, and SIGTERM to npm stops it gracefully", async () => {
    const port = await freePort();
    const { GATEAI_API_KEYS: _keys, DATABASE_URL: _db, REDIS_URL: _redis, ...env } = process.env;
    const npm = spawn("npm", ["start", "--silent"], {
      cwd: root,
      env: { ...env, PORT: String(port), HOST: "127.0.0.1", GATEAI_DATA_DIR: dataDir, LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    started.push(npm.pid!);
    let output = "";
    npm.stdout.on("data", (chunk: Buffer) => (output += chunk));
    npm.stderr.on("data", (chunk: Buffer) => (output += chunk));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => npm.once("exit", (code, signal) => resolve({ code, signal })));

    // Listening: the log line names the gateway's pid.
    await expect.poll(() => /"msg":"GateAI gateway listening"/.test(output), { timeout: 90_000, interval: 100 }).toBe(true);
    const gatewayPid = Number(/"pid":(\d+)[^\n]*"msg":"GateAI gateway listening"/.exec(output)?.[1]);
    started.push(gatewayPid);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(output).toContain("First start: created an API key");

    // `exec`: npm's own child is the gateway, plain node on the compiled file (no shell, no tsx).
    expect(parentOf(gatewayPid)).toBe(npm.pid);
    const cmdline = readFileSync(`/proc/${gatewayPid}/cmdline`, "utf8").split("\0").filter(Boolean);
    expect(cmdline.slice(1)).toEqual(["dist/main.js"]);

    // Memory: a fresh PGlite data directory (initdb ran in a child process) with small shared buffers,
    // and glibc returning large freed buffers (rendered files) to the system. Idle: read until the
    // start-up's garbage is collected, which on a loaded machine may come a few seconds after listening.
    await expect.poll(() => statusKb(gatewayPid, "VmRSS"), { timeout: 10_000, interval: 250 }).toBeLessThan(300 * 1024);
    expect(readFileSync(`/proc/${gatewayPid}/environ`, "utf8").split("\0")).toContain("MALLOC_MMAP_THRESHOLD_=131072");

    npm.kill("SIGTERM");
    const exit = await exited;
    expect(output).toMatch(/"signal":"SIGTERM","msg":"shutting down \(requests in flight have 10000 ms to be answered\)"/);
    expect(output).toMatch(/"signal":"SIGTERM","msg":"stopped"/);
    expect(exit).toEqual({ code: 0, signal: null }); // the gateway exited 0, and npm with it
    expect(alive(gatewayPid)).toBe(false);
  }, 150_000);

  it("says in one line, without a stack, why it could not start: a database that refuses the connection", async () => {
    const { GATEAI_API_KEYS: _keys, REDIS_URL: _redis, ...env } = process.env;
    const npm = spawn("npm", ["start", "--silent"], {
      cwd: root,
      env: { ...env, PORT: "0", HOST: "127.0.0.1", DATABASE_URL: "postgresql://someone:hunter2@127.0.0.1:1/gateai", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    started.push(npm.pid!);
    let stderr = "";
    npm.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => npm.once("exit", (c) => resolve(c)));
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^Could not start the gateway: DATABASE_URL \(PostgreSQL at 127\.0\.0\.1:1\): .*ECONNREFUSED/);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).not.toContain("hunter2");
  }, 90_000);
});
