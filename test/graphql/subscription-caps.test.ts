// Fair sharing of live updates (src/services/live-limits.ts): caps on subscriptions per socket,
// per key (graphql-ws and SSE together) and on sockets per key, each refusal a typed error that
// leaves everything else working; and revocation ending a key's subscriptions on every transport.
import { connect } from "node:net";
import { expect, it, vi } from "vitest";
import WebSocket from "ws";
import { KEY_REVOKED_MESSAGE } from "../../src/graphql/plugins/shared-subscriptions.ts";
import { REFUSAL_HOLD_MS } from "../../src/graphql/transports/held-refusals.ts";
import { RECONNECT_COOL_OFF_MS, TOO_MANY_REFUSALS } from "../../src/graphql/transports/ws.ts";
import { record, sse, type Recorded } from "./support/client.ts";
import { ADMIN_TOKEN, describeOnEverySetup, generate, type Harness } from "./support/harness.ts";

const ME_UPDATED = /* GraphQL */ `subscription { meUpdated { __typename ... on Dashboard { activeTasks { id } } ... on Error { code } } }`;
const MY_TASKS = /* GraphQL */ `subscription { myTasks { __typename ... on TaskUpdate { type task { id } } ... on Error { code } } }`;
const REVOKE = /* GraphQL */ `mutation Revoke($id: ID!) { revokeApiKey(id: $id) { __typename } }`;

const CAPS = { perSocket: 3, perKey: 5, socketsPerKey: 2 };

/** Waits for the first result: the subscription is live on the server. */
const live = (recording: Recorded) => recording.until((d) => d.length >= 1, "the first result");

/** The graphql-ws `error` payload of a refused subscription. */
async function refusal(recording: Recorded): Promise<unknown> {
  await expect(recording.done()).rejects.toThrow(/subscription failed/);
  return recording.error;
}

/** Opens a raw graphql-ws socket, sends connection_init with `key`; resolves with how the server answered. */
function connectionInit(url: string, key: string): Promise<{ acknowledged: boolean; code?: number; reason?: string; socket: WebSocket }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace(/^http/, "ws")}/graphql`, "graphql-transport-ws");
    socket.once("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${key}` } })));
    socket.once("message", (data) => {
      if (JSON.parse(String(data)).type === "connection_ack") resolve({ acknowledged: true, socket });
    });
    socket.once("close", (code, reason) => resolve({ acknowledged: false, code, reason: reason.toString(), socket }));
    socket.once("error", reject);
  });
}

