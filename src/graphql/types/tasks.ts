import { microsToUsd } from "../../kernel/money.ts";
import type { Adjustment } from "../../engine/normalize.ts";
import { absoluteUrl } from "../../http/origin.ts";
import { unauthorized } from "../../services/errors.ts";
import type { TaskRecord, TaskStatus as Status } from "../../domain/task.ts";
import type { LiveTask } from "../../domain/task-events.ts";
import { builder } from "../builder.ts";
import { schemaGraphql } from "../support/schema-graphql.ts";
import { TaskNotFound, Unauthorized } from "./errors.ts";
import { OutputKind } from "./models.ts";

export const TaskStatus = builder.enumType("TaskStatus", {
  description: "Where a task is: QUEUED, PROCESSING, then FINISHED or FAILED (as REST's `status`).",
  values: {
    QUEUED: { description: "Waiting for a free upstream account." },
    PROCESSING: { description: "Generation in progress." },
    FINISHED: { description: "Done, result URLs available." },
    FAILED: { description: "Generation failed (charged cost refunded)." },
  } as const,
});

export const AdjustmentReason = builder.enumType("AdjustmentReason", {
  description: "Why the gateway changed a parameter from what was sent.",
  values: {
    SNAPPED_TO_VALID_SIZE: { description: "A width or height moved to the nearest valid size or step." },
    NEAREST_ALLOWED_VALUE: { description: "A value outside an allowed list (a duration, an fps) moved to the nearest allowed one." },
    CANONICAL_SPELLING: { description: "A value sent in another letter case, replaced by its canonical spelling." },
    PARAM_RULE: { description: 'A rule between parameters the spec states (e.g. "1080P supports only 6 seconds").' },
    BUDGET_DOWNGRADE: { description: "Lowered so that the request fits today's remaining budget." },
  } as const,
});

export const AdjustmentType = builder.objectRef<Adjustment>("Adjustment").implement({
  description: "One parameter the gateway changed, from what to what, and why.",
  fields: (t) => ({
    param: t.exposeString("param", { description: "The parameter changed, as REST's `params` names it." }),
    from: t.field({ type: "JSON", nullable: true, description: "What was sent (null: it was not sent, its default moved).", resolve: (a) => a.from ?? null }),
    to: t.field({ type: "JSON", nullable: true, description: "What runs instead.", resolve: (a) => a.to ?? null }),
    reason: t.field({ type: AdjustmentReason, description: "Why it changed.", resolve: (a) => a.reason }),
  }),
});


const { GraphQLError } = schemaGraphql;

/**
 * A live update's task whose params could not be read (subscriptions.ts, wholeUpdate): that
 * field's error, not the feed's end; `task(id:)` reads them again.
 */
const paramsUnread = (): never => {
  throw new GraphQLError("This update's task params could not be read: query task(id:) for them", { extensions: { code: "SERVICE_UNAVAILABLE" } });
};

