// The places a key's live connections and subscriptions hold (src/services/live-limits.ts) come back
// on every way a client can leave: a graphql-ws connection closed while its key is looked up, an
// id subscribed again while its first subscription is set up, an SSE request gone before its
// results are read; and a revoked key's graphql-ws connections close.
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGateway, type TestGateway } from "../../support/gateway.ts";

let gw: TestGateway;
let wsUrl: string;
beforeAll(async () => {
  gw = await startGateway({ env: { GATEAI_MAX_SOCKETS_PER_KEY: "3" } });
  wsUrl = `${gw.url.replace("http", "ws")}/graphql`;
}, 60_000);
afterAll(async () => gw?.close());

/**
 * Holds the embedded database (one transaction, which every other statement waits behind) until
 * the returned function is called: a key lookup started meanwhile is answered only then.
 */
async function holdDatabase(): Promise<() => Promise<void>> {
  let release!: () => void;
  let begun!: () => void;
  const started = new Promise<void>((resolve) => (begun = resolve));
  const done = gw.prisma.$transaction(async () => {
    begun();
    await new Promise<void>((resolve) => (release = resolve));
  }, { timeout: 60_000 });
  await started;
  return async () => {
    release();
    await done;
  };
}

/** Resolves once the key's lookup has been answered and cached, and the turn that continues from it has run. */
async function lookedUp(key: string): Promise<void> {
  await expect.poll(() => gw.services.keys.authenticateCached(key), { timeout: 10_000, interval: 10 }).not.toBeUndefined();
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
}

const connections = () => new Promise<number>((resolve, reject) => gw.gateway.server.getConnections((error, count) => (error ? reject(error) : resolve(count))));

const opened = async (): Promise<WebSocket> => {
  const ws = new WebSocket(wsUrl, "graphql-transport-ws");
  await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
  return ws;
};
const closeOf = (ws: WebSocket) => new Promise<{ code: number; reason: string }>((resolve) => ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() })));
const acknowledged = (ws: WebSocket) =>
  new Promise<void>((resolve) => ws.on("message", (data) => JSON.parse(data.toString()).type === "connection_ack" && resolve()));

describe("the places of a key's live connections and subscriptions", () => {
  it("takes no place for a graphql-ws connection that closed while its key was looked up", async () => {
    const { key, record } = await gw.createKey();
    const before = await connections();
    gw.services.keys.invalidate(record.id);
    const release = await holdDatabase();
    try {
      const ws = await opened();
      ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${key}` } }));
      ws.terminate();
      // The server saw the socket close (its onClose ran) before the key's row is read.
      await expect.poll(connections, { timeout: 5_000, interval: 10 }).toBe(before);
    } finally {
      await release();
    }
    await lookedUp(key);
    expect(gw.services.live.counts(record.id)).toEqual({ subscriptions: 0, sockets: 0 });
  });

  it("closes with 4409 a socket that subscribes an id again while its first subscription is set up, and gives every place back", async () => {
    const { key, record } = await gw.createKey();
    const ws = await opened();
    const ack = acknowledged(ws);
    ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${key}` } }));
    await ack;
    const closed = closeOf(ws);
    gw.services.keys.invalidate(record.id);
    const release = await holdDatabase();
    // An id too long to be repeated in a close reason (at most 123 bytes).
    const id = "a".repeat(100);
    const subscribe = JSON.stringify({ id, type: "subscribe", payload: { query: "subscription { myTasks { __typename } }" } });
    try {
      ws.send(subscribe);
      ws.send(JSON.stringify({ id, type: "complete" }));
      ws.send(subscribe);
      expect(await closed).toMatchObject({ code: 4409 });
    } finally {
      await release();
    }
    await expect.poll(() => gw.services.live.counts(record.id), { timeout: 5_000, interval: 20 }).toEqual({ subscriptions: 0, sockets: 0 });
  });

  it("closes a revoked key's graphql-ws connections (4403) after ending their subscriptions", async () => {
    const { key, record } = await gw.createKey();
    const ws = await opened();
    const ack = acknowledged(ws);
    ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${key}` } }));
    await ack;
    const messages: { type: string; id?: string }[] = [];
    ws.on("message", (data) => messages.push(JSON.parse(data.toString())));
    ws.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: "subscription { myTasks { __typename } }" } }));
    await expect.poll(() => gw.services.live.counts(record.id).subscriptions, { timeout: 5_000, interval: 10 }).toBe(1);
    const closed = closeOf(ws);
    await gw.services.keys.revoke(record.id);
    expect(await closed).toMatchObject({ code: 4403 });
    expect(messages.map((m) => m.type)).toContain("next");
    await expect.poll(() => gw.services.live.counts(record.id), { timeout: 5_000, interval: 10 }).toEqual({ subscriptions: 0, sockets: 0 });
  });

  it("gives back the place of an SSE subscription whose request ended while its key was looked up", async () => {
    const { key, record } = await gw.createKey();
    gw.services.keys.invalidate(record.id);
    const release = await holdDatabase();
    try {
      const aborted = new AbortController();
      const request = fetch(`${gw.url}/graphql`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json", accept: "text/event-stream" },
        body: JSON.stringify({ query: "subscription { myTasks { __typename } }" }),
        signal: aborted.signal,
      }).catch(() => undefined);
      // The request is in the gateway (its body read) when the client goes.
      await expect.poll(connections, { timeout: 5_000, interval: 10 }).toBeGreaterThan(0);
      aborted.abort();
      await request;
    } finally {
      await release();
    }
    await lookedUp(key);
    await expect.poll(() => gw.services.live.counts(record.id).subscriptions, { timeout: 5_000, interval: 20 }).toBe(0);
  });
});