/** How the upgrade of a new graphql-ws connection is answered: 101 (then closed), or the refusal's status and Retry-After. */
function upgrade(url: string): Promise<{ status: number; retryAfter?: string | undefined }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace(/^http/, "ws")}/graphql`, "graphql-transport-ws");
    socket.once("unexpected-response", (_req, res) => {
      resolve({ status: res.statusCode ?? 0, retryAfter: res.headers["retry-after"] });
      res.resume();
      socket.terminate();
    });
    socket.once("open", () => {
      resolve({ status: 101 });
      socket.close();
    });
    socket.once("error", (error) => (error.message.includes("Unexpected server response") ? undefined : reject(error)));
  });
}

/** Sends an upgrade to /graphql on a raw socket and resets the connection (TCP RST) once the answer starts. */
function resetUpgrade(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`GET /graphql HTTP/1.1\r\nHost: ${hostname}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n`);
    });
    socket.once("data", () => socket.resetAndDestroy());
    socket.on("error", () => undefined);
    socket.on("close", () => resolve());
  });
}

const closed = (socket: WebSocket) =>
  new Promise<void>((resolve) => {
    if (socket.readyState === WebSocket.CLOSED) return resolve();
    socket.once("close", () => resolve());
    socket.close();
  });

describeOnEverySetup(
  "live subscription caps and revocation",
  {
    manualTime: true,
    env: {
      GATEAI_MAX_SUBSCRIPTIONS_PER_SOCKET: String(CAPS.perSocket),
      GATEAI_MAX_SUBSCRIPTIONS_PER_KEY: String(CAPS.perKey),
      GATEAI_MAX_SOCKETS_PER_KEY: String(CAPS.socketsPerKey),
      GATEAI_ADMIN_TOKEN: ADMIN_TOKEN,
    },
  },
  (h: Harness) => {
    /** What a key holds in the gateway (one key per test: the tests share the gateway). */
    const held = (keyId: string) => h.gw.services.live.counts(keyId);

    it("refuses a subscription past the socket's cap with a TOO_MANY_SUBSCRIPTIONS error, keeps the socket's others live, and has room again once one completes", async () => {
      const { key, record: keyRecord } = await h.gw.createKey();
      const client = h.ws(`Bearer ${key}`);
      const open = [record(client, ME_UPDATED), record(client, ME_UPDATED), record(client, MY_TASKS)];
      await Promise.all(open.slice(0, 2).map(live));
      await vi.waitFor(() => expect(held(keyRecord.id).subscriptions).toBe(3));

      const over = record(client, ME_UPDATED);
      expect(await refusal(over)).toEqual([
        expect.objectContaining({ message: expect.stringContaining(`at most ${CAPS.perSocket}`), extensions: { code: "TOO_MANY_SUBSCRIPTIONS", per: "SOCKET", limit: CAPS.perSocket } }),
      ]);

      // The socket and its subscriptions still work: a new task reaches the dashboards and the feed.
      const { id } = await generate(h.gql, key);
      for (const recording of open.slice(0, 2))
        await recording.until((d) => d.some((e) => e.meUpdated.activeTasks.some((t: { id: string }) => t.id === id)), "a dashboard with the task");
      await open[2]!.until((d) => d.some((e) => e.myTasks.task.id === id), "the task on myTasks");

      open[0]!.stop();
      await vi.waitFor(() => expect(held(keyRecord.id).subscriptions).toBe(2));
      await live(record(client, ME_UPDATED));
    });

    it("accepts exactly the socket's cap from a burst of subscribe messages, gives back the place of one it cannot run, and closes a socket that keeps subscribing past its cap with 4400", async () => {
      const { key, record: keyRecord } = await h.gw.createKey();
      const { socket } = await connectionInit(h.gw.url, key);
      const answers = new Map<string, string>();
      const closedWith = new Promise<{ code: number; reason: string }>((resolve) => socket.once("close", (code, reason) => resolve({ code, reason: reason.toString() })));
      socket.on("message", (data) => {
        const message = JSON.parse(String(data)) as { id: string; type: string; payload?: { extensions?: { code?: string } }[] };
        if (!answers.has(message.id)) answers.set(message.id, message.type === "error" ? (message.payload?.[0]?.extensions?.code ?? message.type) : message.type);
      });
      const send = (id: string, operationName?: string) => socket.send(JSON.stringify({ id, type: "subscribe", payload: { query: ME_UPDATED, ...(operationName ? { operationName } : {}) } }));
      // An operation that cannot be found is refused and holds no place.
      send("nameless", "NoSuchOperation");
      await vi.waitFor(() => expect(answers.get("nameless")).toBe("error"));
      // The cap's worth of places, then as many refusals: the socket is closed after the last.
      for (let i = 0; i < 2 * CAPS.perSocket; i++) send(`s${i}`);
      expect(await closedWith).toEqual({ code: 4400, reason: TOO_MANY_REFUSALS });
      // Exactly the messages past the cap were refused: the others took its places.
      const kinds = [...answers.entries()].filter(([id]) => id !== "nameless").map(([, kind]) => kind);
      expect(kinds.filter((k) => k !== "next")).toEqual(Array.from({ length: CAPS.perSocket }, () => "TOO_MANY_SUBSCRIPTIONS"));
      await vi.waitFor(() => expect(held(keyRecord.id)).toEqual({ subscriptions: 0, sockets: 0 }));
      // Its address may not reconnect at once: 429 at the upgrade, before any handshake, until the
      // cool-off is over; the 429 is held for REFUSAL_HOLD_MS (a reconnecting loop is a slow one).
      const askedAt = performance.now();
      expect(await upgrade(h.gw.url)).toEqual({ status: 429, retryAfter: String(RECONNECT_COOL_OFF_MS / 1000) });
      expect(performance.now() - askedAt).toBeGreaterThanOrEqual(REFUSAL_HOLD_MS - 20);
      h.clock.advance(RECONNECT_COOL_OFF_MS);
      expect(await upgrade(h.gw.url)).toEqual({ status: 101 });
    });

    it("refuses a key's subscription past its cap over graphql-ws and SSE alike, counting both", async () => {
      const { key, record: keyRecord } = await h.gw.createKey();
      const [a, b] = [h.ws(`Bearer ${key}`), h.ws(`Bearer ${key}`)];
      const overSse = [record(a, ME_UPDATED), record(a, ME_UPDATED), record(a, ME_UPDATED), record(b, ME_UPDATED)];
      await Promise.all(overSse.map(live));
      const stream = sse(h.gw.url, ME_UPDATED, {}, { key });
      await live(stream);
      expect(held(keyRecord.id).subscriptions).toBe(CAPS.perKey);

      // The sixth: over graphql-ws an `error` message, over SSE a result with the error, then complete.
      expect(await refusal(record(b, MY_TASKS))).toEqual([expect.objectContaining({ extensions: { code: "TOO_MANY_SUBSCRIPTIONS", per: "KEY", limit: CAPS.perKey } })]);
      const refusedSse = sse(h.gw.url, MY_TASKS, {}, { key });
      await refusedSse.done().catch(() => undefined);
      expect(refusedSse.results).toEqual([{ errors: [expect.objectContaining({ extensions: { code: "TOO_MANY_SUBSCRIPTIONS", per: "KEY", limit: CAPS.perKey } })] }]);
      expect(refusedSse.completed).toBe(true);

      // Another key is not concerned.
      const other = await h.gw.createKey();
      await live(record(h.ws(`Bearer ${other.key}`), ME_UPDATED));

      // Closing the SSE stream gives its place back.
      stream.close();
      await vi.waitFor(() => expect(held(keyRecord.id).subscriptions).toBe(CAPS.perKey - 1));
      await live(record(b, ME_UPDATED));
    });

    it("closes a key's socket past its sockets cap at connection_init with 4403 and a reason naming the cap, and takes one again once a socket closes", async () => {
      const { key, record: keyRecord } = await h.gw.createKey();
      const first = await connectionInit(h.gw.url, key);
      const second = await connectionInit(h.gw.url, key);
      expect([first.acknowledged, second.acknowledged]).toEqual([true, true]);
      const third = await connectionInit(h.gw.url, key);
      expect(third).toMatchObject({ acknowledged: false, code: 4403, reason: expect.stringContaining(`at most ${CAPS.socketsPerKey}`) });

      await closed(first.socket);
      await vi.waitFor(() => expect(held(keyRecord.id).sockets).toBe(1));
      // The refused socket's address waits out the cool-off before it may connect again.
      expect((await upgrade(h.gw.url)).status).toBe(429);
      // Clients that reset their refused upgrades do not take the gateway down.
      await Promise.all(Array.from({ length: 50 }, () => resetUpgrade(h.gw.url)));
      expect((await fetch(`${h.gw.url}/healthz`)).status).toBe(200);
      h.clock.advance(RECONNECT_COOL_OFF_MS);
      const again = await connectionInit(h.gw.url, key);
      expect(again.acknowledged).toBe(true);
      await Promise.all([closed(second.socket), closed(again.socket)]);
      await vi.waitFor(() => expect(held(keyRecord.id)).toEqual({ subscriptions: 0, sockets: 0 }));
    });

    it("gives every place back when sockets close with subscriptions open", async () => {
      const { key, record: keyRecord } = await h.gw.createKey();
      const clients = [h.ws(`Bearer ${key}`), h.ws(`Bearer ${key}`)];
      await Promise.all(clients.flatMap((client) => [live(record(client, ME_UPDATED)), live(record(client, ME_UPDATED))]));
      expect(held(keyRecord.id)).toEqual({ subscriptions: 4, sockets: 2 });
      await Promise.all(clients.map((client) => client.dispose()));
      await vi.waitFor(() => expect(held(keyRecord.id)).toEqual({ subscriptions: 0, sockets: 0 }));
    });

    it("revokeApiKey ends the key's subscriptions on graphql-ws and SSE at once with an UNAUTHORIZED (KEY_REVOKED) error, and no other key's", async () => {
      const { key, record: keyRecord } = await h.gw.createKey();
      const other = await h.gw.createKey();
      const client = h.ws(`Bearer ${key}`);
      const { id } = await generate(h.gql, key);
      const feeds = [record(client, ME_UPDATED), record(client, MY_TASKS), sse(h.gw.url, ME_UPDATED, {}, { key })];
      await Promise.all([feeds[0]!, feeds[2]!].map(live));
      const bystander = record(h.ws(`Bearer ${other.key}`), ME_UPDATED);
      await live(bystander);
      await vi.waitFor(() => expect(held(keyRecord.id).subscriptions).toBe(3));

      await h.gql.data(REVOKE, { id: keyRecord.id }, { headers: { "x-admin-token": ADMIN_TOKEN } });
      for (const feed of feeds) {
        await vi.waitFor(() => expect(feed.completed).toBe(true));
        expect(feed.results.at(-1)).toEqual({ errors: [expect.objectContaining({ message: KEY_REVOKED_MESSAGE, extensions: { code: "UNAUTHORIZED", reason: "KEY_REVOKED" } })] });
      }
      expect(held(keyRecord.id).subscriptions).toBe(0);
      expect(h.gw.services.live.counts(other.record.id).subscriptions).toBe(1);

      // The key's task goes on to FINISHED, published on its feed; none of it reaches the ended subscriptions.
      const before = feeds.map((feed) => feed.results.length);
      const published = h.gw.services.pubsub.subscribe("keyTasks", keyRecord.id);
      for (let i = 0; i < 2_000; i++) {
        const task = await h.gw.services.tasks.get(keyRecord, id);
        if (task.ok && (task.value.status === "FINISHED" || task.value.status === "FAILED")) break;
        h.clock.advance(1);
        await h.gw.gateway.driver.tick();
      }
      const events: string[] = [];
      for (let next = await published.next(); !next.done; next = await published.next()) if ((events.push(next.value.type), next.value.type === "FINISHED")) break;
      await published.return?.();
      expect(events.at(-1)).toBe("FINISHED");
      expect(feeds.map((feed) => feed.results.length)).toEqual(before);
      expect(bystander.completed).toBe(false);
      // A new subscription of the revoked key is Unauthorized.
      const after = record(client, MY_TASKS);
      expect((await after.done()).map((d) => d.myTasks)).toEqual([{ __typename: "Unauthorized", code: "UNAUTHORIZED" }]);
    });
  },
);
