/**
 * Memory of the gateway process as `npm start` runs it (`npm run bench:memory`).
 *
 * For PGlite (a fresh data directory, so the first start's initdb is included) and, when
 * TEST_DATABASE_URL or DATABASE_URL is set, PostgreSQL (a fresh database, dropped afterwards):
 * starts `npm start` (the built dist/main.js), and prints the gateway process's RSS (from
 * /proc/PID/status, as `ps` shows it)
 *   - idle after start (once /healthz answers and --settle seconds passed),
 *   - after each round of --generations generations through POST /api/generate (spread over
 *     generations/5 keys given in GATEAI_API_KEYS: a key is admitted 5 times per 30 s), once
 *     every task is final; GATEAI_TIME_SCALE makes each take milliseconds,
 *   - and once it has been idle --settle-after seconds after the last round.
 * Rounds are 30 s apart (the keys' window), so RSS is seen flat, or not, over a longer run.
 *
 * Options: --generations=N (1000 per round: more queue longer than the scaled hard deadline, and
 * fail), --rounds=N (3), --concurrency=N (32 requests in
 * flight), --settle=S (10), --settle-after=S (75: the render worker ends after 60 s idle),
 * --time-scale=N (60), --pool-size=N (48 upstream accounts), --model=ID and --params=JSON
 * (flux-dev, 512x512), --setups=pglite,postgres.
 * Linux only (reads /proc).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createBenchDatabase } from "./support/database.ts";

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const GENERATIONS = Number(arg("generations", "1000"));
const ROUNDS = Number(arg("rounds", "3"));
const CONCURRENCY = Number(arg("concurrency", "32"));
const SETTLE_S = Number(arg("settle", "10"));
const SETTLE_AFTER_S = Number(arg("settle-after", "75"));
const TIME_SCALE = arg("time-scale", "60");
const POOL_SIZE = arg("pool-size", "48");
const SETUPS = new Set(arg("setups", "pglite,postgres").split(","));
const WINDOW_MS = 30_000; // the spec's 5 generations per key per 30 s
const root = fileURLToPath(new URL("..", import.meta.url));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const statusKb = (pid: number, field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * The gateway: npm's child (`exec node dist/main.js`), or, for a start script that does not exec
 * (a shell, a loader that forks), the process at the end of that chain of only children.
 */
function gatewayUnder(pid: number): number {
  for (;;) {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number)
      .filter((child) => /^(node|sh|dash|bash)$/.test(readFileSync(`/proc/${child}/comm`, "utf8").trim())); // not tsx's esbuild
    if (children.length === 0) return pid;
    if (children.length > 1) throw new Error(`${pid} has ${children.length} children, expected one`);
    pid = children[0]!;
  }
}

interface Started {
  npm: ChildProcess;
  gateway: number;
  base: string;
  output: () => string;
  stop(): Promise<void>;
}

