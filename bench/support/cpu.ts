// Opt-in (`--cpu-breakdown`, Linux): CPU time spent during a phase by the server thread, the
// rest of this process (load generator worker, GC and libuv threads), the PostgreSQL backends
// serving the bench database and the Redis server, read from /proc. CPU time per request is
// far less sensitive than requests/s to other processes competing for the cores.
import { readFileSync, readdirSync } from "node:fs";
import pg from "pg";
import type { Redis } from "ioredis";

/** utime + stime in ms (clock ticks of 10 ms on Linux), or NaN when unreadable. */
function cpuMsOf(statPath: string): number {
  try {
    const stat = readFileSync(statPath, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // After "(comm) ": field 3 is state, so utime (14) and stime (15) are at 11 and 12.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

const processCpuMs = (pid: number) => cpuMsOf(`/proc/${pid}/stat`);

export interface CpuSample {
  readonly serverThread: number;
  readonly wholeProcess: number;
  /** CPU ms of this process's other threads, summed by thread name (load generator, GC, libuv...). */
  readonly threads: Map<string, number>;
  readonly postgres: Map<number, number>;
  readonly redis: number;
  /** Bytes of WAL the PostgreSQL server has written (its whole server: other databases' too). */
  readonly walBytes: number;
}

export async function sampleCpu(databaseUrl: string, redis: Redis | undefined): Promise<CpuSample> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const postgres = new Map<number, number>();
  let walBytes = Number.NaN;
  try {
    const wal = await client.query<{ wal: string }>("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text AS wal");
    walBytes = Number(wal.rows[0]?.wal);
    const name = new URL(databaseUrl).pathname.slice(1);
    const { rows } = await client.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
    for (const { pid } of rows) postgres.set(pid, processCpuMs(pid));
  } finally {
    await client.end();
  }
  let redisCpu = Number.NaN;
  if (redis) {
    const info = await redis.info("server").catch(() => "");
    const pid = Number(/process_id:(\d+)/.exec(info)?.[1]);
    if (pid) redisCpu = processCpuMs(pid);
  }
  const threads = new Map<string, number>();
  try {
    for (const tid of readdirSync("/proc/self/task")) {
      if (Number(tid) === process.pid) continue;
      const name = readFileSync(`/proc/self/task/${tid}/comm`, "utf8").trim();
      threads.set(name, (threads.get(name) ?? 0) + cpuMsOf(`/proc/self/task/${tid}/stat`));
    }
  } catch {
    /* threads come and go */
  }
  return { serverThread: cpuMsOf(`/proc/self/task/${process.pid}/stat`), wholeProcess: processCpuMs(process.pid), threads, postgres, redis: redisCpu, walBytes };
}

/** CPU per `unit` between two samples (`requests` of them): by thread of this process, PostgreSQL and Redis. */
export function cpuPerRequest(before: CpuSample, after: CpuSample, requests: number, unit = "request"): string[] {
  let postgres = 0;
  for (const [pid, ms] of after.postgres) {
    const start = before.postgres.get(pid) ?? 0; // a backend opened during the run started at 0
    if (Number.isFinite(ms)) postgres += ms - start;
  }
  const per = (ms: number) => (Number.isFinite(ms) ? `${(ms / requests).toFixed(3)} ms` : "n/a");
  const server = after.serverThread - before.serverThread;
  const rest = after.wholeProcess - before.wholeProcess - server;
  const redis = after.redis - before.redis;
  const wal = after.walBytes - before.walBytes;
  const total = server + rest + postgres + (Number.isFinite(redis) ? redis : 0);
  const byThread = [...after.threads]
    .map(([name, ms]) => [name, ms - (before.threads.get(name) ?? 0)] as const)
    .filter(([, ms]) => ms > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, ms]) => `${name} ${per(ms)}`);
  return [
    `other threads of this process, by name: ${byThread.join(", ") || "-"} (the load generator is a worker thread)`,
    `CPU per ${unit} (Linux /proc, 10 ms ticks): total ${per(total)} = server thread ${per(server)}, load generator + other threads of this process ${per(rest)}, PostgreSQL backends (${after.postgres.size}) ${per(postgres)}, Redis server ${per(redis)} (shared with other users of that Redis: an upper bound)`,
    `PostgreSQL WAL per ${unit}: ${Number.isFinite(wal) ? `${(wal / requests / 1024).toFixed(2)} KB` : "n/a"} (the whole server's)`,
  ];
}
