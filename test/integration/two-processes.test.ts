/**
 * The same guarantees across TWO gateway processes (`node --import tsx src/main.ts`) sharing
 * one PostgreSQL database and one Redis: one budget, 5 slots and one 5-per-30-s window per key,
 * whichever process a request reaches. Needs TEST_DATABASE_URL and TEST_REDIS_URL (CI has them).
 *
 * GATEAI_TIME_SCALE=10: a video takes 6-30 s (it holds its slot for the whole test), an image
 * 1-3 s (its slot frees quickly), a slot expires after 60 s and the refund deadline (120 s) is
 * never reached, so usage only grows while the test runs.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GenerationRequest } from "../../src/engine/engine.ts";
import { hashKey } from "../../src/services/keys.ts";
import { createTestDatabase } from "../support/gateway.ts";
import { requireService, testDatabaseUrl, testRedisUrl } from "../support/services.ts";
import { BUDGET_MIX, CHEAP_IMAGE, burst, checkLedger, expectRateLimited, histogram, micros, type Outcome, type StoredTask } from "./support.ts";

const available = requireService("postgres") && requireService("redis");
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const LIMIT_USD = 0.5;
/** A video: holds its slot 6-30 s at time scale 10. 0.02 $. */
const SLOW_VIDEO: GenerationRequest = { model: "veo-3.1-lite", params: { prompt: "a slow pan over hills" } };

const newKey = () => `sk-it2p_${randomBytes(24).toString("base64url")}`;

/** A port free right now on 127.0.0.1 (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface Child {
  readonly url: string;
  readonly process: ChildProcess;
  /** The last few KB of its output, for failure messages. */
  output(): string;
}

function startChild(env: Record<string, string>): Child {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let tail = "";
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString("utf8")).slice(-8_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return { url: `http://127.0.0.1:${env.PORT}`, process: child, output: () => tail };
}

