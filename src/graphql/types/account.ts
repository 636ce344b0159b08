import { microsToUsd, type Micros } from "../../kernel/money.ts";
import type { ActiveSlot, BudgetStatus, Dashboard, PoolStatus } from "../../services/account.ts";
import { unauthorized } from "../../services/errors.ts";
import { builder } from "../builder.ts";
import type { GraphQLContext } from "../context.ts";
import { Unauthorized } from "./errors.ts";
import { TaskType } from "./tasks.ts";

export const BudgetType = builder.objectRef<BudgetStatus>("Budget").implement({
  description: "Today's (UTC) budget of the caller's key, in USD. Resets at midnight UTC.",
  fields: (t) => ({
    dailyLimit: t.float({ resolve: (b) => microsToUsd(b.dailyLimit) }),
    used: t.float({ resolve: (b) => microsToUsd(b.used) }),
    remaining: t.float({ resolve: (b) => microsToUsd(b.remaining) }),
    resetsAt: t.field({ type: "DateTime", resolve: (b) => b.resetsAt }),
  }),
});

const PoolType = builder.objectRef<PoolStatus>("Pool").implement({
  description: "Health of the upstream account pool.",
  fields: (t) => ({ totalAccounts: t.exposeInt("totalAccounts"), locked: t.exposeInt("locked") }),
});

const Credits = builder.objectRef<{ __typename: "Credits"; budget: BudgetStatus; pool: PoolStatus }>("Credits").implement({
  isTypeOf: (v) => (v as { __typename?: string }).__typename === "Credits",
  fields: (t) => ({
    yourBudget: t.field({ type: BudgetType, resolve: (c) => c.budget }),
    pool: t.field({ type: PoolType, resolve: (c) => c.pool }),
  }),
});

const ActiveSlotType = builder.objectRef<ActiveSlot>("ActiveSlot").implement({
  fields: (t) => ({
    taskId: t.exposeID("taskId"),
    model: t.string({ nullable: true, resolve: (s) => s.model }),
    elapsed: t.int({ description: "Seconds since the slot was taken.", resolve: (s) => s.elapsed }),
    takenAt: t.field({ type: "DateTime", resolve: (s) => s.takenAt }),
  }),
});
const Concurrency = builder.objectRef<Dashboard["concurrency"]>("Concurrency").implement({
  description: "Concurrency slots: at most 5 generations in flight per key; a slot frees itself after 10 minutes.",
  fields: (t) => ({
    used: t.exposeInt("used"),
    max: t.exposeInt("max"),
    available: t.exposeInt("available"),
    activeSlots: t.field({ type: [ActiveSlotType], resolve: (c) => [...c.activeSlots] }),
  }),
});
const ModelSpending = builder.objectRef<{ model: string; requests: number; cost: Micros }>("ModelSpending").implement({
  fields: (t) => ({
    model: t.exposeString("model"),
    requests: t.exposeInt("requests"),
    cost: t.float({ description: "USD, refunds deducted.", resolve: (s) => microsToUsd(s.cost) }),
  }),
});

export const DashboardType = builder.objectRef<Dashboard & { __typename: "Dashboard" }>("Dashboard").implement({
  description: "The caller's account at a glance (the REST /api/me).",
  isTypeOf: (v) => (v as { __typename?: string }).__typename === "Dashboard",
  fields: (t) => ({
    budget: t.field({ type: BudgetType, resolve: (d) => d.budget }),
    concurrency: t.field({ type: Concurrency, resolve: (d) => d.concurrency }),
    activeTasks: t.field({ type: [TaskType], description: "QUEUED or PROCESSING.", resolve: (d) => [...d.activeTasks] }),
    recentTasks: t.field({ type: [TaskType], description: "The last 20 FINISHED or FAILED.", resolve: (d) => [...d.recentTasks] }),
    todaySpending: t.field({ type: [ModelSpending], resolve: (d) => [...d.todaySpending] }),
  }),
});

export const MeResult = builder.unionType("MeResult", { types: [DashboardType, Unauthorized] });
const CreditsResult = builder.unionType("CreditsResult", { types: [Credits, Unauthorized] });

/** The caller's dashboard, shared by `me` and `meUpdated`. */
export async function loadDashboard(ctx: GraphQLContext): Promise<Dashboard & { __typename: "Dashboard" }> {
  const d = await ctx.services.account.dashboard(ctx.key!);
  return { __typename: "Dashboard", ...d };
}

builder.queryFields((t) => ({
  credits: t.field({
    type: CreditsResult,
    description: "Today's budget and the upstream pool's health (the REST /credits).",
    resolve: async (_root, _args, ctx) => {
      if (!ctx.key) return unauthorized() as never;
      const { budget, pool } = await ctx.services.account.credits(ctx.key);
      return { __typename: "Credits" as const, budget, pool };
    },
  }),
  me: t.field({
    type: MeResult,
    description: "Budget, concurrency slots, active and recent tasks, and today's spending by model.",
    resolve: async (_root, _args, ctx) => (ctx.key ? loadDashboard(ctx) : (unauthorized() as never)),
  }),
}));
