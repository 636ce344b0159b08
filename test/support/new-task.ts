import { randomUUID } from "node:crypto";
import type { NewTask } from "../../src/domain/task.ts";

/** A task to accept for `keyId`: a gpt-image-2 image costing `cost`, accepted at `now`, with the spec's clocks. */
export const newTask = (keyId: string, cost: number, now: number, more: Partial<NewTask> = {}): NewTask =>
  Object.assign(
    {
      id: randomUUID(),
      keyId,
      model: "gpt-image-2",
      output: "image",
      requestParams: {},
      params: {},
      adjustments: [],
      cost,
      now,
      slotReleaseAt: now + 600_000,
      refundAt: now + 1_200_000,
      hardDeadlineAt: now + 2_400_000,
    },
    more,
  );
