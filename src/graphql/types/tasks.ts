import { microsToUsd } from "../../kernel/money.ts";
import type { Adjustment } from "../../engine/normalize.ts";
import { absoluteUrl } from "../../http/origin.ts";
import { unauthorized } from "../../services/errors.ts";
import type { TaskRecord, TaskStatus as Status } from "../../domain/task.ts";
import { builder } from "../builder.ts";
import { TaskNotFound, Unauthorized } from "./errors.ts";
import { OutputKind } from "./models.ts";

export const TaskStatus = builder.enumType("TaskStatus", {
  values: {
    QUEUED: { description: "Waiting for a free upstream account." },
    PROCESSING: { description: "Generation in progress." },
    FINISHED: { description: "Done, result URLs available." },
    FAILED: { description: "Generation failed (charged cost refunded)." },
  } as const,
});

export const AdjustmentReason = builder.enumType("AdjustmentReason", {
  values: ["SNAPPED_TO_VALID_SIZE", "NEAREST_ALLOWED_VALUE", "CANONICAL_SPELLING", "PARAM_RULE", "BUDGET_DOWNGRADE"] as const,
});

export const AdjustmentType = builder.objectRef<Adjustment>("Adjustment").implement({
  description: "One parameter the gateway changed, from what to what, and why.",
  fields: (t) => ({
    param: t.exposeString("param"),
    from: t.field({ type: "JSON", nullable: true, resolve: (a) => a.from ?? null }),
    to: t.field({ type: "JSON", nullable: true, resolve: (a) => a.to ?? null }),
    reason: t.field({ type: AdjustmentReason, resolve: (a) => a.reason }),
  }),
});


export const TaskType = builder.objectRef<TaskRecord>("Task").implement({
  description: "A generation: created QUEUED or PROCESSING, then FINISHED with results or FAILED with an error.",
  isTypeOf: (value) => typeof (value as TaskRecord).status === "string" && "keyId" in (value as object),
  fields: (t) => ({
    id: t.exposeID("id"),
    model: t.exposeString("model"),
    output: t.field({ type: OutputKind, resolve: (task) => task.output }),
    status: t.field({ type: TaskStatus, resolve: (task) => task.status }),
    progress: t.float({ description: "0 to 1.", resolve: (task) => task.progress / 100 }),
    cost: t.float({ description: "USD charged for this task (0 once refunded).", resolve: (task) => (task.refunded ? 0 : microsToUsd(task.cost)) }),
    chargedCost: t.float({ description: "USD charged when accepted, before any refund.", resolve: (task) => microsToUsd(task.cost) }),
    refunded: t.exposeBoolean("refunded"),
    result: t.stringList({ description: "Absolute URLs of the outputs (previews for 3D).", resolve: (task, _a, ctx) => task.result.map((p) => absoluteUrl(ctx.baseUrl, p)) }),
    glbUrls: t.stringList({ description: "3D models (.glb), for 3D tasks.", resolve: (task, _a, ctx) => task.glbUrls.map((p) => absoluteUrl(ctx.baseUrl, p)) }),
    error: t.string({ nullable: true, resolve: (task) => task.error }),
    params: t.field({ type: "JSON", description: "The parameters that ran.", resolve: (task) => task.params }),
    requestParams: t.field({ type: "JSON", description: "The parameters as sent.", resolve: (task) => task.requestParams }),
    adjustments: t.field({ type: [AdjustmentType], resolve: (task) => task.adjustments as Adjustment[] }),
    attempts: t.exposeInt("attempts"),
    createdAt: t.field({ type: "DateTime", resolve: (task) => task.createdAt }),
    updatedAt: t.field({ type: "DateTime", resolve: (task) => task.updatedAt }),
    startedAt: t.field({ type: "DateTime", nullable: true, resolve: (task) => task.startedAt }),
    finishedAt: t.field({ type: "DateTime", nullable: true, resolve: (task) => task.finishedAt }),
    slotReleaseAt: t.field({ type: "DateTime", description: "The concurrency slot frees itself by then (10 min).", resolve: (task) => task.slotReleaseAt }),
    refundAt: t.field({ type: "DateTime", description: "Unfinished by then: refunded automatically (20 min).", resolve: (task) => task.refundAt }),
    hardDeadlineAt: t.field({ type: "DateTime", description: "Unfinished by then: FAILED (40 min).", resolve: (task) => task.hardDeadlineAt }),
  }),
});

export const TaskResult = builder.unionType("TaskResult", { types: [TaskType, TaskNotFound, Unauthorized] });

interface TaskPage {
  readonly tasks: readonly TaskRecord[];
  readonly hasMore: boolean;
}
const TaskEdge = builder.objectRef<TaskRecord>("TaskEdge").implement({
  fields: (t) => ({ cursor: t.exposeString("id"), node: t.field({ type: TaskType, resolve: (task) => task }) }),
});
const PageInfo = builder.objectRef<TaskPage>("PageInfo").implement({
  fields: (t) => ({
    hasNextPage: t.boolean({ resolve: (p) => p.hasMore }),
    endCursor: t.string({ nullable: true, resolve: (p) => p.tasks.at(-1)?.id ?? null }),
  }),
});
const TaskConnection = builder.objectRef<TaskPage & { __typename: "TaskConnection" }>("TaskConnection").implement({
  description: "A page of tasks, newest first.",
  isTypeOf: (v) => (v as { __typename?: string }).__typename === "TaskConnection",
  fields: (t) => ({
    edges: t.field({ type: [TaskEdge], resolve: (p) => [...p.tasks] }),
    nodes: t.field({ type: [TaskType], resolve: (p) => [...p.tasks] }),
    pageInfo: t.field({ type: PageInfo, resolve: (p) => p }),
  }),
});
const TasksResult = builder.unionType("TasksResult", { types: [TaskConnection, Unauthorized] });


builder.queryFields((t) => ({
  task: t.field({
    type: TaskResult,
    description: "One of the caller's tasks.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      if (!ctx.key) return unauthorized() as never;
      const task = await ctx.services.tasks.get(ctx.key, String(id));
      return task.ok ? task.value : (task.error as never);
    },
  }),
  tasks: t.field({
    type: TasksResult,
    description: "The caller's tasks, newest first, by cursor (`after` = a previous page's endCursor).",
    args: {
      first: t.arg.int({ required: false, defaultValue: 20, description: "Tasks per page, clamped to 1..100 (REST and GraphQL alike)." }),
      after: t.arg.string({ required: false }),
      status: t.arg({ type: [TaskStatus], required: false }),
      model: t.arg.string({ required: false }),
    },
    resolve: async (_root, args, ctx) => {
      if (!ctx.key) return unauthorized() as never;
      const page = await ctx.services.tasks.list(ctx.key, {
        first: args.first ?? 20,
        ...(args.after ? { after: args.after } : {}),
        ...(args.status?.length ? { status: args.status as Status[] } : {}),
        ...(args.model ? { model: args.model } : {}),
      });
      return { __typename: "TaskConnection" as const, ...page };
    },
  }),
}));
