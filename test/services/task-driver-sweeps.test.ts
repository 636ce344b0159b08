// The driver's sweep of slots that freed themselves (the limiter expires a slot after its TTL; the
// sweep releases it too and tells the key's dashboard): it starts one slot TTL back, so slots that
// freed while no process swept (a restart) are told, and a full batch goes on from its last slot.
// A slot whose release failed (the limiter down) is released again at the next pass.
import { afterEach, describe, expect, it } from "vitest";
import type { Provider } from "../../src/services/ports/provider.ts";
import { SLOTS_PER_SWEEP } from "../../src/services/ports/task-repo.ts";
import type { TaskDriver } from "../../src/services/task-driver.ts";
import { timingFor } from "../../src/services/timing.ts";
import { driverBeside } from "../support/driver-beside.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";

const idle: Provider = { poll: async () => ({ state: "running", progress: 0 }) };

/** The pub/sub with the keys whose state (`keyState`: a slot released) is told recorded in `told`. */
function keyStatesOf(pubsub: TestGateway["gateway"]["infrastructure"]["pubsub"]) {
  const told: string[] = [];
  const watch = Object.assign({}, pubsub, {
    publish: async (...args: Parameters<typeof pubsub.publish>) => {
      if (args[0] === "keyState") told.push(String(args[1]));
      return pubsub.publish(...args);
    },
  });
  return { told, watch };
}

describe("task driver: the sweep of slots that freed themselves, and of slots whose release failed", () => {
  let gw: TestGateway | undefined;
  let driver: TaskDriver | undefined;
  afterEach(async () => {
    await driver?.stop();
    driver = undefined;
    await gw?.close();
  });

  it("starts one slot TTL back, and goes on from the last slot of a full batch", async () => {
    gw = await startGateway({ provider: idle, driver: { enabled: false } });
    const { stores, pubsub } = gw.gateway.infrastructure;
    const timing = timingFor(1);
    const T0 = Date.parse("2030-01-01T00:00:00.000Z");
    let now = T0;
    const asked: [number, number][] = [];
    const full = Array.from({ length: SLOTS_PER_SWEEP }, (_, i) => ({ id: `t${i}`, keyId: "k", at: T0 - 60_000 + i }));
    const tasks = Object.assign({}, stores.tasks, {
      slotsExpiredBetween: async (since: number, until: number) => {
        asked.push([since, until]);
        return asked.length === 1 ? full : [];
      },
    });
    const { told, watch } = keyStatesOf(pubsub);
    driver = driverBeside(gw, { provider: idle, owner: "sweeper", tasks, pubsub: watch, clock: { now: () => now }, timing });
    await driver.tick();
    now += 100;
    await driver.tick();
    expect(asked).toEqual([
      [T0 - timing.slotTtlMs, T0],
      [full.at(-1)!.at - 1, T0 + 100],
    ]);
    expect(told).toHaveLength(SLOTS_PER_SWEEP);
  });

  it("is released again at the next pass (a limiter that was down), and the key's dashboard told, so an ended task does not hold it for the slot TTL", async () => {
    const finishes: Provider = { poll: async () => ({ state: "finished", files: [], result: [], glb: [] }) };
    gw = await startGateway({ provider: idle, driver: { enabled: false } });
    const { limiter, pubsub } = gw.gateway.infrastructure;
    const { key, record } = await gw.createKey();
    const accepted = await fetch(`${gw.url}/api/generate`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify({ model: "gpt-image-2", params: { prompt: "x" } }) });
    expect(accepted.status).toBe(200);
    let down = true;
    const released: string[] = [];
    const flaky = Object.assign({}, limiter, {
      release: async (keyId: string, id: string) => {
        if (down) throw new Error("limiter unreachable");
        released.push(id);
        return limiter.release(keyId, id);
      },
    });
    const { told, watch } = keyStatesOf(pubsub);
    driver = driverBeside(gw, { provider: finishes, owner: "releaser", limiter: flaky, pubsub: watch });
    const { task_id: taskId } = (await accepted.json()) as { task_id: string };
    // The accepting gateway's hold on the task ends within its lease; then this driver starts and finishes it.
    for (let i = 0; i < 200 && (await gw.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).status !== "FINISHED"; i++) {
      await driver.tick();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await gw.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("FINISHED");
    expect(released).toEqual([]);
    expect((await limiter.snapshot(record.id, gw.services.timing.limits)).slots.map((slot) => slot.slotId)).toEqual([taskId]);
    down = false;
    await driver.tick();
    expect(released).toEqual([taskId]);
    expect((await limiter.snapshot(record.id, gw.services.timing.limits)).slots).toEqual([]);
    expect(told).toContain(record.id);
  });
});
