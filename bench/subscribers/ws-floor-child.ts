/**
 * The floor of a broadcast on this machine, for bench/subscribers.bench.ts: a bare `ws` server
 * (no GraphQL, no graphql-ws, no pub/sub) that sends one pre-serialized message to every open
 * connection in one synchronous loop. Whatever the gateway does per delivery comes on top of this.
 *
 * IPC: { type: "clock" } -> { childNow }; { type: "broadcast", template } -> the template with
 * "__SENT_AT__" replaced by the send time, sent to every connection -> { cpuMicros, count };
 * { type: "exit" }.
 */
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { WebSocketServer } from "ws";

const now = () => performance.timeOrigin + performance.now();
const send = (message: object) => process.send?.(message);

const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
wss.on("listening", () => send({ type: "ready", port: (wss.address() as AddressInfo).port }));

process.on("message", (raw) => {
  const msg = raw as { type: string; id: number; template?: string };
  switch (msg.type) {
    case "clock":
      send({ type: "clock", id: msg.id, childNow: now() });
      return;
    case "broadcast": {
      const before = process.cpuUsage();
      const text = msg.template!.replace('"__SENT_AT__"', String(now()));
      for (const client of wss.clients) client.send(text);
      const used = process.cpuUsage(before);
      send({ type: "done", id: msg.id, cpuMicros: used.user + used.system, count: wss.clients.size });
      return;
    }
    case "exit":
      for (const client of wss.clients) client.terminate();
      wss.close(() => process.exit(0));
      return;
  }
});
