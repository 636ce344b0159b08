import { taskNotFound, unauthorized } from "../services/errors.ts";
import type { TaskEvent } from "../services/events.ts";
import { findTask, type TaskRecord } from "../store/task-store.ts";
import { loadDashboard, MeResult } from "./account.ts";
import { builder } from "./builder.ts";
import { TaskNotFound, Unauthorized } from "./errors.ts";
import { TaskType } from "./tasks.ts";

const TaskEventType = builder.enumType("TaskEventType", {
  description: "What changed. The first update of `taskUpdated` repeats the current state (QUEUED, PROCESSING, FINISHED or FAILED).",
  values: ["QUEUED", "PROCESSING", "PROGRESS", "FINISHED", "FAILED", "REFUNDED"] as const,
});

const TaskUpdate = builder.objectRef<TaskEvent & { __typename: "TaskUpdate" }>("TaskUpdate").implement({
  isTypeOf: (v) => (v as { __typename?: string }).__typename === "TaskUpdate",
  fields: (t) => ({
    type: t.field({ type: TaskEventType, resolve: (e) => e.type }),
    task: t.field({ type: TaskType, resolve: (e) => e.task }),
  }),
});
const TaskUpdateResult = builder.unionType("TaskUpdateResult", { types: [TaskUpdate, TaskNotFound, Unauthorized] });

const isFinal = (task: TaskRecord) => task.status === "FINISHED" || task.status === "FAILED";
const update = (event: TaskEvent) => ({ __typename: "TaskUpdate" as const, ...event });

/** An event that says nothing newer than what the subscriber already has (it raced the initial read). */
const isStale = (task: TaskRecord, last: TaskRecord) =>
  task.updatedAt < last.updatedAt ||
  (task.updatedAt === last.updatedAt && task.status === last.status && task.progress === last.progress && task.refunded === last.refunded);

builder.subscriptionFields((t) => ({
  taskUpdated: t.field({
    type: TaskUpdateResult,
    description: "Every transition of one of the caller's tasks: first its current state at once, then each change; ends after FINISHED or FAILED.",
    args: { id: t.arg.id({ required: true }) },
    subscribe: async function* (_root, args, ctx) {
      if (!ctx.key) {
        yield unauthorized();
        return;
      }
      const id = String(args.id);
      // Listen before reading, so nothing between the read and the first event is missed.
      const events = ctx.services.pubsub.subscribe("task", id);
      try {
        const current = await findTask(ctx.services.prisma, id);
        if (!current || current.keyId !== ctx.key.id) {
          yield taskNotFound(id);
          return;
        }
        yield update({ type: current.status, task: current });
        if (isFinal(current)) return;
        let last = current;
        for await (const event of events) {
          if (isStale(event.task, last)) continue;
          last = event.task;
          yield update(event);
          if (isFinal(event.task)) return;
        }
      } finally {
        await events.return?.();
      }
    },
    resolve: (payload) => payload as never,
  }),
  myTasks: t.field({
    type: TaskUpdateResult,
    description: "Every change to any of the caller's tasks, as it happens.",
    subscribe: async function* (_root, _args, ctx) {
      if (!ctx.key) {
        yield unauthorized();
        return;
      }
      const events = ctx.services.pubsub.subscribe("keyTasks", ctx.key.id);
      try {
        for await (const event of events) yield update(event);
      } finally {
        await events.return?.();
      }
    },
    resolve: (payload) => payload as never,
  }),
  meUpdated: t.field({
    type: MeResult,
    description: "The caller's dashboard (budget, slots, tasks): now, then after every change.",
    subscribe: async function* (_root, _args, ctx) {
      if (!ctx.key) {
        yield unauthorized();
        return;
      }
      const events = ctx.services.pubsub.subscribe("keyState", ctx.key.id);
      try {
        yield await loadDashboard(ctx);
        for await (const _event of events) yield await loadDashboard(ctx);
      } finally {
        await events.return?.();
      }
    },
    resolve: (payload) => payload as never,
  }),
}));
