// Shared tooling for the lifecycle suites: whole gateways (in this process via createGateway, or
// as child processes running src/main.ts), real HTTP, graphql-ws subscribers, and byte-level
// checks of the served files. Everything started here is registered with a Cleanup and torn down
// in afterAll: child processes get SIGKILL, databases are dropped, temp dirs removed.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";
import { createClient, type Client as WsClient } from "graphql-ws";
import pg from "pg";
import WebSocket from "ws";
import { createGateway, type Gateway, type GatewayOptions } from "../../src/app/gateway.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import type { TaskRecord } from "../../src/domain/task.ts";
import type { GatewayPubSub } from "../../src/services/events.ts";
import { loadConfig, type Config } from "../../src/app/config.ts";
import { usdToMicros } from "../../src/kernel/money.ts";
import type { GatewayServices } from "../../src/services/gateway-services.ts";
import { createTestDatabase } from "../support/gateway.ts";
import { requireService, testDatabaseUrl, testRedisUrl, uniquePrefix } from "../support/services.ts";
import { pgliteTemplate } from "../support/pglite-template.ts";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Dollars as the API prints them → integer micro-dollars (exact comparisons, no float sums). */
export const micros = (usd: number): number => Math.round(usd * 1e6);

/** The setups a lifecycle suite runs on: PGlite (in-process limits and pub/sub) always, PostgreSQL + Redis when both are configured. */
export function setups(): { name: string; available: boolean; postgres: boolean; redis: boolean }[] {
  return [
    { name: "PGlite", available: true, postgres: false, redis: false },
    { name: "PostgreSQL + Redis", available: postgresAndRedis(), postgres: true, redis: true },
  ];
}

export const postgresAndRedis = (): boolean => requireService("postgres") && requireService("redis");

// ---------------------------------------------------------------------------------------------
// Cleanup

/** Undo actions, last registered first. One per test file: `afterAll(() => cleanup.run())`. */
export class Cleanup {
  private readonly actions: (() => Promise<unknown>)[] = [];
  add(action: () => Promise<unknown>): void {
    this.actions.push(action);
  }
  async run(): Promise<void> {
    for (let action = this.actions.pop(); action; action = this.actions.pop()) await action().catch(() => undefined);
  }
}

