/**
 * One chaos trial: its own PostgreSQL and Redis, several gateway processes on them, mixed REST /
 * GraphQL / graphql-ws load from several keys with small daily limits, while gateway processes
 * are killed (-9) and started again, Redis is restarted once and PostgreSQL once. Then the
 * invariants are checked from the database and from what the clients recorded (invariants.ts).
 *
 * Everything random (which request, which gateway, when a kill happens) comes from one seeded
 * generator, so a seed names the trial's plan; the timing of a real system still varies.
 * graphql-ws client options (url as a function, retries, on.connected/closed):
 * https://the-guild.dev/graphql/ws/docs/client/interfaces/ClientOptions
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient, type Client } from "graphql-ws";
import pg from "pg";
import WebSocket from "ws";
import { hashKey } from "../../src/services/keys.ts";
import { createGatewayProcess, createPostgresCluster, createRedisServer, freePort, sleep, waitFor, type GatewayProcess } from "./cluster.ts";
import { checkInvariants, type ClientRecords, type FeedConnection, type Outage, type Violation } from "./invariants.ts";

export interface ChaosOptions {
  readonly seed: number;
  /** How long the load and the faults last. */
  readonly durationMs: number;
  readonly gateways: number;
  readonly keys: number;
  /** Every key's daily limit. */
  readonly limitUsd: number;
  /** GATEAI_TIME_SCALE of the gateways: generations and the spec's deadlines run this much faster. */
  readonly timeScale: number;
  readonly failureRate: number;
  readonly stallRate: number;
  /** Mean time between two gateway kills. */
  readonly killEveryMs: number;
  /** Restart Redis once and PostgreSQL once during the load (off only to tell faults apart). */
  readonly restartRedis: boolean;
  readonly restartPostgres: boolean;
  readonly log?: (line: string) => void;
}

export const defaultChaosOptions: ChaosOptions = {
  seed: 1,
  durationMs: 60_000,
  gateways: 3,
  keys: 4,
  limitUsd: 0.2,
  timeScale: 60,
  failureRate: 0.4,
  stallRate: 0.02,
  killEveryMs: 6_000,
  restartRedis: true,
  restartPostgres: true,
};

export interface ChaosReport {
  readonly seed: number;
  readonly kills: number;
  readonly gatewayRestarts: number;
  readonly redisRestarts: number;
  readonly postgresRestarts: number;
  /** Generation requests sent, by answer status (0: no answer, the connection died). */
  readonly requests: Record<string, number>;
  readonly tasks: number;
  readonly finished: number;
  readonly failed: number;
  readonly refunded: number;
  /** FAILED tasks by error. */
  readonly failures: Record<string, number>;
  readonly feedReconnects: number;
  readonly violations: readonly Violation[];
}

/** mulberry32: a small seeded generator, enough to replay a plan. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Requests from 0.002 $ to 0.044 $: a 0.20 $ limit runs out during a trial, so 402s are part of the mix. */
const MIX = [
  { model: "gpt-image-2", params: { prompt: "a lighthouse", quality: "low" } },
  { model: "flux-dev", params: { prompt: "a fox" } },
  { model: "ideogram-v3.0", params: { prompt: "a poster" } },
  { model: "hailuo-2_3", params: { prompt: "waves at night" } },
  { model: "gpt-image-2", params: { prompt: "a small boat", quality: "low" } },
] as const;

const GENERATE = /* GraphQL */ `mutation Generate($input: GenerateInput!) {
  generate(input: $input) { __typename ... on GenerateSuccess { task { id } } ... on Error { code } }
}`;
const MY_TASKS = /* GraphQL */ `subscription { myTasks { __typename ... on TaskUpdate { type task { id status } } } }`;
const TASK_UPDATED = /* GraphQL */ `subscription Watch($id: ID!) { taskUpdated(id: $id) { __typename ... on TaskUpdate { type task { id status } } } }`;