export const TaskType = builder.objectRef<TaskRecord>("Task").implement({
  description: "A generation: created QUEUED or PROCESSING, then FINISHED with results or FAILED with an error.",
  isTypeOf: (value) => typeof (value as TaskRecord).status === "string" && "keyId" in (value as object),
  fields: (t) => ({
    id: t.exposeID("id", { description: "The task id (REST's task_id)." }),
    model: t.exposeString("model", { description: "The model id it runs on." }),
    output: t.field({ type: OutputKind, description: "What its result files hold.", resolve: (task) => task.output }),
    status: t.field({ type: TaskStatus, description: "Where it is now.", resolve: (task) => task.status }),
    progress: t.float({ description: "0 to 1, a fraction (progressPercent is the same on REST's 0 to 100 scale).", resolve: (task) => task.progress / 100 }),
    progressPercent: t.int({ description: "0 to 100, as REST's `progress` (GET /get/{id}).", resolve: (task) => task.progress }),
    cost: t.float({ description: "USD charged for this task (0 once refunded).", resolve: (task) => (task.refunded ? 0 : microsToUsd(task.cost)) }),
    chargedCost: t.float({ description: "USD charged when accepted, before any refund.", resolve: (task) => microsToUsd(task.cost) }),
    refunded: t.exposeBoolean("refunded", { description: "True once its charge was given back (it failed, or was unfinished at refundAt)." }),
    result: t.stringList({ description: "Absolute URLs of the outputs (previews for 3D).", resolve: (task, _a, ctx) => task.result.map((p) => absoluteUrl(ctx.baseUrl, p)) }),
    glbUrls: t.stringList({ description: "3D models (.glb), for 3D tasks.", resolve: (task, _a, ctx) => task.glbUrls.map((p) => absoluteUrl(ctx.baseUrl, p)) }),
    error: t.string({ nullable: true, description: "Why it failed (FAILED only).", resolve: (task) => task.error }),
    params: t.field({ type: "JSON", description: "The parameters that ran.", resolve: (task: LiveTask) => task.params ?? paramsUnread() }),
    requestParams: t.field({ type: "JSON", description: "The parameters as sent.", resolve: (task: LiveTask) => (task.params === undefined ? paramsUnread() : task.requestParams) }),
    adjustments: t.field({ type: [AdjustmentType], description: "What was changed from the request (snapping, budget downgrade).", resolve: (task) => task.adjustments as Adjustment[] }),
    attempts: t.exposeInt("attempts", { description: "Upstream attempts started (a retryable failure tries again, up to 3)." }),
    createdAt: t.field({ type: "DateTime", description: "When it was accepted (and charged).", resolve: (task) => task.createdAt }),
    updatedAt: t.field({ type: "DateTime", description: "When it last changed.", resolve: (task) => task.updatedAt }),
    startedAt: t.field({ type: "DateTime", nullable: true, description: "When its current attempt started on an upstream account.", resolve: (task) => task.startedAt }),
    finishedAt: t.field({ type: "DateTime", nullable: true, description: "When it became FINISHED or FAILED.", resolve: (task) => task.finishedAt }),
    slotReleaseAt: t.field({ type: "DateTime", description: "The concurrency slot frees itself by then (10 min).", resolve: (task) => task.slotReleaseAt }),
    refundAt: t.field({ type: "DateTime", description: "Unfinished by then: refunded automatically (20 min).", resolve: (task) => task.refundAt }),
    hardDeadlineAt: t.field({ type: "DateTime", description: "Unfinished by then: FAILED (40 min).", resolve: (task) => task.hardDeadlineAt }),
  }),
});

export const TaskResult = builder.unionType("TaskResult", { description: "The task, or why not (every failure implements Error).", types: [TaskType, TaskNotFound, Unauthorized] });

interface TaskPage {
  readonly tasks: readonly TaskRecord[];
  readonly hasMore: boolean;
}
const TaskEdge = builder.objectRef<TaskRecord>("TaskEdge").implement({
  description: "A task of a page, with its cursor.",
  fields: (t) => ({
    cursor: t.exposeString("id", { description: "Pass as `after` for the tasks after this one." }),
    node: t.field({ type: TaskType, description: "The task.", resolve: (task) => task }),
  }),
});
const PageInfo = builder.objectRef<TaskPage>("PageInfo").implement({
  description: "Where a page of tasks ends.",
  fields: (t) => ({
    hasNextPage: t.boolean({ description: "Whether older tasks follow.", resolve: (p) => p.hasMore }),
    endCursor: t.string({ nullable: true, description: "The last task's cursor: `after` for the next page.", resolve: (p) => p.tasks.at(-1)?.id ?? null }),
  }),
});
const TaskConnection = builder.objectRef<TaskPage & { __typename: "TaskConnection" }>("TaskConnection").implement({
  description: "A page of tasks, newest first.",
  isTypeOf: (v) => (v as { __typename?: string }).__typename === "TaskConnection",
  fields: (t) => ({
    edges: t.field({ type: [TaskEdge], description: "The page's tasks with their cursors.", resolve: (p) => [...p.tasks] }),
    nodes: t.field({ type: [TaskType], description: "The page's tasks, newest first.", resolve: (p) => [...p.tasks] }),
    pageInfo: t.field({ type: PageInfo, description: "Whether more follow, and from where.", resolve: (p) => p }),
  }),
});
const TasksResult = builder.unionType("TasksResult", { description: "A page of tasks, or Unauthorized.", types: [TaskConnection, Unauthorized] });


builder.queryFields((t) => ({
  task: t.field({
    type: TaskResult,
    description: "One of the caller's tasks.",
    args: { id: t.arg.id({ required: true, description: "A task id of the caller's." }) },
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
      after: t.arg.string({ required: false, description: "A previous page's endCursor: the tasks after it." }),
      status: t.arg({ type: [TaskStatus], required: false, description: "Only tasks in these states." }),
      model: t.arg.string({ required: false, description: "Only tasks of this model id." }),
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