export async function tempDir(cleanup: Cleanup, prefix = "gateai-life-"): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  cleanup.add(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A fresh PostgreSQL database on the TEST_DATABASE_URL server, dropped (connections and all) at cleanup. */
export async function postgresDatabase(cleanup: Cleanup): Promise<string> {
  if (!testDatabaseUrl) throw new Error("TEST_DATABASE_URL is not set");
  const db = await createTestDatabase(testDatabaseUrl);
  cleanup.add(() => db.drop());
  return db.url;
}

/** A pg pool on a test database, for reading what the gateways wrote (ended at cleanup). */
export function sqlPool(cleanup: Cleanup, url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on("error", () => undefined);
  cleanup.add(() => pool.end());
  return pool;
}

// ---------------------------------------------------------------------------------------------
// In-process gateways

export interface LaunchOptions {
  readonly env?: Record<string, string>;
  /** A PostgreSQL database URL (e.g. from postgresDatabase); absent = PGlite. */
  readonly databaseUrl?: string;
  /** PGlite on disk under this dir (absent, with no databaseUrl: PGlite in memory). */
  readonly dataDir?: string;
  readonly redis?: boolean;
  /** Redis namespace; a fresh one by default. "gateai:" is the one a child process (src/main.ts) uses. */
  readonly redisPrefix?: string;
  readonly options?: Omit<GatewayOptions, "redisPrefix" | "memoryDatabase">;
}

export interface Launched {
  readonly url: string;
  readonly gateway: Gateway;
  readonly services: GatewayServices;
  readonly config: Config;
  /** The gateway's database, for assertions on stored state. */
  readonly prisma: PrismaClient;
  /** A fresh API key; returns the raw key and its id. */
  createKey(dailyLimitUsd?: number): Promise<{ key: string; id: string }>;
  close(): Promise<void>;
}

export async function launch(cleanup: Cleanup, launchOptions: LaunchOptions = {}): Promise<Launched> {
  const env: Record<string, string> = { PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", GATEAI_DATA_DIR: launchOptions.dataDir ?? tmpdir() };
  if (launchOptions.databaseUrl) env.DATABASE_URL = launchOptions.databaseUrl;
  if (launchOptions.redis) {
    if (!testRedisUrl) throw new Error("TEST_REDIS_URL is not set");
    env.REDIS_URL = testRedisUrl;
  }
  const loaded = loadConfig({ ...env, ...launchOptions.env });
  if (!loaded.ok) throw new Error(`lifecycle gateway config is invalid: ${loaded.errors.join("; ")}`);
  const gateway = await createGateway(loaded.config, {
    ...launchOptions.options,
    memoryDatabase: !launchOptions.databaseUrl && !launchOptions.dataDir,
    memoryTemplate: pgliteTemplate,
    redisPrefix: launchOptions.redisPrefix ?? uniquePrefix(),
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await gateway.close();
  };
  cleanup.add(close);
  const { url } = await gateway.listen(0, "127.0.0.1");
  return {
    url,
    gateway,
    services: gateway.services,
    config: loaded.config,
    prisma: gateway.infrastructure.database.prisma,
    async createKey(dailyLimitUsd) {
      const created = await gateway.services.keys.create({
        label: "lifecycle",
        ...(dailyLimitUsd !== undefined ? { dailyLimit: usdToMicros(dailyLimitUsd) } : {}),
      });
      return { key: created.key, id: created.record.id };
    },
    close,
  };
}

// ---------------------------------------------------------------------------------------------
// Child processes (src/main.ts)

export interface ChildGateway {
  readonly url: string;
  readonly pid: number;
  /** SIGKILL: no shutdown code runs. Resolves once the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM: the graceful shutdown of src/main.ts. */
  stop(): Promise<void>;
  readonly exited: Promise<number | null>;
  /** What the process printed (stdout and stderr, last 64 KiB). */
  output(): string;
}

const OUTPUT_KEEP = 64 * 1024;

/** Starts `node --import tsx src/main.ts` with `env` and waits for its "listening" log line. */
export async function spawnGateway(cleanup: Cleanup, env: Record<string, string>, startTimeoutMs = 60_000): Promise<ChildGateway> {
  // Only what the test says configures the child: nothing inherited may point it elsewhere.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(DATABASE_URL|REDIS_URL|PORT|HOST|LOG_LEVEL|GATEAI_.*)$/.test(name)),
  );
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: REPO_ROOT,
    env: { ...inherited, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not spawn the gateway process");
  let output = "";
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-OUTPUT_KEEP);
  };
  const exited = new Promise<number | null>((resolveExit) => child.once("exit", (code) => resolveExit(code)));
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  cleanup.add(() => kill("SIGKILL"));

  const url = await new Promise<string>((resolveUrl, reject) => {
    let lines = "";
    const timer = setTimeout(() => reject(new Error(`gateway child ${pid} did not start within ${startTimeoutMs} ms:\n${output}`)), startTimeoutMs);
    child.stderr!.on("data", append);
    child.stdout!.on("data", (chunk: Buffer) => {
      append(chunk);
      lines += chunk.toString("utf8");
      let newline = lines.indexOf("\n");
      while (newline !== -1) {
        const line = lines.slice(0, newline);
        lines = lines.slice(newline + 1);
        newline = lines.indexOf("\n");
        if (!line.includes("GateAI gateway listening")) continue;
        try {
          const parsed = JSON.parse(line) as { url?: string };
          if (parsed.url) {
            clearTimeout(timer);
            resolveUrl(parsed.url);
          }
        } catch {
          // not JSON: keep looking
        }
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`gateway child ${pid} exited (${code}) before listening:\n${output}`));
    });
  });
  return { url, pid, kill9: () => kill("SIGKILL"), stop: () => kill("SIGTERM"), exited, output: () => output };
}

// ---------------------------------------------------------------------------------------------
// HTTP

export interface Reply {
  readonly status: number;
  readonly body: any;
  readonly text: string;
}

