import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { createLargeBodyLanes, hasLargeBody, LARGE_BODY_BYTES, type LaneEntry } from "../../src/http/large-body-lanes.ts";

const entered = async (entry: Promise<LaneEntry> | LaneEntry): Promise<() => void> => {
  const resolved = await entry;
  if (resolved.kind !== "entered") throw new Error("refused");
  return resolved.release;
};

describe("large-body lanes", () => {
  it("lets one request of an address in at once; the next enters when it is released, in arrival order", async () => {
    const lanes = createLargeBodyLanes();
    const first = await entered(lanes.enter("10.0.0.1"));
    const order: string[] = [];
    const second = Promise.resolve(lanes.enter("10.0.0.1")).then(async (e) => (order.push("second"), e));
    const third = Promise.resolve(lanes.enter("10.0.0.1")).then(async (e) => (order.push("third"), e));
    // Another address is not held back.
    const other = lanes.enter("10.0.0.2");
    expect("kind" in other && other.kind).toBe("entered");
    expect(order).toEqual([]);
    first();
    const releaseSecond = await entered(await second);
    expect(order).toEqual(["second"]);
    releaseSecond();
    (await entered(await third))();
    expect(order).toEqual(["second", "third"]);
    (await entered(other))();
    expect(lanes.busy).toBe(0);
  });

  it("refuses a request when its address already has the queue limit waiting", async () => {
    const lanes = createLargeBodyLanes(2);
    const holder = await entered(lanes.enter("a"));
    const waiting = [lanes.enter("a"), lanes.enter("a")];
    expect(lanes.enter("a")).toEqual({ kind: "refused" });
    holder();
    for (const w of waiting) (await entered(w))();
    expect(lanes.busy).toBe(0);
  });

  it("gives the lane back once however many times a release is called", async () => {
    const lanes = createLargeBodyLanes();
    const release = await entered(lanes.enter("a"));
    const next = lanes.enter("a");
    release();
    release();
    const releaseNext = await entered(next);
    // The lane is still the second request's: a third waits.
    const third = lanes.enter("a");
    expect(third).toBeInstanceOf(Promise);
    releaseNext();
    (await entered(third))();
    expect(lanes.busy).toBe(0);
  });
});

describe("hasLargeBody", () => {
  const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;
  it("is a declared length over the bound, or a body of unknown length", () => {
    expect(hasLargeBody(req({ "content-length": String(LARGE_BODY_BYTES) }))).toBe(false);
    expect(hasLargeBody(req({ "content-length": String(LARGE_BODY_BYTES + 1) }))).toBe(true);
    expect(hasLargeBody(req({ "transfer-encoding": "chunked" }))).toBe(true);
    expect(hasLargeBody(req({}))).toBe(false);
  });
});
