/**
 * The chaos harness's own infrastructure: a PostgreSQL cluster (initdb into a temp dir, on a free
 * port), a redis-server (append-only file, on a free port) and gateway processes (`node
 * dist/main.js`), each of which can be killed and started again. Never the machine's shared
 * PostgreSQL or Redis: other tests use them.
 *
 * PostgreSQL: initdb refuses to run as root, so as root every PostgreSQL binary runs as the
 * `postgres` user (runuser) on a directory it owns. pg_ctl: https://www.postgresql.org/docs/15/app-pg-ctl.html
 * ("-m immediate" stops without a clean shutdown: the next start runs crash recovery).
 * Redis persistence: https://redis.io/docs/latest/operate/oss_and_stack/management/persistence/
 * (appendfsync always: every write is on disk before it is acknowledged, so the limiter's slots
 * and windows survive a restart).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PG_BIN = process.env.CHAOS_PG_BIN ?? "/usr/lib/postgresql/15/bin";
const isRoot = process.getuid?.() === 0;

/** A port free right now on 127.0.0.1 (the OS picks it). */
export function freePort(): Promise<number> {
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

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A PostgreSQL binary's command line, as the `postgres` user when we are root. */
const asPostgres = (bin: string, args: string[]): [string, string[]] =>
  isRoot ? ["runuser", ["-u", "postgres", "--", join(PG_BIN, bin), ...args]] : [join(PG_BIN, bin), args];

function run(bin: string, args: string[]): void {
  const [command, argv] = asPostgres(bin, args);
  const result = spawnSync(command, argv, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${bin} ${args.join(" ")} failed (${result.status}): ${result.stderr || result.stdout}`);
}

export interface PostgresCluster {
  readonly url: string;
  readonly port: number;
  start(): void;
  /** Crash-stop (-m immediate): the next start recovers from the WAL. */
  stop(): void;
  destroy(): void;
}

export async function createPostgresCluster(): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), "gateai-chaos-pg-"));
  chmodSync(dir, 0o755);
  if (isRoot) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  const data = join(dir, "data");
  const port = await freePort();
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`;
  let running = false;
  const cluster: PostgresCluster = {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    start() {
      run("pg_ctl", ["-D", data, "-o", options, "-l", join(dir, "log"), "-w", "-t", "60", "start"]);
      running = true;
    },
    stop() {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      running = false;
    },
    destroy() {
      if (running) {
        try {
          cluster.stop();
        } catch {
          // already gone
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim());
  const uid = id("-u");
  const gid = id("-g");
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error("running as root needs a `postgres` user for initdb");
  return { uid, gid };
}

export interface RedisServer {
  readonly url: string;
  start(): Promise<void>;
  /** SIGTERM: redis-server flushes its append-only file and exits. */
  stop(): Promise<void>;
  destroy(): Promise<void>;
}

export async function createRedisServer(): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), "gateai-chaos-redis-"));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const server: RedisServer = {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "yes", "--appendfsync", "always"], {
        stdio: "ignore",
      });
      await waitFor(async () => {
        const probe = spawnSync("redis-cli", ["-p", String(port), "ping"], { encoding: "utf8" });
        return probe.stdout.trim() === "PONG";
      }, 20_000, "redis-server did not start");
    },
    async stop() {
      const proc = child;
      if (!proc || proc.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
      proc.kill("SIGTERM");
      await exited;
    },
    async destroy() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, message: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(message);
    await sleep(100);
  }
}

/** One gateway process on a fixed port: killed with SIGKILL and started again on the same port. */
export interface GatewayProcess {
  readonly index: number;
  readonly url: string;
  /** Up: started and not killed since (it may still be starting). */
  readonly alive: boolean;
  /** Answered /readyz since it was last started (a client sends it requests). */
  readonly ready: boolean;
  start(): void;
  waitReady(timeoutMs?: number): Promise<void>;
  kill(): Promise<void>;
  /** The last few KB of its output. */
  output(): string;
}

export function createGatewayProcess(index: number, port: number, env: Record<string, string>): GatewayProcess {
  let child: ChildProcess | undefined;
  let tail = "";
  let ready = false;
  const url = `http://127.0.0.1:${port}`;
  const gateway: GatewayProcess = {
    index,
    url,
    get alive() {
      return child !== undefined && child.exitCode === null && child.signalCode === null;
    },
    get ready() {
      return ready && gateway.alive;
    },
    start() {
      ready = false;
      child = spawn(process.execPath, ["dist/main.js"], {
        cwd: ROOT,
        env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      const keep = (chunk: Buffer) => {
        tail = (tail + chunk.toString("utf8")).slice(-200_000);
      };
      child.stdout?.on("data", keep);
      child.stderr?.on("data", keep);
    },
    async waitReady(timeoutMs = 60_000) {
      await waitFor(async () => {
        if (!gateway.alive) throw new Error(`gateway ${index} exited before it was ready:\n${tail}`);
        return (await fetch(`${url}/readyz`)).status === 200;
      }, timeoutMs, `gateway ${index} not ready after ${timeoutMs} ms:\n${tail}`);
      ready = true;
    },
    async kill() {
      const proc = child;
      ready = false;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
      proc.kill("SIGKILL");
      await exited;
    },
    output: () => tail,
  };
  return gateway;
}