export async function call(base: string, method: string, path: string, options: { key?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  const response = await fetch(base + path, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, text };
}

export const get = (base: string, path: string, key?: string) => call(base, "GET", path, key ? { key } : {});

/** POST /api/generate; throws with the body unless it was accepted. */
export async function generate(base: string, key: string, model: string, params: Record<string, unknown>): Promise<{ taskId: string; cost: number; remaining: number; body: any }> {
  const reply = await call(base, "POST", "/api/generate", { key, body: { model, params } });
  if (reply.status !== 200) throw new Error(`generate ${model} → ${reply.status} ${reply.text}`);
  return { taskId: reply.body.task_id, cost: micros(reply.body.cost), remaining: micros(reply.body.remaining), body: reply.body };
}

/** `your_budget.used` of GET /credits, in micro-dollars. */
export async function usedMicros(base: string, key: string): Promise<number> {
  const reply = await get(base, "/credits", key);
  if (reply.status !== 200) throw new Error(`/credits → ${reply.status} ${reply.text}`);
  return micros(reply.body.your_budget.used);
}

/** Polls until `probe` returns something other than undefined/false, or throws after `timeoutMs` with `what` and the last value. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs: number, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await sleep(intervalMs);
  }
}

/** Polls GET /get/{id} until FINISHED or FAILED. */
export const waitForFinal = (base: string, key: string, taskId: string, timeoutMs: number) =>
  waitFor(
    `task ${taskId} to be FINISHED or FAILED`,
    async () => {
      const reply = await get(base, `/get/${taskId}`, key);
      if (reply.status !== 200) throw new Error(`/get → ${reply.status} ${reply.text}`);
      return reply.body.status === "FINISHED" || reply.body.status === "FAILED" ? (reply.body as Record<string, any>) : undefined;
    },
    timeoutMs,
  );

// ---------------------------------------------------------------------------------------------
// GraphQL subscriptions over graphql-ws

export interface TaskEventSeen {
  readonly type: string;
  readonly id: string;
  readonly status: string;
  readonly progress: number;
  readonly refunded: boolean;
  readonly result: string[];
  readonly glbUrls: string[];
  readonly error: string | null;
  readonly attempts: number;
  /** Date.now() when it arrived. */
  readonly at: number;
}

export interface Watch {
  readonly events: TaskEventSeen[];
  /** Payloads that were not a TaskUpdate (errors such as TASK_NOT_FOUND). */
  readonly others: unknown[];
  /** Resolves when the server completes the subscription; rejects on a subscription error. */
  readonly completed: Promise<void>;
  /** The first event (already seen or to come) matching `predicate`. */
  until(predicate: (event: TaskEventSeen) => boolean, timeoutMs: number, what?: string): Promise<TaskEventSeen>;
  close(): Promise<void>;
}

const TASK_UPDATE = `__typename ... on TaskUpdate { type task { id status progress refunded result glbUrls error attempts } } ... on Error { code message }`;

function watch(cleanup: Cleanup, base: string, key: string, query: string, variables: Record<string, unknown>): Watch {
  const client: WsClient = createClient({
    url: `${base.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${key}` },
    retryAttempts: 0,
    lazy: true,
  });
  const events: TaskEventSeen[] = [];
  const others: unknown[] = [];
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const waiter of waiters) waiter();
  };
  let failure: unknown;
  const completed = new Promise<void>((resolveDone, reject) => {
    client.subscribe(
      { query, variables },
      {
        next(message) {
          const data = (message.data ?? {}) as Record<string, any>;
          const payload = Object.values(data)[0] as Record<string, any> | undefined;
          if (payload?.__typename === "TaskUpdate") {
            const t = payload.task;
            events.push({
              type: payload.type,
              id: t.id,
              status: t.status,
              progress: t.progress,
              refunded: t.refunded,
              result: t.result,
              glbUrls: t.glbUrls,
              error: t.error,
              attempts: t.attempts,
              at: Date.now(),
            });
          } else others.push(message.errors ?? payload);
          notify();
        },
        error(error) {
          failure = error;
          notify();
          reject(error instanceof Error ? error : new Error(`subscription error: ${JSON.stringify(error)}`));
        },
        complete() {
          notify();
          resolveDone();
        },
      },
    );
  });
  completed.catch(() => undefined);
  const close = async () => {
    await client.dispose();
  };
  cleanup.add(close);
  return {
    events,
    others,
    completed,
    until(predicate, timeoutMs, what = "a matching event") {
      return new Promise<TaskEventSeen>((resolveEvent, reject) => {
        const check = () => {
          const found = events.find(predicate);
          if (found) {
            done();
            resolveEvent(found);
          } else if (failure !== undefined) {
            done();
            reject(new Error(`subscription failed while waiting for ${what}: ${String(failure)}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${what} within ${timeoutMs} ms; saw ${describeEvents(events)}; others ${JSON.stringify(others)}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close,
  };
}

/** `taskUpdated(id)`: the current state at once, then every change until FINISHED or FAILED. */
export const watchTask = (cleanup: Cleanup, base: string, key: string, taskId: string): Watch =>
  watch(cleanup, base, key, `subscription ($id: ID!) { taskUpdated(id: $id) { ${TASK_UPDATE} } }`, { id: taskId });

/** `myTasks`: every change to any of the key's tasks. */
export const watchMyTasks = (cleanup: Cleanup, base: string, key: string): Watch =>
  watch(cleanup, base, key, `subscription { myTasks { ${TASK_UPDATE} } }`, {});

/**
 * Waits until every watcher's subscription is live: publishes a marker event on the key's feed
 * (through `pubsub`, so it reaches every process sharing it) until each watcher has seen one.
 * The marker is a task id that exists nowhere else; tests filter events by their own ids.
 */
export async function whenLive(pubsub: GatewayPubSub, keyId: string, watchers: readonly Watch[], timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const marker = (id: string): TaskRecord => ({
    id, keyId, model: "gpt-image-2", output: "image", status: "QUEUED", requestParams: {}, params: {}, adjustments: [], cost: 0,
    refunded: false, result: [], glbUrls: [], error: null, progress: 0, account: null, attempts: 0, createdAt: 0, updatedAt: 0,
    startedAt: null, finishedAt: null, slotReleaseAt: 0, refundAt: 0, hardDeadlineAt: 0,
  });
  for (let round = 0; ; round++) {
    const id = `live-marker-${randomUUID()}`;
    await pubsub.publish("keyTasks", keyId, { type: "QUEUED", task: marker(id) });
    const seen = await Promise.all(watchers.map((w) => w.until((e) => e.id === id, 100, "the live marker").then(() => true, () => false)));
    if (seen.every(Boolean)) return;
    if (Date.now() > deadline) throw new Error(`subscriptions not live after ${round + 1} markers`);
  }
}

export const describeEvents = (events: readonly TaskEventSeen[]): string =>
  events.map((e) => `${e.type}/${e.status}/${e.progress}${e.refunded ? "/refunded" : ""}`).join(", ") || "(none)";

// ---------------------------------------------------------------------------------------------
// Files: tiny PNGs to upload, and parsers for what the gateway serves

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A valid RGB PNG of width × height (a gradient), built here, not by the code under test. */
export function makePng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) raw.set([(x * 255) / Math.max(1, width - 1), (y * 255) / Math.max(1, height - 1), 128], row + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

/** Width and height from a PNG's IHDR (throws if the bytes are not a PNG or the IHDR CRC is wrong). */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(bytes);
  if (!b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error("not a PNG (signature)");
  if (b.readUInt32BE(8) !== 13 || b.toString("latin1", 12, 16) !== "IHDR") throw new Error("PNG does not start with IHDR");
  if (crc32(b.subarray(12, 29)) !== b.readUInt32BE(29)) throw new Error("PNG IHDR CRC mismatch");
  if (b.toString("latin1", b.length - 8, b.length - 4) !== "IEND") throw new Error("PNG does not end with IEND");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Walks a GIF's blocks: its logical size, its frames, and whether it has the NETSCAPE2.0 loop extension. */
export function gifInfo(bytes: Uint8Array): { width: number; height: number; frames: number; loops: boolean } {
  const b = Buffer.from(bytes);
  const header = b.toString("latin1", 0, 6);
  if (header !== "GIF89a" && header !== "GIF87a") throw new Error(`not a GIF (${JSON.stringify(header)})`);
  const width = b.readUInt16LE(6);
  const height = b.readUInt16LE(8);
  const packed = b[10]!;
  let p = 13 + (packed & 0x80 ? 3 * (1 << ((packed & 7) + 1)) : 0);
  const skipSubBlocks = () => {
    while (b[p] !== 0) {
      if (p >= b.length) throw new Error("GIF truncated in a sub-block");
      p += b[p]! + 1;
    }
    p += 1;
  };
  let frames = 0;
  let loops = false;
  for (;;) {
    const introducer = b[p];
    if (introducer === 0x3b) break;
    if (introducer === 0x21) {
      const label = b[p + 1];
      if (label === 0xff && b.toString("latin1", p + 3, p + 14) === "NETSCAPE2.0") loops = true;
      p += 2;
      skipSubBlocks();
    } else if (introducer === 0x2c) {
      const local = b[p + 9]!;
      p += 10 + (local & 0x80 ? 3 * (1 << ((local & 7) + 1)) : 0);
      p += 1; // LZW minimum code size
      skipSubBlocks();
      frames++;
    } else throw new Error(`GIF: unexpected block 0x${(introducer ?? 0).toString(16)} at ${p}`);
  }
  return { width, height, frames, loops };
}

/** A JPEG starts with SOI and ends with EOI. */
export const isJpeg = (bytes: Uint8Array): boolean =>
  bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9;

/** A binary glTF: magic "glTF", version 2, and the header's length equals the file's. */
export function glbHeader(bytes: Uint8Array): { magic: string; version: number; length: number } {
  const b = Buffer.from(bytes);
  return { magic: b.toString("latin1", 0, 4), version: b.readUInt32LE(4), length: b.readUInt32LE(8) };
}

/** GET of a served file's bytes. */
export async function fetchBytes(url: string): Promise<{ status: number; contentType: string | null; bytes: Uint8Array }> {
  const response = await fetch(url);
  return { status: response.status, contentType: response.headers.get("content-type"), bytes: new Uint8Array(await response.arrayBuffer()) };
}

export const randomKey = (): string => `sk-life_${randomBytes(16).toString("hex")}`;

// ---------------------------------------------------------------------------------------------
// A witness in the database under test: a trigger records every committed change of a task's
// status or refund, so invariants are checked on what was actually committed, not on samples.

interface SqlRunner {
  $executeRawUnsafe(query: string): Promise<unknown>;
  $queryRawUnsafe<T = unknown>(query: string): Promise<T>;
}

const AUDIT_SQL = [
  `CREATE TABLE IF NOT EXISTS lifecycle_audit (
     seq bigserial PRIMARY KEY, task_id text NOT NULL, old_status text, new_status text NOT NULL,
     was_refunded boolean NOT NULL, refunded boolean NOT NULL, lease_owner text)`,
  `CREATE OR REPLACE FUNCTION lifecycle_audit_fn() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     INSERT INTO lifecycle_audit (task_id, old_status, new_status, was_refunded, refunded, lease_owner)
     VALUES (NEW.id, CASE WHEN TG_OP = 'UPDATE' THEN OLD.status::text END, NEW.status::text,
             TG_OP = 'UPDATE' AND OLD.refunded_at IS NOT NULL, NEW.refunded_at IS NOT NULL, NEW.lease_owner);
     RETURN NEW;
   END $$`,
  `DROP TRIGGER IF EXISTS lifecycle_audit_insert ON tasks`,
  `CREATE TRIGGER lifecycle_audit_insert AFTER INSERT ON tasks FOR EACH ROW EXECUTE FUNCTION lifecycle_audit_fn()`,
  `DROP TRIGGER IF EXISTS lifecycle_audit_update ON tasks`,
  `CREATE TRIGGER lifecycle_audit_update AFTER UPDATE ON tasks FOR EACH ROW
     WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.refunded_at IS DISTINCT FROM NEW.refunded_at)
     EXECUTE FUNCTION lifecycle_audit_fn()`,
];

export interface AuditRow {
  readonly taskId: string;
  readonly oldStatus: string | null;
  readonly newStatus: string;
  readonly wasRefunded: boolean;
  readonly refunded: boolean;
  readonly leaseOwner: string | null;
}

/** Installs the audit trigger (idempotent) through a Prisma client or a pg pool. */
export async function installAudit(db: SqlRunner | pg.Pool): Promise<void> {
  for (const sql of AUDIT_SQL) {
    if (db instanceof pg.Pool) await db.query(sql);
    else await db.$executeRawUnsafe(sql);
  }
}

export async function readAudit(db: SqlRunner | pg.Pool): Promise<AuditRow[]> {
  const sql = "SELECT task_id, old_status, new_status, was_refunded, refunded, lease_owner FROM lifecycle_audit ORDER BY seq";
  const rows = (db instanceof pg.Pool ? (await db.query(sql)).rows : await db.$queryRawUnsafe<any[]>(sql)) as any[];
  return rows.map((r) => ({ taskId: r.task_id, oldStatus: r.old_status, newStatus: r.new_status, wasRefunded: r.was_refunded, refunded: r.refunded, leaseOwner: r.lease_owner }));
}

/**
 * What every committed history must satisfy: a task is never committed FAILED without its refund
 * (a crash right after would lose the refund for good), it is refunded at most once (refunded_at
 * never goes from set back to unset and is set once), and a final state (FINISHED, FAILED) is never left.
 * Returns the violations, one line each (empty = fine).
 */
export function auditViolations(rows: readonly AuditRow[]): string[] {
  const problems: string[] = [];
  const refunds = new Map<string, number>();
  const finals = new Map<string, string>();
  for (const row of rows) {
    const id = row.taskId.slice(0, 8);
    if (row.newStatus === "FAILED" && !row.refunded) problems.push(`${id}: committed FAILED without its refund`);
    if (row.wasRefunded && !row.refunded) problems.push(`${id}: refund undone`);
    if (!row.wasRefunded && row.refunded) refunds.set(row.taskId, (refunds.get(row.taskId) ?? 0) + 1);
    const final = finals.get(row.taskId);
    if (final && row.newStatus !== final) problems.push(`${id}: left final state ${final} for ${row.newStatus}`);
    if (row.newStatus === "FINISHED" || row.newStatus === "FAILED") finals.set(row.taskId, row.newStatus);
  }
  for (const [taskId, count] of refunds) if (count > 1) problems.push(`${taskId.slice(0, 8)}: refunded ${count} times`);
  return problems;
}
