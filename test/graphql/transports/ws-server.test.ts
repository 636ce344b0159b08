// The graphql-ws WebSocket server handles a socket's messages one per turn of the event loop: a
// burst of messages in one read does not hold the loop (and every other client) for the burst.
import { createServer } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import WebSocket, { type WebSocketServer } from "ws";
import { createWebSocketServer } from "../../../src/graphql/transports/ws.ts";

let wss: WebSocketServer;
const server = createServer();
let url: string;
beforeAll(async () => {
  wss = createWebSocketServer();
  server.on("upgrade", (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  url = `ws://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

it("handles a burst of messages from one read one per turn of the event loop", async () => {
  const handled = new Promise<number[]>((resolve) => {
    wss.once("connection", (socket) => {
      // For each message: how many of the burst had been handled when the loop's next turn came.
      const atNextTurn: number[] = [];
      let count = 0;
      socket.on("message", () => {
        count++;
        setImmediate(() => {
          atNextTurn.push(count);
          if (atNextTurn.length === 200) resolve(atNextTurn);
        });
      });
    });
  });
  const client = new WebSocket(url);
  await new Promise((resolve) => client.once("open", resolve));
  // 200 small messages in one write (one read on the server, on loopback).
  const raw = (client as unknown as { _socket: import("node:net").Socket })._socket;
  raw.cork();
  for (let i = 0; i < 200; i++) client.send(JSON.stringify({ type: "ping", i }));
  raw.uncork();
  const turns = await handled;
  client.close();
  // Handled all at once, the first turn would come after all 200.
  expect(Math.max(...turns.slice(0, 100).map((n, i) => n - (i + 1)))).toBeLessThanOrEqual(1);
});
