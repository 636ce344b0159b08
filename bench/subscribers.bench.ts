/**
 * Live-update capacity of ONE gateway process: `npm run bench:subscribers`.
 *
 * The gateway runs alone in a child process (bench/subscribers/gateway-child.ts: PGlite in memory,
 * in-process pub/sub, task driver off), so its memory is measured without the clients'. This
 * process opens N graphql-ws connections to it (graphql-ws `createClient` over `ws`, lazy: false,
 * no retries), each with ONE subscription: ~90% `myTasks` spread evenly over K keys (default 100),
 * ~10% `taskUpdated` on the open task of their key. Every publish is a PROGRESS transition of a
 * key's task (`publishTaskEvent`, as the task driver does), so it reaches that key's `myTasks`
 * and `taskUpdated` subscribers (~N/K). The child stamps each event with a high-resolution send
 * time (`task.params.benchSentAt`) and a sequence number (`benchSeq`); the two clocks are
 * aligned over IPC (min-RTT ping), so latency = receipt time - send time, publish to `next()`.
 *
 * For each N (fresh child each time):
 *  1. warm-up: a few connections, an event, closed again (JIT, caches), then memory after GC;
 *  2. ramp to N connections in batches; probe rounds (every key publishes once, not measured)
 *     until every subscriber has seen an event, i.e. every subscription is live;
 *  3. memory after GC at N idle subscribers -> bytes per idle subscriber (RSS- and heap-based);
 *  4. paced: E single publishes (default 200, every 20 ms, round-robin over keys);
 *  5. broadcast: B rounds (default 5) in which every key's task changes at once (all N receive);
 *  6. p50/p95/p99/max over every (event, subscriber) receipt, lost and out-of-order deliveries,
 *     and the gateway's CPU time per delivery (process.cpuUsage: unlike latency, barely moved by
 *     other load on the machine; the load average is printed next to it);
 *  7. every client closes: the gateway's heap must come back to where it started (leak check);
 *  8. the floor of a broadcast on this machine, measured in the same run: a bare `ws` server
 *     (bench/subscribers/ws-floor-child.ts) sends a message as large as the gateway's to as many
 *     connections, in one loop, the same number of rounds; p99 to each receipt.
 *
 * Targets: the p99 target (< 100 ms with 10,000 subscribers) applies to status changes as they
 * come (the paced phase: 50 changes/s, each reaching its key's ~N/K subscribers, 5,000
 * deliveries/s at N = 10,000). A burst that reaches all N at once is reported next to its floor
 * (no target: at N = 10,000 even the bare ws server needs more than 100 ms here).
 *
 * Reading a profile or snapshot: bench/subscribers/profile-summary.ts, bench/subscribers/heap-summary.ts.
 *
 * Not a test: it prints a table and whether each target is met. Options:
 *   --sizes=1000,5000,10000  --keys=100  --events=200  --interval=20  --broadcasts=5
 *   --task-updated=0.1 (share of taskUpdated subscribers)  --batch=250 (connections in flight)
 *   --me-updated=0 (share of meUpdated subscribers: a dashboard, reloaded after each change of the
 *     key; it carries no send time, so its latency is taken from the publish request, IPC included)
 *   --profile (CPU profile of the gateway while delivering, largest N)
 *   --heap-snapshot (gateway heap snapshot with N subscribers connected, after the measurements, largest N)
 */
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import type { FormattedExecutionResult } from "graphql";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import type { ChildReply, ChildRequest, KeyInfo, MemorySample, WithoutId } from "./subscribers/protocol.ts";
import { measureBroadcastFloor } from "./subscribers/ws-floor.ts";

// --- options ---

