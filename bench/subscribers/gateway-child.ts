/**
 * The gateway under test for bench/subscribers.bench.ts, alone in its own process so that its
 * memory is measured without the clients'. Started by the bench with `fork()` and `--expose-gc`.
 *
 * It starts `createGateway` with embedded defaults (PGlite in memory, in-process pub/sub, the
 * task driver off so only the bench publishes), creates the keys and one open (QUEUED) task per
 * key, then obeys the commands of `protocol.ts` over the IPC channel.
 *
 * The publish timestamp travels inside the task: `params.benchSentAt` (ms, high resolution, on
 * this process's `performance.timeOrigin` clock) and `params.benchSeq` (a global sequence number).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Session } from "node:inspector/promises";
import { writeFile } from "node:fs/promises";
import { writeHeapSnapshot } from "node:v8";
import { createGateway } from "../../src/app/gateway.ts";
import { catalog } from "../../src/catalog/index.ts";
import { loadConfig } from "../../src/app/config.ts";
import { usdToMicros } from "../../src/kernel/money.ts";
import { publishTaskEvent } from "../../src/services/events.ts";
import type { TaskRecord } from "../../src/domain/task.ts";
import { randomUUID } from "node:crypto";
import type { ChildReply, ChildRequest, KeyInfo, MemorySample } from "./protocol.ts";

const send = (reply: ChildReply) => process.send?.(reply);
const now = () => performance.timeOrigin + performance.now();

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  send({ type: "fatal", message: "the gateway child needs --expose-gc" });
  process.exit(1);
}

async function main() {
  const keyCount = Number(process.env.BENCH_KEYS ?? 100);
  const dataDir = await mkdtemp(join(tmpdir(), "gateai-subs-bench-"));
  const loaded = loadConfig({ PORT: "0", HOST: "127.0.0.1", GATEAI_DATA_DIR: dataDir, LOG_LEVEL: "silent", GATEAI_DAILY_LIMIT: "1000000" });
  if (!loaded.ok) throw new Error(loaded.errors.join("; "));
  const gateway = await createGateway(loaded.config, { memoryDatabase: true, driver: { enabled: false } });
  const { url } = await gateway.listen(0, "127.0.0.1");
  const { services } = gateway;

  // Realistic tasks: the spec's example requests, round-robin over the catalog.
  const keys: KeyInfo[] = [];
  const tasks: TaskRecord[] = [];
  for (let i = 0; i < keyCount; i++) {
    const { key, record } = await services.keys.create({ label: `bench-${i}` });
    const model = catalog[i % catalog.length]!;
    const t = Date.now();
    const accepted = await gateway.infrastructure.stores.tasks.accept(
      {
        id: randomUUID(),
        keyId: record.id,
        model: model.id,
        output: model.output,
        requestParams: model.example.params,
        params: model.example.params,
        adjustments: [{ param: "width", from: 1000, to: 1024, reason: "SNAPPED_TO_VALID_SIZE" }],
        cost: usdToMicros(0.04),
        now: t,
        slotReleaseAt: t + 600_000,
        refundAt: t + 1_200_000,
        hardDeadlineAt: t + 2_400_000,
      },
      usdToMicros(1_000_000),
    );
    if (!accepted) throw new Error("could not create a bench task");
    const task = accepted.task;
    tasks.push(task);
    keys.push({ key, keyId: record.id, taskId: task.id });
  }

  /**
   * Each event of a task is a later state than its last one, as a real task's are (subscribers
   * drop an event that is not: isNewerState): progress rises, then the attempt, and updatedAt.
   */
  const lastUpdated = tasks.map((t) => t.updatedAt);
  const published = tasks.map(() => 0);

  /** One PROGRESS transition of key i's task, as the task driver would publish it. */
  const publish = (i: number, seq: number, probe: boolean): Promise<void> => {
    const base = tasks[i]!;
    const updatedAt = Math.max(Date.now(), lastUpdated[i]! + 1);
    lastUpdated[i] = updatedAt;
    const n = published[i]!++;
    const task: TaskRecord = {
      ...base,
      status: "PROCESSING",
      progress: 1 + (n % 99),
      attempts: 1 + Math.floor(n / 99),
      account: i % 12,
      startedAt: base.createdAt + 1_000,
      updatedAt,
      params: { ...base.params, benchSeq: seq, benchProbe: probe, benchSentAt: now() },
    };
    return publishTaskEvent(services.pubsub, "PROGRESS", task);
  };

  const memory = (): MemorySample => {
    for (let i = 0; i < 3; i++) gc!();
    const m = process.memoryUsage();
    return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers };
  };

  let session: Session | undefined;

  process.on("message", (raw) => {
    const msg = raw as ChildRequest;
    void (async () => {
      switch (msg.type) {
        case "clock":
          send({ type: "clock", id: msg.id, childNow: now() });
          return;
        case "cpu": {
          const usage = process.cpuUsage();
          send({ type: "cpu", id: msg.id, micros: usage.user + usage.system });
          return;
        }
        case "memory":
          send({ type: "memory", id: msg.id, memory: memory() });
          return;
        case "publish": {
          await publish(msg.key, msg.seq, msg.probe);
          send({ type: "done", id: msg.id });
          return;
        }
        case "broadcast": {
          // Every key's task changes at once (one synchronous burst of publishes).
          const all: Promise<void>[] = [];
          for (let i = 0; i < keys.length; i++) all.push(publish(i, msg.seqBase + i, msg.probe));
          await Promise.all(all);
          send({ type: "done", id: msg.id });
          return;
        }
        case "connections": {
          const count = await new Promise<number>((resolve) => gateway.server.getConnections((_e, n) => resolve(n)));
          send({ type: "connections", id: msg.id, count });
          return;
        }
        case "profile-start":
          session = new Session();
          session.connect();
          await session.post("Profiler.enable");
          await session.post("Profiler.setSamplingInterval", { interval: 100 });
          await session.post("Profiler.start");
          send({ type: "done", id: msg.id });
          return;
        case "profile-stop": {
          if (session) {
            const { profile } = await session.post("Profiler.stop");
            await writeFile(msg.path, JSON.stringify(profile));
            session.disconnect();
            session = undefined;
          }
          send({ type: "done", id: msg.id });
          return;
        }
        case "heap-snapshot":
          gc!();
          writeHeapSnapshot(msg.path);
          send({ type: "done", id: msg.id });
          return;
        case "exit":
          await gateway.close().catch(() => undefined);
          await rm(dataDir, { recursive: true, force: true });
          send({ type: "done", id: msg.id });
          process.exit(0);
      }
    })().catch((error: unknown) => send({ type: "fatal", message: String((error as Error)?.stack ?? error) }));
  });

  send({ type: "ready", url, keys });
}

main().catch((error: unknown) => {
  send({ type: "fatal", message: String((error as Error)?.stack ?? error) });
  process.exit(1);
});
