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
    dailyLimit: t.float({ description: "USD the key may spend today.", resolve: (b) => microsToUsd(b.dailyLimit) }),
    used: t.float({ description: "USD charged today, refunds deducted.", resolve: (b) => microsToUsd(b.used) }),
    remaining: t.float({ description: "USD left today.", resolve: (b) => microsToUsd(b.remaining) }),
    resetsAt: t.field({ type: "DateTime", description: "The next midnight UTC, when the budget starts again.", resolve: (b) => b.resetsAt }),
  }),
});

const VendorPoolType = builder.objectRef<NonNullable<PoolStatus["vendors"]>[number]>("VendorPool").implement({
  description: "The pool's accounts at one vendor (one account per configured key), as REST's `pool.vendors.<vendor>`.",
  fields: (t) => ({
    vendor: t.exposeString("vendor", { description: 'The vendor: "fal", "replicate" or "openai" (as AiModel.vendor names it).' }),
    totalAccounts: t.exposeInt("totalAccounts", { description: "This vendor's accounts; each runs one generation at a time." }),
    locked: t.exposeInt("locked", { description: "This vendor's accounts resting after repeated failures." }),
  }),
});

const PoolType = builder.objectRef<PoolStatus>("Pool").implement({
  description: "Health of the upstream account pool.",
  fields: (t) => ({
    totalAccounts: t.exposeInt("totalAccounts", { description: "Upstream accounts; each runs one generation at a time." }),
    locked: t.exposeInt("locked", { description: "Accounts resting after repeated failures." }),
    vendors: t.field({
      type: [VendorPoolType],
      description: "The same per vendor, in the pool's order (fal, Replicate, OpenAI), when the accounts are vendor keys; empty when the pool is simulated or a GateAI-compatible upstream's.",
      resolve: (p) => [...(p.vendors ?? [])],
    }),
  }),
});

const Credits = builder.objectRef<{ __typename: "Credits"; budget: BudgetStatus; pool: PoolStatus }>("Credits").implement({
  description: "The caller's budget and the pool's health (the REST /credits).",
  isTypeOf: (v) => (v as { __typename?: string }).__typename === "Credits",
  fields: (t) => ({
    yourBudget: t.field({ type: BudgetType, description: "Today's budget of the caller's key.", resolve: (c) => c.budget }),
    pool: t.field({ type: PoolType, description: "The upstream account pool.", resolve: (c) => c.pool }),
  }),
});

const ActiveSlotType = builder.objectRef<ActiveSlot>("ActiveSlot").implement({
  description: "A concurrency slot in use.",
  fields: (t) => ({
    taskId: t.exposeID("taskId", { description: "The task holding it." }),
    model: t.string({ nullable: true, description: "That task's model id.", resolve: (s) => s.model }),
    elapsed: t.int({ description: "Seconds since the slot was taken.", resolve: (s) => s.elapsed }),
    takenAt: t.field({ type: "DateTime", description: "When the slot was taken.", resolve: (s) => s.takenAt }),
  }),
});
const Concurrency = builder.objectRef<Dashboard["concurrency"]>("Concurrency").implement({
  description: "Concurrency slots: at most 5 generations in flight per key; a slot frees itself after 10 minutes.",
  fields: (t) => ({
    used: t.exposeInt("used", { description: "Slots in use." }),
    max: t.exposeInt("max", { description: "Slots per key (5)." }),
    available: t.exposeInt("available", { description: "Slots free now." }),
    activeSlots: t.field({ type: [ActiveSlotType], description: "The slots in use.", resolve: (c) => [...c.activeSlots] }),
  }),
});
const ModelSpending = builder.objectRef<{ model: string; requests: number; cost: Micros }>("ModelSpending").implement({
  description: "Today's spending on one model.",
  fields: (t) => ({
    model: t.exposeString("model", { description: "The model id." }),
    requests: t.exposeInt("requests", { description: "Generations accepted today." }),
    cost: t.float({ description: "USD, refunds deducted.", resolve: (s) => microsToUsd(s.cost) }),
  }),
});

export const DashboardType = builder.objectRef<Dashboard & { __typename: "Dashboard" }>("Dashboard").implement({
  description: "The caller's account at a glance (the REST /api/me).",
  isTypeOf: (v) => (v as { __typename?: string }).__typename === "Dashboard",
  fields: (t) => ({
    budget: t.field({ type: BudgetType, description: "Today's budget.", resolve: (d) => d.budget }),
    concurrency: t.field({ type: Concurrency, description: "Slots in use and free.", resolve: (d) => d.concurrency }),
    activeTasks: t.field({ type: [TaskType], description: "QUEUED or PROCESSING.", resolve: (d) => [...d.activeTasks] }),
    recentTasks: t.field({ type: [TaskType], description: "The last 20 FINISHED or FAILED.", resolve: (d) => [...d.recentTasks] }),
    todaySpending: t.field({ type: [ModelSpending], description: "Today's (UTC) accepted requests and net cost per model.", resolve: (d) => [...d.todaySpending] }),
  }),
});

export const MeResult = builder.unionType("MeResult", { description: "The dashboard, or Unauthorized.", types: [DashboardType, Unauthorized] });
const CreditsResult = builder.unionType("CreditsResult", { description: "The credits, or Unauthorized.", types: [Credits, Unauthorized] });

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