const arg = (name: string): string | undefined => process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`))?.split("=")[1] ?? (process.argv.includes(`--${name}`) ? "" : undefined);
const num = (name: string, fallback: number) => {
  const raw = arg(name);
  return raw === undefined || raw === "" ? fallback : Number(raw);
};
const SIZES = (arg("sizes") ?? "1000,5000,10000").split(",").map(Number).filter((n) => n > 0);
const KEYS = num("keys", 100);
const EVENTS = num("events", 200);
const INTERVAL_MS = num("interval", 20);
const BROADCASTS = num("broadcasts", 5);
const TASK_UPDATED_SHARE = num("task-updated", 0.1);
const ME_UPDATED_SHARE = num("me-updated", 0);
const BATCH = num("batch", 250);
const PROFILE = arg("profile") !== undefined;
const HEAP_SNAPSHOT = arg("heap-snapshot") !== undefined;
const TARGETS = { connections: 10_000, bytesPerIdle: 20 * 1024, p99Ms: 100 };

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const fmtBytes = (b: number) => (Math.abs(b) >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(1)} MB` : `${(b / 1024).toFixed(1)} KB`);
const fmtMs = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(ms < 10 ? 2 : 1)} ms` : "n/a");

// --- file descriptors: every connection is one fd here and one in the gateway ---

function openFileLimit(): { soft: number; hard: number } | null {
  try {
    const line = readFileSync("/proc/self/limits", "utf8").split("\n").find((l) => l.startsWith("Max open files"));
    const [soft, hard] = (line ?? "").split(/\s{2,}/).slice(1, 3).map((v) => (v === "unlimited" ? Infinity : Number(v)));
    return soft !== undefined && hard !== undefined && Number.isFinite(soft) ? { soft, hard } : null;
  } catch {
    return null;
  }
}

// Node raises its soft RLIMIT_NOFILE to the hard limit at start-up (the gateway child too), so
// the hard limit is what counts; `ulimit -n` in the shell that runs the bench sets it.
const needed = Math.max(...SIZES) + 1_000;
const limit = openFileLimit();
if (limit && limit.soft < needed) {
  console.error(
    `\nThe open-file limit is too low: ${limit.soft} (hard ${limit.hard}), and ${needed} are needed for ${Math.max(...SIZES)} connections ` +
      `(each is one fd in this process and one in the gateway).\nRaise it, e.g. \`ulimit -n ${needed}\` (as root if the hard limit is lower: ` +
      `/etc/security/limits.conf or \`prlimit\`), or pass smaller --sizes.\n`,
  );
  process.exit(2);
}
try {
  const [low, high] = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/).map(Number);
  if (low !== undefined && high !== undefined && high - low + 1 < needed)
    console.warn(`warning: only ${high - low + 1} ephemeral ports (net.ipv4.ip_local_port_range) for ${needed} connections`);
} catch {
  /* not Linux */
}

// --- the gateway child ---

interface Child {
  readonly url: string;
  readonly keys: readonly KeyInfo[];
  request<T extends ChildReply["type"]>(msg: WithoutId<ChildRequest>): Promise<Extract<ChildReply, { type: T }>>;
  kill(): Promise<void>;
}