interface TaskUpdateData {
  readonly __typename: string;
  readonly type?: string;
  readonly task?: { readonly id: string; readonly status: string };
}

const isFinalStatus = (status: string | undefined) => status === "FINISHED" || status === "FAILED";


export async function runChaos(partial: Partial<ChaosOptions> = {}): Promise<ChaosReport> {
  const options: ChaosOptions = { ...defaultChaosOptions, ...partial };
  const log = options.log ?? (() => undefined);
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  const outages: Outage[] = [];
  const counts = { kills: 0, gatewayRestarts: 0, redisRestarts: 0, postgresRestarts: 0, feedReconnects: 0 };
  const records: ClientRecords = { accepted: [], statuses: {}, feeds: [] };

  try {
    log(`chaos: seed ${options.seed}, ${options.gateways} gateways, ${options.keys} keys, ${options.durationMs} ms`);
    const postgres = await createPostgresCluster();
    cleanups.push(() => postgres.destroy());
    const redis = await createRedisServer();
    cleanups.push(() => redis.destroy());
    const dataDir = mkdtempSync(join(tmpdir(), "gateai-chaos-data-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));

    const rawKeys = Array.from({ length: options.keys }, () => `sk-chaos_${randomBytes(24).toString("base64url")}`);
    const gateways: GatewayProcess[] = [];
    for (let i = 0; i < options.gateways; i++) {
      gateways.push(
        createGatewayProcess(i, await freePort(), {
          DATABASE_URL: postgres.url,
          REDIS_URL: redis.url,
          GATEAI_API_KEYS: rawKeys.join(","),
          GATEAI_DAILY_LIMIT: String(options.limitUsd),
          GATEAI_TIME_SCALE: String(options.timeScale),
          GATEAI_SIM_FAILURE_RATE: String(options.failureRate),
          GATEAI_SIM_STALL_RATE: String(options.stallRate),
          GATEAI_DATA_DIR: join(dataDir, String(i)),
          LOG_LEVEL: "warn",
        }),
      );
    }
    cleanups.push(() => Promise.all(gateways.map((g) => g.kill())));
    for (const gateway of gateways) gateway.start();
    await Promise.all(gateways.map((g) => g.waitReady()));
    log(`chaos: PostgreSQL ${postgres.url}, Redis ${redis.url}, gateways ${gateways.map((g) => g.url).join(" ")}`);

    const db = new pg.Client({ connectionString: postgres.url });
    await db.connect();
    const keyIds = new Map<string, string>();
    for (const raw of rawKeys) {
      const { rows } = await db.query<{ id: string }>("SELECT id FROM api_keys WHERE hash = $1", [hashKey(raw)]);
      keyIds.set(raw, rows[0]!.id);
    }
    await db.end();

    const alive = () => gateways.filter((g) => g.alive);
    const ready = () => gateways.filter((g) => g.ready);
    const liveUrl = () => pick(ready().length ? ready() : gateways).url;

    // --- subscribers: one graphql-ws feed (myTasks) per key, reconnecting to a live gateway ---
    const clients: Client[] = [];
    const subscriberOf = (raw: string) => {
      const keyId = keyIds.get(raw)!;
      const seenFinal = new Map<string, { status: string; via: "feed" | "catch-up" | "after-run" }>();
      /** Tasks this connection's feed told the end of (a requeue may bring a task back to QUEUED; nothing follows an end). */
      let endedOnFeed = new Set<string>();
      const known = new Set<string>();
      let connection: FeedConnection | undefined;
      let connections = 0;
      const record = (data: TaskUpdateData | undefined, via: "feed" | "catch-up" | "after-run") => {
        const task = data?.task;
        if (!task) return;
        known.add(task.id);
        if (via === "feed" && connection) {
          if (endedOnFeed.has(task.id)) connection.disorder.push(`task ${task.id}: ${task.status} after its final state`);
          if (isFinalStatus(task.status)) endedOnFeed.add(task.id);
        }
        if (isFinalStatus(task.status) && !seenFinal.has(task.id)) seenFinal.set(task.id, { status: task.status, via });
        if (via === "feed" && connection && isFinalStatus(task.status)) connection.finals.add(task.id);
      };
      const client = createClient({
        url: () => `${liveUrl().replace(/^http/, "ws")}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${raw}` },
        lazy: false,
        retryAttempts: Number.POSITIVE_INFINITY,
        shouldRetry: () => true,
        retryWait: () => sleep(200),
        on: {
          connected: () => {
            connections++;
            connection = { keyId, connectedAt: Date.now(), closedAt: null, finals: new Set(), disorder: [] };
            endedOnFeed = new Set();
            records.feeds.push(connection);
            if (connections > 1) {
              counts.feedReconnects++;
              // Catch up: the first update of taskUpdated is the task's current state.
              for (const id of known) if (!seenFinal.has(id)) watchOnce(id);
            }
          },
          closed: (event) => {
            if (connection && connection.closedAt === null) connection.closedAt = Date.now();
            const { code, reason } = event as { code?: number; reason?: string };
            if (code !== undefined && code !== 1006) log(`chaos: feed of key ${keyId} closed ${code} ${reason ?? ""}`);
          },
        },
      });
      const watchOnce = (id: string) => {
        const stop = client.subscribe<{ taskUpdated: TaskUpdateData }>(
          { query: TASK_UPDATED, variables: { id } },
          {
            next: (result) => {
              record(result.data?.taskUpdated, "catch-up");
              if (isFinalStatus(result.data?.taskUpdated.task?.status)) stop();
            },
            error: () => undefined,
            complete: () => undefined,
          },
        );
      };
      client.subscribe<{ myTasks: TaskUpdateData }>({ query: MY_TASKS }, { next: (r) => record(r.data?.myTasks, "feed"), error: () => undefined, complete: () => undefined });
      clients.push(client);
      /** A fresh connection's catch-up: the current state of every known task not seen to end. */
      const catchUp = async () => {
        const pending = [...known].filter((id) => !seenFinal.has(id));
        if (!pending.length) return;
        const fresh = createClient({ url: `${liveUrl().replace(/^http/, "ws")}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${raw}` }, lazy: true, retryAttempts: 3 });
        try {
          for (const id of pending) {
            await new Promise<void>((resolve) => {
              const stop = fresh.subscribe<{ taskUpdated: TaskUpdateData }>(
                { query: TASK_UPDATED, variables: { id } },
                {
                  next: (result) => {
                    record(result.data?.taskUpdated, "after-run");
                    stop();
                    resolve();
                  },
                  error: () => resolve(),
                  complete: () => resolve(),
                },
              );
              setTimeout(resolve, 5_000).unref();
            });
          }
        } finally {
          await fresh.dispose();
        }
      };
      /** The feed's connection is down now (its gateway killed, not yet reconnected). */
      const down = () => connection === undefined || connection.closedAt !== null;
      return { client, keyId, seenFinal, known, watchOnce, catchUp, down };
    };
    const subscribers = rawKeys.map(subscriberOf);
    cleanups.push(() => Promise.all(clients.map((c) => c.dispose())));
    await sleep(500);

    // --- load: REST, GraphQL over HTTP, GraphQL over the key's WebSocket ---
    const started = Date.now();
    const deadline = started + options.durationMs;
    const count = (status: number | string) => {
      records.statuses[status] = (records.statuses[status] ?? 0) + 1;
    };
    const accepted = (raw: string, taskId: string, via: string) => {
      records.accepted.push({ keyId: keyIds.get(raw)!, taskId, via });
      subscribers[rawKeys.indexOf(raw)]!.known.add(taskId);
    };
    const send = async (raw: string) => {
      const request = pick(MIX);
      const way = random();
      const url = liveUrl();
      if (way < 0.45) {
        const response = await fetch(`${url}/api/generate`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${raw}` },
          body: JSON.stringify(request),
          signal: AbortSignal.timeout(15_000),
        }).catch(() => null);
        if (!response) return count(0);
        const body = (await response.json().catch(() => ({}))) as { task_id?: string };
        count(response.status);
        if (response.status === 200 && body.task_id) accepted(raw, body.task_id, "rest");
      } else if (way < 0.8) {
        const response = await fetch(`${url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${raw}` },
          body: JSON.stringify({ query: GENERATE, variables: { input: { raw: request } } }),
          signal: AbortSignal.timeout(15_000),
        }).catch(() => null);
        if (!response) return count(0);
        const body = (await response.json().catch(() => ({}))) as {
          data?: { generate?: { __typename: string; code?: string; task?: { id: string } } };
          errors?: { extensions?: { code?: string } }[];
        };
        const result = body.data?.generate;
        const error = body.errors?.[0]?.extensions?.code;
        count(response.status !== 200 ? response.status : error ? `graphql-error:${error}` : `graphql:${result?.code ?? result?.__typename}`);
        if (result?.task) accepted(raw, result.task.id, "graphql");
      } else {
        const { client } = subscribers[rawKeys.indexOf(raw)]!;
        type Answer = { generate?: { __typename: string; code?: string; task?: { id: string } } };
        let error: string | undefined;
        const result = await new Promise<Answer | null>((resolve) => {
          let data: Answer | null = null;
          client.subscribe<Answer>(
            { query: GENERATE, variables: { input: { raw: request } } },
            {
              next: (r) => {
                data = r.data ?? null;
                error = (r.errors?.[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code;
              },
              error: () => resolve(null),
              complete: () => resolve(data),
            },
          );
          setTimeout(() => resolve(data), 15_000).unref();
        });
        const generated = result?.generate;
        count(error ? `ws-error:${error}` : generated ? `ws:${generated.code ?? generated.__typename}` : "ws:no-answer");
        if (generated?.task) accepted(raw, generated.task.id, "ws");
      }
    };
    const worker = async (raw: string) => {
      while (Date.now() < deadline) {
        await send(raw).catch(() => count("client-error"));
        await sleep(30 + random() * 250);
      }
    };
    const load = Promise.all(rawKeys.flatMap((raw) => [worker(raw), worker(raw)]));

    // --- faults: kills at random, Redis once at a third, PostgreSQL once at two thirds ---
    const faults = (async () => {
      let redisDone = !options.restartRedis;
      let postgresDone = !options.restartPostgres;
      while (Date.now() < deadline - 2_000) {
        await sleep(Math.min(options.killEveryMs * (0.5 + random()), Math.max(0, deadline - Date.now())));
        const elapsed = (Date.now() - started) / options.durationMs;
        if (!redisDone && elapsed > 0.33) {
          redisDone = true;
          const outage: Outage = { what: "redis", from: Date.now(), until: Number.POSITIVE_INFINITY };
          outages.push(outage);
          await redis.stop();
          await sleep(1_000 + random() * 1_000);
          await redis.start();
          outage.until = Date.now();
          counts.redisRestarts++;
          log(`chaos: Redis restarted after ${outage.until - outage.from} ms`);
          continue;
        }
        if (!postgresDone && elapsed > 0.66) {
          postgresDone = true;
          const outage: Outage = { what: "postgres", from: Date.now(), until: Number.POSITIVE_INFINITY };
          outages.push(outage);
          postgres.stop();
          await sleep(1_000 + random() * 1_000);
          postgres.start();
          outage.until = Date.now();
          counts.postgresRestarts++;
          log(`chaos: PostgreSQL restarted after ${outage.until - outage.from} ms`);
          continue;
        }
        if (Date.now() >= deadline - 2_000) break;
        const victims = ready();
        if (victims.length <= 1) continue;
        const victim = pick(victims);
        await victim.kill();
        counts.kills++;
        log(`chaos: killed gateway ${victim.index} (-9)`);
        void (async () => {
          await sleep(300 + random() * 2_000);
          victim.start();
          counts.gatewayRestarts++;
          await victim.waitReady().catch((error: unknown) => log(`chaos: gateway ${victim.index} did not come back: ${(error as Error).message}`));
        })();
      }
    })();

    await Promise.all([load, faults]);
    log("chaos: load over; bringing every gateway back and waiting for every task to end");
    for (const gateway of gateways) if (!gateway.alive) gateway.start();
    await Promise.all(gateways.map((g) => g.waitReady()));

    // Every task ends by its hard deadline (40 min / scale); then the relay's grace and a pass.
    const check = new pg.Client({ connectionString: postgres.url });
    await check.connect();
    cleanups.push(() => check.end().catch(() => undefined));
    const snapshot = await check.query<{ status: string; leased: boolean; n: number; pending: number }>(
      "SELECT status::text, lease_until > now() AS leased, count(*)::int AS n, count(*) FILTER (WHERE event_pending)::int AS pending FROM tasks GROUP BY 1, 2 ORDER BY 1, 2",
    );
    log(`chaos: tasks at the end of the load ${JSON.stringify(snapshot.rows)}`);
    const accounts = await check.query<{ busy: number; locked: number }>(
      "SELECT count(*) FILTER (WHERE busy_task IS NOT NULL)::int AS busy, count(*) FILTER (WHERE locked_until > now())::int AS locked FROM pool_accounts",
    );
    log(`chaos: pool accounts at the end of the load ${JSON.stringify(accounts.rows[0])}`);
    const activity = await check.query<{ state: string; wait: string; query: string; n: number }>(
      "SELECT state, coalesce(wait_event_type || ':' || wait_event, '') AS wait, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS query, count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() GROUP BY 1, 2, 3 ORDER BY n DESC LIMIT 8",
    );
    log(`chaos: database sessions ${JSON.stringify(activity.rows)}`);
    for (const gateway of gateways) {
      const file = join(tmpdir(), `gateai-chaos-gateway-${gateway.index}.log`);
      writeFileSync(file, gateway.output());
    }
    const settleMs = (40 * 60_000) / options.timeScale + 15_000;
    await waitFor(
      async () => (await check.query<{ n: number }>("SELECT count(*)::int AS n FROM tasks WHERE status IN ('QUEUED', 'PROCESSING')")).rows[0]!.n === 0,
      settleMs,
      `tasks still unfinished after ${settleMs} ms`,
    ).catch((error: unknown) => log(`chaos: ${(error as Error).message}`));
    await sleep(6_000);
    const feedsDone = Date.now();
    const downAtEnd = new Set(subscribers.filter((s) => s.down()).map((s) => s.keyId));
    for (const feed of records.feeds) if (feed.closedAt === null) feed.closedAt = feedsDone;
    // A subscriber whose last connection died before the end reconnects once more and catches
    // up like after any reconnect (the COVERED rule still judges what its feeds were owed).
    await Promise.all(subscribers.map((s) => s.catchUp()));

    const seen = new Map(subscribers.map((s) => [s.keyId, s.seenFinal]));
    const result = await checkInvariants(check, {
      limitMicros: Math.round(options.limitUsd * 1_000_000),
      slotTtlMs: (10 * 60_000) / options.timeScale,
      records,
      seen,
      downAtEnd,
      outages,
      startedAt: started,
    });
    return {
      seed: options.seed,
      ...counts,
      requests: records.statuses,
      ...result.figures,
      violations: result.violations,
    };
  } finally {
    for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) {
      try {
        await cleanup();
      } catch {
        // best effort: the rest must still be cleaned up
      }
    }
  }
}