async function waitReady(child: Child, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.process.exitCode !== null || child.process.signalCode !== null)
      throw new Error(`gateway process exited (${child.process.exitCode ?? child.process.signalCode}) before it was ready:\n${child.output()}`);
    try {
      const response = await fetch(`${child.url}/readyz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`gateway ${child.url} not ready after ${timeoutMs} ms:\n${child.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopChild(child: Child): Promise<void> {
  const proc = child.process;
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  proc.kill("SIGTERM");
  const timer = setTimeout(() => proc.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

describe.skipIf(!available)("two gateway processes sharing PostgreSQL and Redis", () => {
  const keys = { slots: newKey(), window: newKey(), budget: [newKey(), newKey(), newKey()] };
  const children: Child[] = [];
  let database: { url: string; drop(): Promise<void> } | undefined;
  let dataDir: string | undefined;
  let db: pg.Client;
  let urls: string[];

  beforeAll(async () => {
    database = await createTestDatabase(testDatabaseUrl!);
    dataDir = await mkdtemp(join(tmpdir(), "gateai-2p-"));
    const ports = [await freePort(), await freePort()];
    for (const port of ports) {
      children.push(
        startChild({
          PORT: String(port),
          HOST: "127.0.0.1",
          DATABASE_URL: database.url,
          REDIS_URL: testRedisUrl!,
          GATEAI_API_KEYS: [keys.slots, keys.window, ...keys.budget].join(","),
          GATEAI_DAILY_LIMIT: String(LIMIT_USD),
          GATEAI_TIME_SCALE: "10",
          GATEAI_DATA_DIR: join(dataDir, String(port)),
          LOG_LEVEL: "warn",
        }),
      );
    }
    // Both start at once: migrations and key seeding race too (serialized by an advisory lock).
    await Promise.all(children.map((c) => waitReady(c)));
    urls = children.map((c) => c.url);
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
  }, 90_000);

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await Promise.all(children.map(stopChild));
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 30_000);

  const keyId = async (rawKey: string): Promise<string> => {
    const { rows } = await db.query<{ id: string }>("SELECT id FROM api_keys WHERE hash = $1", [hashKey(rawKey)]);
    expect(rows.length).toBe(1);
    return rows[0]!.id;
  };

  const dashboard = async (url: string, rawKey: string) => {
    const response = await fetch(`${url}/api/me?key=${rawKey}`);
    expect(response.status).toBe(200);
    return (await response.json()) as { budget: { used: number }; concurrency: { used: number; active_slots: { taskId: string }[] } };
  };

  it("exactly 5 slots across both processes: 30 simultaneous generations (15 each) → 5 accepted, 25 x 429", async () => {
    const outcomes = await burst(urls, keys.slots, Array.from({ length: 30 }, () => SLOW_VIDEO));
    expect(histogram(outcomes)).toEqual({ 200: 5, 429: 25 });
    // Both processes answered (each sent 15); the videos still run, so the refusals are the slots'.
    expect(new Set(outcomes.map((o) => o.via))).toEqual(new Set([0, 1]));
    for (const o of outcomes.filter((x) => x.status === 429)) expectRateLimited(o, "CONCURRENCY");
    const accepted = new Set(outcomes.filter((o) => o.status === 200).map((o) => o.body.task_id as string));
    // Both processes see the same 5 held slots.
    for (const url of urls) {
      const me = await dashboard(url, keys.slots);
      expect(me.concurrency.used).toBe(5);
      expect(new Set(me.concurrency.active_slots.map((s) => s.taskId))).toEqual(accepted);
    }
    // And a 6th, sent to either process one by one, is still refused.
    for (const url of urls) {
      const [again] = await burst([url], keys.slots, [SLOW_VIDEO]);
      expectRateLimited(again!, "CONCURRENCY");
    }
  });

  it("the 5-per-30-s window is shared: 5 admitted (3 + 2), slots freed, then both processes refuse with WINDOW", async () => {
    const started = Date.now();
    const first = await burst(urls, keys.window, Array.from({ length: 5 }, () => CHEAP_IMAGE));
    expect(histogram(first)).toEqual({ 200: 5 });
    // Images take 1-3 s here: wait until every slot was released by a finished task.
    const deadline = Date.now() + 15_000;
    for (;;) {
      const me = await dashboard(urls[0]!, keys.window);
      if (me.concurrency.used === 0) break;
      if (Date.now() > deadline) throw new Error(`slots still held: ${JSON.stringify(me.concurrency)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const elapsedS = (Date.now() - started) / 1000;
    expect(elapsedS, "test too slow to see the window").toBeLessThan(25);
    // Each process admitted at most 3: a per-process window would admit these.
    const second = await burst(urls, keys.window, [CHEAP_IMAGE, CHEAP_IMAGE]);
    expect(histogram(second)).toEqual({ 429: 2 });
    for (const o of second) {
      const retryAfter = expectRateLimited(o, "WINDOW");
      expect(retryAfter).toBeLessThanOrEqual(30);
      expect(retryAfter).toBeGreaterThanOrEqual(Math.floor(30 - elapsedS - 2));
    }
  });

  it("one budget across both processes: 3 keys x 30 simultaneous generations, not one micro-dollar overspent", async () => {
    const perKey = await Promise.all(
      keys.budget.map((key, k) =>
        // A different order per key, so different requests win the slots.
        burst(urls, key, Array.from({ length: 30 }, (_, i) => BUDGET_MIX[(i * (k + 1) + k) % BUDGET_MIX.length]!)),
      ),
    );
    for (const [k, key] of keys.budget.entries()) {
      const outcomes: Outcome[] = perKey[k]!;
      const id = await keyId(key);
      const { rows: taskRows } = await db.query<{ id: string; cost_micros: string; charge_day: string; refunded: boolean }>(
        "SELECT id, cost_micros::text, charge_day::text, refunded_at IS NOT NULL AS refunded FROM tasks WHERE key_id = $1",
        [id],
      );
      const { rows: usage } = await db.query<{ used: string }>("SELECT coalesce(sum(used_micros), 0)::text AS used FROM daily_usage WHERE key_id = $1", [id]);
      const tasks: StoredTask[] = taskRows.map((r) => ({ id: r.id, cost: Number(r.cost_micros), chargeDay: r.charge_day, refunded: r.refunded }));
      const credits = await Promise.all(
        urls.map(async (url) => {
          const response = await fetch(`${url}/credits`, { headers: { authorization: `Bearer ${key}` } });
          return micros(((await response.json()) as { your_budget: { used: number } }).your_budget.used);
        }),
      );
      const result = checkLedger({ limit: micros(LIMIT_USD), outcomes, creditsUsed: credits, ledgerUsed: Number(usage[0]!.used), tasks });
      // The slots and the window bound admissions across both processes too.
      expect(result.accepted).toBeGreaterThan(0);
      expect(result.accepted).toBeLessThanOrEqual(5);
    }
  });
});