async function start(env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const { DATABASE_URL: _d, REDIS_URL: _r, GATEAI_DATA_DIR: _g, ...inherited } = process.env;
  const npm = spawn("npm", ["start", "--silent"], {
    cwd: root,
    env: { ...inherited, ...env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", GATEAI_TIME_SCALE: TIME_SCALE, GATEAI_POOL_SIZE: POOL_SIZE, GATEAI_DAILY_LIMIT: "100000000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  npm.stdout!.on("data", (c: Buffer) => (output += c));
  npm.stderr!.on("data", (c: Buffer) => (output += c));
  const exited = new Promise<void>((resolve) => npm.once("exit", () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (npm.exitCode !== null) throw new Error(`npm start exited (${npm.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`the gateway did not answer /healthz within 180 s:\n${output}`);
    const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    await sleep(200);
  }
  const gateway = gatewayUnder(npm.pid!);
  return {
    npm,
    gateway,
    base,
    output: () => output,
    async stop() {
      npm.kill("SIGTERM");
      await exited;
      try {
        process.kill(gateway, 0);
      } catch {
        return; // stopped with npm, as it should
      }
      console.log(`!! the gateway (pid ${gateway}) outlived npm's SIGTERM: killing it`);
      process.kill(gateway, "SIGKILL");
    },
  };
}

async function pool<T>(items: readonly T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await run(items[next++]!);
  }));
}

// A 512x512 image by default (--model, --params=JSON): rendering is real work, on the render thread.
const BODY = JSON.stringify({ model: arg("model", "flux-dev"), params: JSON.parse(arg("params", '{"prompt":"A memory bench image","width":512,"height":512}')) });

/** One round: `keys.length * 5` generations, then waits until every task is final. */
async function round(base: string, keys: readonly string[]): Promise<{ accepted: number; finished: number; failed: number; seconds: number }> {
  const started = performance.now();
  const requests = keys.flatMap((key) => Array.from({ length: 5 }, () => key));
  const ids: { id: string; key: string }[] = [];
  await pool(requests, CONCURRENCY, async (key) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const res = await fetch(`${base}/api/generate`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: BODY });
      const body = (await res.json()) as { task_id?: string; code?: string };
      if (res.ok && body.task_id) return void ids.push({ id: body.task_id, key });
      if (res.status !== 429) throw new Error(`POST /api/generate: ${res.status} ${JSON.stringify(body)}`);
      await sleep(50);
    }
    throw new Error("POST /api/generate: still rate limited after 50 attempts");
  });
  let pending = ids;
  let finished = 0;
  let failed = 0;
  while (pending.length) {
    const still: typeof ids = [];
    await pool(pending, CONCURRENCY, async (task) => {
      const res = await fetch(`${base}/get/${task.id}`, { headers: { authorization: `Bearer ${task.key}` } });
      const { status } = (await res.json()) as { status?: string };
      if (!res.ok) throw new Error(`GET /get/${task.id}: ${res.status} ${JSON.stringify(status)}`);
      if (/^finished$/i.test(status ?? "")) finished++;
      else if (/^failed$/i.test(status ?? "")) failed++;
      else still.push(task);
    });
    pending = still;
    if (pending.length) await sleep(500);
  }
  return { accepted: ids.length, finished, failed, seconds: (performance.now() - started) / 1000 };
}

async function measure(name: string, env: Record<string, string>, keys: readonly string[]): Promise<void> {
  console.log(`\n## ${name}`);
  const gateway = await start({ ...env, GATEAI_API_KEYS: keys.join(",") });
  try {
    await sleep(SETTLE_S * 1000);
    console.log(`idle after start (${SETTLE_S} s):`.padEnd(44), mb(statusKb(gateway.gateway, "VmRSS")));
    for (let r = 1; r <= ROUNDS; r++) {
      if (r > 1) await sleep(WINDOW_MS);
      const done = await round(gateway.base, keys);
      console.log(
        `after round ${r} (${done.accepted} generations, ${done.seconds.toFixed(0)} s):`.padEnd(44),
        mb(statusKb(gateway.gateway, "VmRSS")),
        ` (${done.finished} finished, ${done.failed} failed; peak ${mb(statusKb(gateway.gateway, "VmHWM"))})`,
      );
    }
    await sleep(SETTLE_AFTER_S * 1000);
    console.log(`idle ${SETTLE_AFTER_S} s after the last round:`.padEnd(44), mb(statusKb(gateway.gateway, "VmRSS")));
  } finally {
    await gateway.stop();
  }
}

if (process.platform !== "linux") throw new Error("bench:memory reads /proc: Linux only");
// `npm start` builds dist/ itself when stale (prestart); building here first keeps that out of the start.
if (existsSync(join(root, "scripts/build.mjs"))) {
  const built = spawnSync(process.execPath, ["scripts/build.mjs", "--if-stale"], { cwd: root, stdio: "inherit" });
  if (built.status !== 0 && !existsSync(join(root, "dist/main.js"))) throw new Error("build failed");
}

const keys = Array.from({ length: Math.ceil(GENERATIONS / 5) }, () => `sk-membench-${randomBytes(12).toString("hex")}`);
console.log(`# gateway RSS under \`npm start\` (node ${process.version}): ${ROUNDS} rounds of ${keys.length * 5} generations, GATEAI_TIME_SCALE=${TIME_SCALE}`);

if (SETUPS.has("pglite")) {
  const dataDir = mkdtempSync(join(tmpdir(), "gateai-membench-"));
  try {
    await measure("PGlite (fresh data directory)", { GATEAI_DATA_DIR: dataDir }, keys);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (SETUPS.has("postgres") && serverUrl) {
  const database = await createBenchDatabase(serverUrl);
  try {
    await measure("PostgreSQL (fresh database)", { DATABASE_URL: database.url }, keys);
  } finally {
    await database.drop();
  }
} else if (SETUPS.has("postgres")) {
  console.log("\n## PostgreSQL: skipped (set TEST_DATABASE_URL or DATABASE_URL)");
}
