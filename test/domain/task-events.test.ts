import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EVENT_PARAMS_MAX, isNewerState, liveTask } from "../../src/domain/task-events.ts";
import type { TaskRecord } from "../../src/domain/task.ts";

const accepted: TaskRecord = {
  id: "t",
  keyId: "k",
  model: "gpt-image-2",
  output: "image",
  status: "QUEUED",
  requestParams: {},
  params: {},
  adjustments: [],
  cost: 1,
  refunded: false,
  result: [],
  glbUrls: [],
  error: null,
  progress: 0,
  account: null,
  attempts: 0,
  createdAt: 0,
  updatedAt: 0,
  startedAt: null,
  finishedAt: null,
  slotReleaseAt: 0,
  refundAt: 0,
  hardDeadlineAt: 0,
};

type Step = "start" | "progress" | "refund" | "requeue" | "finish" | "fail";

/** The task after `step`, as the driver's statements make it; null when the step cannot happen now. */
function apply(task: TaskRecord, step: Step, amount: number): TaskRecord | null {
  const with_ = (change: Partial<TaskRecord>): TaskRecord => Object.assign({}, task, change);
  if (task.status === "FINISHED" || task.status === "FAILED") return null;
  switch (step) {
    case "start":
      return task.status === "QUEUED" ? with_({ status: "PROCESSING", attempts: task.attempts + 1, progress: 0 }) : null;
    case "progress": {
      const next = Math.min(90, task.progress + 10 * amount);
      return task.status === "PROCESSING" && next > task.progress ? with_({ progress: next }) : null;
    }
    case "refund":
      return task.refunded ? null : with_({ refunded: true });
    case "requeue":
      return task.status === "PROCESSING" ? with_({ status: "QUEUED", progress: 0 }) : null;
    case "finish":
      return task.status === "PROCESSING" ? with_({ status: "FINISHED", progress: 100 }) : null;
    case "fail":
      // A hard deadline fails a task QUEUED or PROCESSING; FAILED rows come refunded.
      return with_({ status: "FAILED", refunded: true });
  }
}

const steps = fc.array(fc.tuple(fc.constantFrom<Step>("start", "progress", "refund", "requeue", "finish", "fail"), fc.integer({ min: 1, max: 9 })), {
  maxLength: 40,
});

describe("isNewerState", () => {
  it("orders every state of any task's life after all the states before it, and no state after itself", () => {
    fc.assert(
      fc.property(steps, (plan) => {
        const life = [accepted];
        for (const [step, amount] of plan) {
          const next = apply(life.at(-1)!, step, amount);
          if (next) life.push(next);
        }
        life.forEach((later, j) => {
          expect(isNewerState(later, later)).toBe(false);
          for (const earlier of life.slice(0, j)) {
            expect(isNewerState(later, earlier)).toBe(true);
            expect(isNewerState(earlier, later)).toBe(false);
          }
        });
      }),
      { numRuns: 1_000 },
    );
  });

  it("does not read the clock: a later state written by a process whose clock is behind is still newer", () => {
    const queued = Object.assign({}, accepted, { updatedAt: 5_000 });
    const processing = Object.assign({}, accepted, { status: "PROCESSING" as const, attempts: 1, updatedAt: 4_000 });
    expect(isNewerState(processing, queued)).toBe(true);
    expect(isNewerState(queued, processing)).toBe(false);
  });
});

describe("liveTask", () => {
  /** A task whose params and requestParams take `size` characters of JSON together. */
  const withParamsOf = (size: number): TaskRecord => {
    const requestParams = { prompt: "a cat" };
    const rest = size - JSON.stringify(requestParams).length - JSON.stringify({ note: "" }).length;
    return Object.assign({}, accepted, { requestParams, params: { note: "x".repeat(rest) } });
  };

  it("carries a task whose params and requestParams take at most EVENT_PARAMS_MAX characters of JSON whole, as the same record", () => {
    const task = withParamsOf(EVENT_PARAMS_MAX);
    expect(JSON.stringify(task.params).length + JSON.stringify(task.requestParams).length).toBe(EVENT_PARAMS_MAX);
    expect(liveTask(task)).toBe(task);
  });

  it("leaves params and requestParams out together once they take one character more, and keeps every other field", () => {
    const task = withParamsOf(EVENT_PARAMS_MAX + 1);
    const live = liveTask(task);
    expect(live).not.toHaveProperty("params");
    expect(live).not.toHaveProperty("requestParams");
    const { params: _params, requestParams: _requestParams, ...rest } = task;
    expect(live).toEqual(rest);
    // The event on the wire is then small whatever the params' size.
    expect(JSON.stringify(liveTask(withParamsOf(400_000))).length).toBeLessThan(1_000);
  });
});
