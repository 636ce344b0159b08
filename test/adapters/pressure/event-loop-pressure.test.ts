// Foreground pressure from the event loop's lateness: the worst delay since the last read, a stall
// still under way included, and only when requests arrived meanwhile.
import { afterEach, describe, expect, it } from "vitest";
import { createEventLoopPressure, type EventLoopPressure } from "../../../src/adapters/pressure/event-loop-pressure.ts";

/** Holds the event loop for `ms`, as a burst of synchronous work does. */
const holdLoop = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};
/** Lets the sampling timer fire a few times (it notes a held loop when it next fires). */
const ticks = () => new Promise((resolve) => setTimeout(resolve, 40));

describe("event-loop pressure", () => {
  let pressure: EventLoopPressure | undefined;
  afterEach(() => pressure?.close());

  it("reports a stall still under way when read from inside it", async () => {
    let requests = 0;
    pressure = createEventLoopPressure(() => requests);
    await ticks();
    requests++;
    holdLoop(60);
    expect(pressure.delaySinceLastRead()).toBeGreaterThanOrEqual(40);
  });

  it("reports no delay when no request arrived, however long the loop was held", async () => {
    pressure = createEventLoopPressure(() => 7);
    await ticks();
    holdLoop(80);
    await ticks();
    expect(pressure.delaySinceLastRead()).toBe(0);
  });

  it("reports the worst delay since the last read when requests arrived meanwhile, and starts the next reading afresh", async () => {
    let requests = 0;
    pressure = createEventLoopPressure(() => requests);
    await ticks();
    requests++;
    holdLoop(80);
    await ticks();
    const first = pressure.delaySinceLastRead();
    requests++;
    expect(first).toBeGreaterThanOrEqual(60);
    expect(pressure.delaySinceLastRead()).toBeLessThan(first / 2);
  });
});
