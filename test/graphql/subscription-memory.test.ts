// Memory is returned when sockets close: a gateway takes 2,000 subscriptions (meUpdated and
// myTasks, 100 per socket over 20 keys), the sockets close, and after full garbage collections
// the heap is back within a small bound of where it was before them. The clients run in this
// process too, so a leak on either side counts; a subscription that kept as little as 500 bytes
// after its socket closed would exceed the bound.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startGateway, type TestGateway } from "../support/gateway.ts";
import { record, wsClient } from "./support/client.ts";

// The collector, as --expose-gc would give it (a test file's process is started by vitest).
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const SOCKETS = 20;
const PER_SOCKET = 100;
/** What may stay after every socket closed: 500 bytes for each of the 2,000 subscriptions. */
const BOUND_BYTES = 1_000_000;

const ME_UPDATED = /* GraphQL */ `subscription { meUpdated { __typename ... on Dashboard { budget { used } activeTasks { id } } } }`;
const MY_TASKS = /* GraphQL */ `subscription { myTasks { __typename ... on TaskUpdate { type task { id status } } } }`;

/** Full collections until the heap stops shrinking (weak maps and finalizers take more than one). */
async function settledHeap(): Promise<number> {
  let last = Infinity;
  for (let i = 0; i < 10; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    const used = process.memoryUsage().heapUsed;
    if (used >= last - 16 * 1024) return used;
    last = used;
  }
  return last;
}

describe("memory after sockets close", () => {
  let gw: TestGateway;
  const keys: string[] = [];
  beforeAll(async () => {
    gw = await startGateway({ driver: { enabled: false } });
    for (let i = 0; i < SOCKETS; i++) keys.push((await gw.createKey()).key);
  });
  afterAll(() => gw?.close());

  /** Opens the sockets and their subscriptions, waits until all are live, closes every socket, waits until the gateway let go of them. */
  async function openAndClose(): Promise<void> {
    const live = gw.services.live;
    const clients: Client[] = keys.map((key) => wsClient(gw.url, `Bearer ${key}`));
    const dashboards = clients.flatMap((client) => Array.from({ length: PER_SOCKET }, (_, i) => (i % 2 === 0 ? record(client, ME_UPDATED) : record(client, MY_TASKS))));
    await Promise.all(dashboards.filter((_, i) => i % 2 === 0).map((r) => r.until((d) => d.length >= 1, "the first dashboard")));
    await vi.waitFor(() => expect(live.counts()).toEqual({ subscriptions: SOCKETS * PER_SOCKET, sockets: SOCKETS }), { timeout: 20_000 });
    await Promise.all(clients.map((client) => client.dispose()));
    await vi.waitFor(() => expect([live.counts(), gw.services.dashboards.open()]).toEqual([{ subscriptions: 0, sockets: 0 }, 0]), { timeout: 20_000 });
  }

  it("returns the heap within 1 MB of its baseline after 2,000 subscriptions on 20 sockets close", async () => {
    // A first round loads and compiles everything a subscription touches: the baseline is after it.
    await openAndClose();
    const baseline = await settledHeap();
    await openAndClose();
    const after = await settledHeap();
    expect(after - baseline, `heap ${baseline} → ${after} bytes`).toBeLessThan(BOUND_BYTES);
  }, 120_000);
});