async function startChild(): Promise<Child> {
  const childPath = fileURLToPath(new URL("./subscribers/gateway-child.ts", import.meta.url));
  const proc: ChildProcess = fork(childPath, [], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    execArgv: ["--expose-gc", "--import", "tsx"],
    env: { ...process.env, BENCH_KEYS: String(KEYS), NODE_ENV: "production" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let nextId = 1;
  const waiting = new Map<number, (reply: ChildReply) => void>();
  let fail: (error: Error) => void = () => undefined;
  const ready = new Promise<Extract<ChildReply, { type: "ready" }>>((resolve, reject) => {
    fail = reject;
    proc.on("message", (raw) => {
      const reply = raw as ChildReply;
      if (reply.type === "ready") resolve(reply);
      else if (reply.type === "fatal") {
        console.error(`gateway child: ${reply.message}`);
        reject(new Error(reply.message));
      } else waiting.get(reply.id)?.(reply), waiting.delete(reply.id);
    });
  });
  proc.on("exit", (code, signal) => {
    const error = new Error(`gateway child exited (${code ?? signal})`);
    fail(error);
    for (const resolve of waiting.values()) resolve({ type: "fatal", message: error.message });
    waiting.clear();
  });
  const { url, keys } = await ready;
  return {
    url,
    keys,
    request<T extends ChildReply["type"]>(msg: WithoutId<ChildRequest>) {
      const id = nextId++;
      return new Promise<Extract<ChildReply, { type: T }>>((resolve, reject) => {
        waiting.set(id, (reply) => (reply.type === "fatal" ? reject(new Error(reply.message)) : resolve(reply as Extract<ChildReply, { type: T }>)));
        proc.send({ ...msg, id });
      });
    },
    /** Asks the child to close the gateway and remove its temporary directory; kills it after 10 s. */
    async kill() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
      const timer = setTimeout(() => proc.kill("SIGKILL"), 10_000);
      try {
        proc.send({ type: "exit", id: nextId++ });
      } catch {
        proc.kill("SIGKILL");
      }
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Child clock minus ours, from the IPC ping with the smallest round trip. */
async function clockOffset(child: Child): Promise<{ offset: number; rtt: number }> {
  let best = { offset: 0, rtt: Infinity };
  for (let i = 0; i < 30; i++) {
    const t0 = now();
    const { childNow } = await child.request<"clock">({ type: "clock" });
    const t1 = now();
    if (t1 - t0 < best.rtt) best = { offset: childNow - (t0 + t1) / 2, rtt: t1 - t0 };
  }
  return best;
}

// --- subscribers ---

const TASK_FIELDS = `
  id model output status progress cost chargedCost refunded result glbUrls error params
  adjustments { param from to reason }
  createdAt updatedAt finishedAt`;
const MY_TASKS = `subscription MyTasks { myTasks { __typename ... on TaskUpdate { type task { ${TASK_FIELDS} } } ... on Error { code message } } }`;
const TASK_UPDATED = `subscription TaskUpdated($id: ID!) { taskUpdated(id: $id) { __typename ... on TaskUpdate { type task { ${TASK_FIELDS} } } ... on Error { code message } } }`;
const ME_UPDATED = `subscription MeUpdated { meUpdated { __typename ... on Dashboard {
  budget { dailyLimit used remaining resetsAt }
  concurrency { used max available activeSlots { taskId model elapsed } }
  activeTasks { id model status } recentTasks { id model status } todaySpending { model requests cost } }
  ... on Error { code message } } }`;

type Phase = "probe" | "paced" | "broadcast";

interface Subscriber {
  readonly key: number;
  readonly kind: "myTasks" | "taskUpdated" | "meUpdated";
  client: Client;
  connected: boolean;
  failed: boolean;
  lastSeq: number;
  sawProbe: boolean;
  /** meUpdated: its first dashboard (the state at subscription) has come. */
  sawInitial: boolean;
}

class Run {
  readonly subscribers: Subscriber[] = [];
  /** Subscribers per key (alive ones), i.e. how many receipts a publish for that key must produce. */
  readonly perKey: number[];
  readonly expected = new Map<number, number>();
  readonly received = new Map<number, number>();
  readonly latencies: Record<Exclude<Phase, "probe"> | "dashboard", number[]> = { paced: [], broadcast: [], dashboard: [] };
  /** The last seq published for each key, and when it was requested (our clock): what a dashboard answers. */
  readonly lastSeqOfKey: number[];
  readonly requestedAt = new Map<number, number>();
  readonly phaseOf = new Map<number, Phase>();
  /** One delivered update, as the client got it: the floor broadcasts a message as large. */
  sample: FormattedExecutionResult<Record<string, unknown>, unknown> | undefined;
  outOfOrder = 0;
  duplicates = 0;
  errors = 0;
  unexpectedCloses = 0;
  closing = false;
  seq = 0;
  offset = 0;

  constructor(
    readonly child: Child,
    readonly url: string,
  ) {
    this.perKey = new Array<number>(child.keys.length).fill(0);
    this.lastSeqOfKey = new Array<number>(child.keys.length).fill(-1);
  }

  /** Opens one connection with one subscription; resolves once acknowledged (true) or failed (false). */
  open(
    index: number,
    every = TASK_UPDATED_SHARE > 0 ? Math.round(1 / TASK_UPDATED_SHARE) : 0,
    everyMe = ME_UPDATED_SHARE > 0 ? Math.round(1 / ME_UPDATED_SHARE) : 0,
  ): Promise<boolean> {
    const key = index % KEYS;
    // Round r of KEYS connections (one per key): every `every`-th round subscribes to taskUpdated,
    // every `everyMe`-th (another one) to meUpdated, the rest to myTasks.
    const round = Math.floor(index / KEYS);
    const kind: Subscriber["kind"] =
      every > 0 && round % every === every - 1 ? "taskUpdated" : everyMe > 0 && round % everyMe === 0 ? "meUpdated" : "myTasks";
    const info = this.child.keys[key]!;
    return new Promise<boolean>((resolve) => {
      const sub: Subscriber = { key, kind, client: undefined as unknown as Client, connected: false, failed: false, lastSeq: -1, sawProbe: false, sawInitial: false };
      const settle = (ok: boolean) => {
        if (ok) {
          sub.connected = true;
          this.perKey[key]!++;
        } else if (!sub.failed) {
          sub.failed = true;
          if (sub.connected) this.perKey[key]!--;
        }
        resolve(ok);
      };
      sub.client = createClient({
        url: `${this.url.replace(/^http/, "ws")}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${info.key}` },
        lazy: false,
        retryAttempts: 0,
        connectionAckWaitTimeout: 30_000,
        onNonLazyError: () => settle(false),
        on: {
          connected: () => settle(true),
          closed: () => {
            if (!sub.connected) settle(false);
            else if (!this.closing) {
              this.unexpectedCloses++;
              settle(false);
            }
          },
        },
      });
      this.subscribers.push(sub);
      sub.client.subscribe(
        kind === "myTasks" ? { query: MY_TASKS } : kind === "meUpdated" ? { query: ME_UPDATED } : { query: TASK_UPDATED, variables: { id: info.taskId } },
        {
          next: (result) => this.receive(sub, result),
          error: () => {
            if (!this.closing) this.errors++;
          },
          complete: () => {
            if (!this.closing) this.errors++;
          },
        },
      );
    });
  }

  receive(sub: Subscriber, result: FormattedExecutionResult<Record<string, unknown>, unknown>) {
    const at = now();
    if (sub.kind === "meUpdated") return this.receiveDashboard(sub, result, at);
    const update = (result.data?.myTasks ?? result.data?.taskUpdated) as
      | { __typename: string; task?: { params?: { benchSeq?: number; benchSentAt?: number; benchProbe?: boolean } } }
      | undefined;
    if (result.errors || update?.__typename !== "TaskUpdate") {
      this.errors++;
      return;
    }
    const params = update.task?.params;
    if (params?.benchSeq === undefined || params.benchSentAt === undefined) return; // taskUpdated's first update: the stored state
    const seq = params.benchSeq;
    if (seq === sub.lastSeq) this.duplicates++;
    else if (seq < sub.lastSeq) this.outOfOrder++;
    sub.lastSeq = Math.max(sub.lastSeq, seq);
    this.received.set(seq, (this.received.get(seq) ?? 0) + 1);
    if (params.benchProbe) {
      sub.sawProbe = true;
      return;
    }
    const phase = this.phaseOf.get(seq);
    if (phase === "paced" || phase === "broadcast") this.latencies[phase].push(at - (params.benchSentAt - this.offset));
    this.sample ??= result;
  }

  /** A dashboard answers the key's latest publish (publishes for one key are far enough apart). */
  receiveDashboard(sub: Subscriber, result: FormattedExecutionResult<Record<string, unknown>, unknown>, at: number) {
    if (result.errors || (result.data?.meUpdated as { __typename?: string } | undefined)?.__typename !== "Dashboard") {
      this.errors++;
      return;
    }
    if (!sub.sawInitial) {
      sub.sawInitial = true;
      return;
    }
    const seq = this.lastSeqOfKey[sub.key]!;
    if (seq < 0) return;
    this.received.set(seq, (this.received.get(seq) ?? 0) + 1);
    const phase = this.phaseOf.get(seq);
    if (phase === "probe") sub.sawProbe = true;
    else this.latencies.dashboard.push(at - this.requestedAt.get(seq)!);
  }

  async publish(key: number, phase: Phase): Promise<number> {
    const seq = this.seq++;
    this.lastSeqOfKey[key] = seq;
    this.requestedAt.set(seq, now());
    this.phaseOf.set(seq, phase);
    this.expected.set(seq, this.perKey[key]!);
    await this.child.request({ type: "publish", key, seq, probe: phase === "probe" });
    return seq;
  }

  async broadcast(phase: Phase): Promise<number[]> {
    const seqBase = this.seq;
    const seqs: number[] = [];
    for (let key = 0; key < KEYS; key++) {
      const seq = this.seq++;
      seqs.push(seq);
      this.lastSeqOfKey[key] = seq;
      this.requestedAt.set(seq, now());
      this.phaseOf.set(seq, phase);
      this.expected.set(seq, this.perKey[key]!);
    }
    await this.child.request({ type: "broadcast", seqBase, probe: phase === "probe" });
    return seqs;
  }

  missing(seqs: readonly number[]): number {
    let missing = 0;
    for (const seq of seqs) missing += Math.max(0, (this.expected.get(seq) ?? 0) - (this.received.get(seq) ?? 0));
    return missing;
  }

  /** Waits until every receipt of `seqs` is in, or `timeoutMs`; returns how many are still missing. */
  async drain(seqs: readonly number[], timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (this.missing(seqs) > 0 && Date.now() < deadline) await sleep(5);
    return this.missing(seqs);
  }

  alive(): Subscriber[] {
    return this.subscribers.filter((s) => s.connected && !s.failed);
  }

  async close() {
    this.closing = true;
    await Promise.all(this.subscribers.map((s) => s.client.dispose()));
  }
}

const percentile = (sorted: Float64Array, q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]! : NaN);
interface LatencyStats {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}
function stats(values: readonly number[]): LatencyStats {
  const sorted = Float64Array.from(values).sort();
  return { count: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), max: sorted.length ? sorted[sorted.length - 1]! : NaN };
}

interface Result {
  n: number;
  established: number;
  failed: number;
  serverConnections: number;
  before: MemorySample;
  idle: MemorySample;
  rssPerSub: number;
  heapPerSub: number;
  paced: LatencyStats;
  broadcast: LatencyStats;
  all: LatencyStats;
  /** The same broadcasts from a bare ws server (null: no broadcast rounds). */
  floor: { stats: LatencyStats; cpuPerSend: number; bytes: number } | null;
  lost: number;
  pacedCpuPerDelivery: number;
  broadcastCpuPerDelivery: number;
  load: number;
  outOfOrder: number;
  duplicates: number;
  errors: number;
  unexpectedCloses: number;
  seconds: number;
}

async function openMany(run: Run, from: number, to: number, every?: number): Promise<{ ok: number; failed: number }> {
  let ok = 0;
  let failed = 0;
  for (let start = from; start < to; start += BATCH) {
    const batch: Promise<boolean>[] = [];
    for (let i = start; i < Math.min(to, start + BATCH); i++) batch.push(run.open(i, every));
    for (const result of await Promise.all(batch)) result ? ok++ : failed++;
  }
  return { ok, failed };
}

/** Probe rounds (every key publishes once) until every live subscriber has seen one: all subscriptions are live. */
async function untilAllLive(run: Run): Promise<number> {
  for (let round = 0; round < 20; round++) {
    const seqs = await run.broadcast("probe");
    await run.drain(seqs, 2_000);
    const notYet = run.alive().filter((s) => !s.sawProbe).length;
    if (notYet === 0) return 0;
    if (round === 19) return notYet;
    await sleep(250);
  }
  return -1;
}

async function measure(n: number, last: boolean): Promise<Result> {
  const started = Date.now();
  const child = await startChild();
  try {
    const clock = await clockOffset(child);
    console.log(`\n== N = ${n.toLocaleString("en-US")} subscribers (gateway in a child process, ${KEYS} keys, clock offset ${clock.offset.toFixed(3)} ms ± ${(clock.rtt / 2).toFixed(3)} ms)`);

    // 1. Warm-up: a few subscribers through the whole path, then gone again.
    const warm = new Run(child, child.url);
    await openMany(warm, 0, KEYS * 2, 2); // one myTasks and one taskUpdated per key
    await untilAllLive(warm);
    await warm.close();
    for (let i = 0; i < 200; i++) {
      const { count } = await child.request<"connections">({ type: "connections" });
      if (count === 0) break;
      await sleep(25);
    }
    await sleep(500);
    const before = (await child.request<"memory">({ type: "memory" })).memory;

    // 2. Ramp up.
    const run = new Run(child, child.url);
    run.offset = clock.offset;
    const rampStart = Date.now();
    const { ok: established, failed } = await openMany(run, 0, n);
    const rampSeconds = (Date.now() - rampStart) / 1000;
    const notLive = await untilAllLive(run);
    const { count: serverConnections } = await child.request<"connections">({ type: "connections" });
    console.log(
      `   connections: ${established} established, ${failed} failed in ${rampSeconds.toFixed(1)} s (${Math.round(n / rampSeconds)}/s); server sees ${serverConnections}` +
        (notLive ? `; ${notLive} subscriptions never delivered a probe` : "; every subscription live"),
    );

    // 3. Idle memory.
    await sleep(1_000);
    const idle = (await child.request<"memory">({ type: "memory" })).memory;
    const alive = run.alive().length || 1;
    const rssPerSub = (idle.rss - before.rss) / alive;
    const heapPerSub = (idle.heapUsed - before.heapUsed) / alive;
    console.log(
      `   memory: RSS ${fmtBytes(before.rss)} -> ${fmtBytes(idle.rss)}, heap used ${fmtBytes(before.heapUsed)} -> ${fmtBytes(idle.heapUsed)}, ` +
        `external ${fmtBytes(before.external)} -> ${fmtBytes(idle.external)}: ${fmtBytes(rssPerSub)} RSS, ${fmtBytes(heapPerSub)} heap per idle subscriber`,
    );

    // 4. Paced single publishes; 5. broadcasts.
    if (last && PROFILE) await child.request({ type: "profile-start" });
    const cpu = async () => (await child.request<"cpu">({ type: "cpu" })).micros;
    const cpuStart = await cpu();
    const pacedSeqs: number[] = [];
    const t0 = now();
    for (let i = 0; i < EVENTS; i++) {
      const due = t0 + i * INTERVAL_MS;
      const wait = due - now();
      if (wait > 0) await sleep(wait);
      pacedSeqs.push(await run.publish(i % KEYS, "paced"));
    }
    const pacedMissing = await run.drain(pacedSeqs, 10_000);
    const cpuPaced = await cpu();
    const broadcastSeqs: number[] = [];
    let broadcastMissing = 0;
    for (let round = 0; round < BROADCASTS; round++) {
      await sleep(200);
      const seqs = await run.broadcast("broadcast");
      broadcastSeqs.push(...seqs);
      broadcastMissing += await run.drain(seqs, 20_000);
    }
    const cpuBroadcast = await cpu();
    if (last && PROFILE) {
      const path = join(tmpdir(), `gateai-subscribers-${n}.cpuprofile`);
      await child.request({ type: "profile-stop", path });
      console.log(`   CPU profile: ${path}`);
    }

    const paced = stats(run.latencies.paced);
    const broadcast = stats(run.latencies.broadcast);
    const all = stats([...run.latencies.paced, ...run.latencies.broadcast]);
    const line = (name: string, s: LatencyStats) =>
      `   ${name.padEnd(10)} ${String(s.count).padStart(7)} receipts: p50 ${fmtMs(s.p50)}, p95 ${fmtMs(s.p95)}, p99 ${fmtMs(s.p99)}, max ${fmtMs(s.max)}`;
    console.log(line("paced", paced));
    console.log(line("broadcast", broadcast));
    console.log(line("all", all));
    const dashboard = stats(run.latencies.dashboard);
    if (dashboard.count) console.log(`${line("meUpdated", dashboard)} (from the publish request)`);
    // Gateway CPU time per delivery: unlike latency, barely affected by other load on the machine.
    const pacedCpuPerDelivery = (cpuPaced - cpuStart) / Math.max(1, paced.count);
    const broadcastCpuPerDelivery = (cpuBroadcast - cpuPaced) / Math.max(1, broadcast.count);
    const load = loadavg()[0]!;
    console.log(
      `   gateway CPU: paced ${((cpuPaced - cpuStart) / 1000).toFixed(0)} ms (${pacedCpuPerDelivery.toFixed(0)} µs/delivery, pings and idle ticks included), ` +
        `broadcast ${((cpuBroadcast - cpuPaced) / 1000).toFixed(0)} ms (${broadcastCpuPerDelivery.toFixed(0)} µs/delivery); load average ${load.toFixed(1)} on ${availableParallelism()} cores` +
        (load > availableParallelism() + 1 ? " (other processes compete: latencies are pessimistic)" : ""),
    );
    const lost = pacedMissing + broadcastMissing;
    console.log(
      `   lost ${lost}, out of order ${run.outOfOrder}, duplicates ${run.duplicates}, errors ${run.errors}, unexpected closes ${run.unexpectedCloses}`,
    );

    if (last && HEAP_SNAPSHOT) {
      // Last: writing it stops the gateway for seconds (keep-alive pongs go unanswered meanwhile).
      const path = join(tmpdir(), `gateai-subscribers-${n}.heapsnapshot`);
      await child.request({ type: "heap-snapshot", path });
      console.log(`   heap snapshot (${n} subscribers connected): ${path}`);
    }
    // Leak check: with every client gone, the gateway's heap should be back near where it started.
    await run.close();
    for (let i = 0; i < 400; i++) {
      const { count } = await child.request<"connections">({ type: "connections" });
      if (count === 0) break;
      await sleep(25);
    }
    await sleep(500);
    const after = (await child.request<"memory">({ type: "memory" })).memory;
    console.log(`   after every client closed: heap used ${fmtBytes(after.heapUsed)} (${fmtBytes(after.heapUsed - before.heapUsed)} above the start), RSS ${fmtBytes(after.rss)}`);

    // 8. The floor: the same broadcasts (as many connections, as large a message) from a bare ws server.
    let floor: Result["floor"] = null;
    if (BROADCASTS > 0 && run.sample) {
      const template = JSON.stringify({ id: "00000000-0000-4000-8000-000000000000", type: "next", payload: { ...run.sample, floorSentAt: "__SENT_AT__" } });
      const measured = await measureBroadcastFloor({ n: established, rounds: BROADCASTS, batch: BATCH, template });
      floor = { stats: stats(measured.latencies), cpuPerSend: measured.cpuMicrosPerSend, bytes: measured.messageBytes };
      console.log(`${line("floor", floor.stats)} (bare ws server, ${floor.bytes} B message, ${floor.cpuPerSend.toFixed(0)} µs CPU per send)`);
    }
    return {
      n,
      established,
      failed,
      serverConnections,
      before,
      idle,
      rssPerSub,
      heapPerSub,
      paced,
      broadcast,
      all,
      floor,
      lost,
      pacedCpuPerDelivery,
      broadcastCpuPerDelivery,
      load,
      outOfOrder: run.outOfOrder,
      duplicates: run.duplicates,
      errors: run.errors,
      unexpectedCloses: run.unexpectedCloses,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await child.kill();
  }
}

// --- main ---

console.log(
  `graphql-ws subscribers on one gateway process: sizes ${SIZES.join(", ")}; ${KEYS} keys; ${Math.round(TASK_UPDATED_SHARE * 100)}% taskUpdated, ` +
    `${ME_UPDATED_SHARE ? `${Math.round(ME_UPDATED_SHARE * 100)}% meUpdated, ` : ""}the rest myTasks; ` +
    `${EVENTS} paced events every ${INTERVAL_MS} ms + ${BROADCASTS} broadcast rounds; node ${process.version}, fd limit ${openFileLimit()?.soft ?? "?"}`,
);
const results: Result[] = [];
for (const [i, n] of SIZES.entries()) results.push(await measure(n, i === SIZES.length - 1));

const pad = (s: string, w: number) => s.padStart(w);
console.log("\nN        conns ok/failed   RSS/sub    heap/sub   p50        p95        p99        max        lost  order  (paced p99 / broadcast p99 / floor p99)  CPU/delivery paced/broadcast/floor  load");
for (const r of results) {
  console.log(
    `${r.n.toString().padEnd(8)} ${pad(`${r.established}/${r.failed}`, 14)}  ${pad(fmtBytes(r.rssPerSub), 9)}  ${pad(fmtBytes(r.heapPerSub), 9)}  ` +
      `${pad(fmtMs(r.all.p50), 9)}  ${pad(fmtMs(r.all.p95), 9)}  ${pad(fmtMs(r.all.p99), 9)}  ${pad(fmtMs(r.all.max), 9)}  ${pad(String(r.lost), 4)}  ${pad(String(r.outOfOrder), 5)}  ` +
      `(${fmtMs(r.paced.p99)} / ${fmtMs(r.broadcast.p99)} / ${fmtMs(r.floor?.stats.p99 ?? NaN)})  ` +
      `${r.pacedCpuPerDelivery.toFixed(0)} / ${r.broadcastCpuPerDelivery.toFixed(0)} / ${r.floor ? r.floor.cpuPerSend.toFixed(0) : "-"} µs  ${r.load.toFixed(1)}  [${r.seconds.toFixed(0)} s]`,
  );
}

const largest = results.reduce((a, b) => (b.n > a.n ? b : a));
const check = (ok: boolean) => (ok ? "met" : "MISSED");
const perSub = Math.max(largest.rssPerSub, largest.heapPerSub);
console.log(`\nTargets (at N = ${largest.n.toLocaleString("en-US")}):`);
console.log(`  ${TARGETS.connections.toLocaleString("en-US")} concurrent subscribers       ${pad(`${largest.established} ok, ${largest.failed} failed`, 22)}  ${check(largest.n >= TARGETS.connections && largest.established >= TARGETS.connections && largest.failed === 0)}`);
console.log(`  < 20 KB per idle subscriber      ${pad(`RSS ${fmtBytes(largest.rssPerSub)}, heap ${fmtBytes(largest.heapPerSub)}`, 22)}  ${check(perSub < TARGETS.bytesPerIdle)}`);
console.log(`  p99 delivery < 100 ms            ${pad(`${fmtMs(largest.paced.p99)} (status changes)`, 22)}  ${check(largest.paced.p99 < TARGETS.p99Ms)}`);
console.log(`  no lost / reordered deliveries   ${pad(`${results.reduce((s, r) => s + r.lost, 0)} lost, ${results.reduce((s, r) => s + r.outOfOrder + r.duplicates, 0)} reordered/dup`, 22)}  ${check(results.every((r) => r.lost === 0 && r.outOfOrder === 0 && r.duplicates === 0))}`);
if (largest.floor) {
  // No target: even a bare ws server cannot reach 10,000 sockets at once within 100 ms here.
  console.log(
    `  (burst) one change to all ${largest.n.toLocaleString("en-US")} at once: p99 ${fmtMs(largest.broadcast.p99)}; a bare ws server sending the same ` +
      `message to the same sockets: p99 ${fmtMs(largest.floor.stats.p99)}, so the gateway takes ${(largest.broadcast.p99 / largest.floor.stats.p99).toFixed(1)} x the floor`,
  );
}
process.exit(0);
