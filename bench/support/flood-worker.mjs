// One hostile client for bench/hostile.bench.ts, in its own thread: either HTTP requests in a
// closed loop (`requests`, round-robin, `concurrency` in flight) or graphql-ws sockets that keep
// asking for subscriptions (`subscriptions`). It counts every answer by HTTP status and the
// first error `code` of its body (or, over graphql-ws, by message type and code, and by close
// code). It tells the parent `flooding` when its first answer arrives (the flood is then under
// way: the bench starts the victim's run after it) and stops when the parent says `stop`.
import { parentPort, workerData } from "node:worker_threads";
import { Pool } from "undici";
import WebSocket from "ws";

const { origin } = workerData;
const counts = {};
let answered = false;
const count = (label) => {
  counts[label] = (counts[label] ?? 0) + 1;
  if (!answered) {
    answered = true;
    parentPort.postMessage({ type: "flooding" });
  }
};
const CODE = /"code"\s*:\s*"([A-Z_]+)"/;
let deadline = Number.POSITIVE_INFINITY;
/** The graphql-ws sockets open now (each leaves the set when it closes): closed on `stop`. */
const openSockets = new Set();
parentPort.on("message", (message) => {
  if (message?.type !== "stop") return;
  deadline = performance.now();
  for (const socket of openSockets) socket.close(1000);
});

async function http({ requests, concurrency }) {
  const pool = new Pool(origin, { connections: concurrency, pipelining: 1, keepAliveTimeout: 60_000 });
  let next = 0;
  const lane = async () => {
    while (performance.now() < deadline) {
      const spec = requests[next++ % requests.length];
      try {
        const response = await pool.request({ method: spec.method, path: spec.path, headers: spec.headers, body: spec.body });
        const text = await response.body.text();
        count(`${response.statusCode} ${CODE.exec(text.slice(0, 4096))?.[1] ?? "-"}`);
      } catch (error) {
        count(`transport error ${error?.code ?? ""}`.trim());
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  await pool.close();
}

/** `sockets` graphql-ws sockets of one key, each keeping `perSocket` subscribe messages outstanding. */
async function subscriptions({ key, sockets, perSocket, query }) {
  const url = `${origin.replace(/^http/, "ws")}/graphql`;
  const open = async (index) => {
    while (performance.now() < deadline) {
      await new Promise((resolve) => {
        const socket = new WebSocket(url, "graphql-transport-ws");
        let id = 0;
        const subscribe = () => socket.send(JSON.stringify({ id: `${index}-${id++}`, type: "subscribe", payload: { query } }));
        openSockets.add(socket);
        socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${key}` } })));
        socket.on("message", (data) => {
          const message = JSON.parse(String(data));
          if (message.type === "connection_ack") {
            for (let i = 0; i < perSocket; i++) subscribe();
          } else if (message.type === "error") {
            count(`ws error ${message.payload?.[0]?.extensions?.code ?? "-"}`);
            // A refused subscription is replaced at once: the flood never lets up.
            if (performance.now() < deadline) subscribe();
          } else if (message.type === "next") {
            count("ws next");
          }
        });
        socket.on("close", (code) => {
          openSockets.delete(socket);
          if (code !== 1000 && code !== 1005) count(`ws close ${code}`);
          resolve();
        });
        socket.on("error", () => undefined);
      });
    }
  };
  await Promise.all(Array.from({ length: sockets }, (_, i) => open(i)));
}

try {
  if (workerData.subscriptions) await subscriptions(workerData.subscriptions);
  else await http(workerData);
  parentPort.postMessage({ type: "result", counts });
  parentPort.close();
} catch (error) {
  parentPort.postMessage({ type: "error", message: String(error?.stack ?? error) });
}
