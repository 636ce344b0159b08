// Client side of the broadcast floor (see ws-floor-child.ts): N plain `ws` connections to a bare
// server that broadcasts a message as large as the gateway's, and the delay to each receipt.
import { fork } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface FloorResult {
  readonly connections: number;
  /** Milliseconds from the start of the send loop to each receipt. */
  readonly latencies: readonly number[];
  /** Server CPU per message sent (the send loop only). */
  readonly cpuMicrosPerSend: number;
  readonly messageBytes: number;
}

/**
 * `template`: a JSON message like the gateway's, containing the string "__SENT_AT__" where the
 * send time goes (a number, so the size stays the same give or take a few bytes).
 */
export async function measureBroadcastFloor(options: { n: number; rounds: number; batch: number; template: string }): Promise<FloorResult> {
  const child = fork(fileURLToPath(new URL("./ws-floor-child.ts", import.meta.url)), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let nextId = 1;
  const waiting = new Map<number, (reply: Record<string, unknown>) => void>();
  const ready = new Promise<number>((resolve, reject) => {
    child.on("message", (raw) => {
      const reply = raw as { type: string; id?: number; port?: number };
      if (reply.type === "ready") resolve(reply.port!);
      else if (reply.id !== undefined) waiting.get(reply.id)?.(reply), waiting.delete(reply.id);
    });
    child.once("exit", (code) => reject(new Error(`floor child exited (${code})`)));
  });
  const request = <T>(msg: object) =>
    new Promise<T>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve as (reply: Record<string, unknown>) => void);
      child.send({ ...msg, id });
    });
  const sockets: WebSocket[] = [];
  try {
    const port = await ready;
    // Child clock minus ours, from the round trip with the smallest delay.
    let offset = 0;
    let bestRtt = Infinity;
    for (let i = 0; i < 30; i++) {
      const t0 = now();
      const { childNow } = await request<{ childNow: number }>({ type: "clock" });
      const t1 = now();
      if (t1 - t0 < bestRtt) [bestRtt, offset] = [t1 - t0, childNow - (t0 + t1) / 2];
    }

    const latencies: number[] = [];
    let received = 0;
    for (let start = 0; start < options.n; start += options.batch) {
      const opening: Promise<void>[] = [];
      for (let i = start; i < Math.min(options.n, start + options.batch); i++) {
        const socket = new WebSocket(`ws://127.0.0.1:${port}`);
        sockets.push(socket);
        socket.on("message", (data) => {
          const at = now();
          // Parsed, as a graphql-ws client parses every message.
          const message = JSON.parse(String(data)) as { payload: { floorSentAt: number } };
          latencies.push(at - (message.payload.floorSentAt - offset));
          received++;
        });
        opening.push(new Promise<void>((resolve, reject) => (socket.once("open", () => resolve()), socket.once("error", reject))));
      }
      await Promise.all(opening);
    }

    let cpuMicros = 0;
    let sent = 0;
    for (let round = 0; round < options.rounds; round++) {
      await sleep(200);
      const { cpuMicros: used, count } = await request<{ cpuMicros: number; count: number }>({ type: "broadcast", template: options.template });
      cpuMicros += used;
      sent += count;
      const deadline = Date.now() + 20_000;
      while (received < sent && Date.now() < deadline) await sleep(5);
    }
    return { connections: sockets.length, latencies, cpuMicrosPerSend: cpuMicros / Math.max(1, sent), messageBytes: Buffer.byteLength(options.template) };
  } finally {
    for (const socket of sockets) socket.terminate();
    child.send({ type: "exit", id: 0 });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => (child.kill("SIGKILL"), resolve()), 5_000);
      child.once("exit", () => (clearTimeout(timer), resolve()));
    });
  }
}
