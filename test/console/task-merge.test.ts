// The console's merge of task reports from its two live streams (console/src/task-merge.ts).
import { describe, expect, it } from "vitest";
import { isLater, MAX_TASKS, mergeTasks, type Task } from "../../console/src/task-merge.ts";

const task = (fields: Partial<Task> = {}): Task => ({
  id: "t1",
  model: "gpt-image-2",
  output: "IMAGE",
  status: "PROCESSING",
  progress: 0.5,
  cost: 0.003,
  refunded: false,
  error: null,
  result: [],
  glbUrls: [],
  createdAt: "2026-12-05T06:00:00.000Z",
  finishedAt: null,
  adjustments: [],
  ...fields,
});

describe("merging task reports", () => {
  it("takes a report further along: a later stage, more progress, a refund", () => {
    expect(isLater(task({ status: "QUEUED", progress: 0 }), task({ status: "PROCESSING", progress: 0 }))).toBe(true);
    expect(isLater(task({ progress: 0.9 }), task({ status: "FINISHED", progress: 1 }))).toBe(true);
    expect(isLater(task({ progress: 0.3 }), task({ progress: 0.6 }))).toBe(true);
    expect(isLater(task({ progress: 0.6 }), task({ progress: 0.6, refunded: true }))).toBe(true);
  });

  it("keeps what it has when an older report arrives late (a dashboard behind a task update)", () => {
    const finished = task({ status: "FINISHED", progress: 1, result: ["http://x/files/a.png"] });
    const known = mergeTasks(new Map(), [finished]);
    const merged = mergeTasks(known, [task({ status: "PROCESSING", progress: 0.8 })]);
    expect(merged.get("t1")).toBe(finished);
    expect(mergeTasks(mergeTasks(new Map(), [task({ progress: 0.7, refunded: true })]), [task({ progress: 0.7 })]).get("t1")?.refunded).toBe(true);
  });

  it("adds new tasks and keeps only the newest MAX_TASKS", () => {
    const many = Array.from({ length: MAX_TASKS + 5 }, (_, i) => task({ id: `t${i}`, createdAt: new Date(Date.UTC(2026, 11, 5, 0, 0, i)).toISOString() }));
    const merged = mergeTasks(new Map(), many);
    expect(merged.size).toBe(MAX_TASKS);
    expect(merged.has("t0")).toBe(false);
    expect(merged.has(`t${MAX_TASKS + 4}`)).toBe(true);
  });
});
