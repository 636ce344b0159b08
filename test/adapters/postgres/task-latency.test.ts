// TaskRepo.finishedLatency: the quantiles of how long the gateway's FINISHED tasks took, per output
// kind, from the last attempt's start to FINISHED, over the newest tasks accepted in a window,
// computed in the database. Held to both databases.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/adapters/postgres/database.ts";
import { createStores, type Stores } from "../../../src/adapters/postgres/stores.ts";
import type { OutputKind } from "../../../src/catalog/types.ts";
import { FINISHED_LATENCY_MAX_TASKS } from "../../../src/services/ports/task-repo.ts";
import { withTestDatabases } from "../../support/databases.ts";
import { newTask } from "../../support/new-task.ts";

const targets = await withTestDatabases();

const T0 = Date.parse("2026-11-20T00:00:00.000Z");
const MINUTE = 60_000;
const OUTPUTS: OutputKind[] = ["image", "video", "3d"];
const MODEL: Record<OutputKind, string> = { image: "gpt-image-2", video: "seedance-2.0", "3d": "rodin-v2" };

describe.each(targets)("finished task latencies on $name", (target) => {
  let db: Database;
  let stores: Stores;
  const keyId = randomUUID();
  /** The tasks below are accepted one a minute from T0: the n-th at T0 + n minutes. */
  let accepted = 0;

  /** Accepts a task of `output`, starts it 1 s later and ends it `seconds` after the start (`end`), or leaves it where `end` says. */
  const task = async (output: OutputKind, seconds: number, end: "FINISHED" | "FAILED" | "QUEUED" | "RETRIED" = "FINISHED") => {
    const now = T0 + accepted++ * MINUTE;
    const created = await stores.tasks.accept(newTask(keyId, 0, now, { output, model: MODEL[output] }), 1_000_000);
    const id = created!.task.id;
    if (end === "QUEUED") return;
    const start = (at: number) => stores.tasks.startNextQueued({ owner: "w", now: at, leaseUntil: at + MINUTE, poolSize: 1 });
    let startedAt = now + 1_000;
    expect((await start(startedAt))?.id).toBe(id);
    if (end === "RETRIED") {
      // The first attempt failed after 100 s; the second starts 5 s later and is the one measured.
      await stores.tasks.requeue({ id, owner: "w", now: startedAt + 100_000, holdUntil: startedAt + 100_000 });
      startedAt += 105_000;
      expect((await start(startedAt))?.id).toBe(id);
    }
    const endAt = startedAt + seconds * 1000;
    if (end === "FAILED") await stores.tasks.fail({ id, owner: "w", now: endAt, error: "upstream" });
    else expect(await stores.tasks.finish({ id, owner: "w", now: endAt, result: [], glb: [] })).not.toBeNull();
  };

  beforeAll(async () => {
    db = await target.open();
    stores = createStores(db);
    await stores.pool.seed(1);
    // Before the window: an image that took an hour.
    await task("image", 3600);
    // In the window (from T0 + 1 minute): images of 1 … 30 s, oldest first, one retried (measured from its second start).
    for (let s = 1; s <= 30; s++) await task("image", s, s === 7 ? "RETRIED" : "FINISHED");
    // Videos of 60, 90 and 120 s; a failed and an unfinished image, which do not count.
    for (const s of [60, 90, 120]) await task("video", s);
    await task("image", 999, "FAILED");
    await task("image", 0, "QUEUED");
  });

  const query = (perOutput: number, probabilities: number[] = [0, 0.5, 1]) =>
    stores.tasks.finishedLatency({ outputs: OUTPUTS, since: T0, until: T0 + 24 * 60 * MINUTE, perOutput, probabilities });

  it("answers each kind's quantiles of FINISHED tasks in the window, from the last attempt's start, and none for a kind without tasks", async () => {
    expect(await query(2_000, [0, 0.25, 0.5, 1])).toEqual([
      { output: "image", tasks: 30, seconds: [1, 8.25, 15.5, 30] },
      { output: "video", tasks: 3, seconds: [60, 75, 90, 120] },
      { output: "3d", tasks: 0, seconds: [] },
    ]);
  });

  it("looks at the newest perOutput tasks of each kind only", async () => {
    // The newest 10 images took 21 … 30 s.
    expect((await query(10))[0]).toEqual({ output: "image", tasks: 10, seconds: [21, 25.5, 30] });
    expect((await query(2))[1]).toEqual({ output: "video", tasks: 2, seconds: [90, 105, 120] });
  });

  it("counts only tasks accepted within (since, until]", async () => {
    const all = await stores.tasks.finishedLatency({ outputs: ["image"], since: T0 - MINUTE, until: T0 + 5 * MINUTE, perOutput: 100, probabilities: [0, 1] });
    // The hour-long image at T0 and the images of 1 … 5 s.
    expect(all).toEqual([{ output: "image", tasks: 6, seconds: [1, 3600] }]);
  });

  it("refuses a query out of its bounds", async () => {
    await expect(query(0)).rejects.toThrow(RangeError);
    await expect(query(FINISHED_LATENCY_MAX_TASKS + 1)).rejects.toThrow(RangeError);
    await expect(query(10, [0, 1.5])).rejects.toThrow(RangeError);
    await expect(query(10, [])).rejects.toThrow(RangeError);
  });
});
