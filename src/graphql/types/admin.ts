import { BOUNDS, isStorableText, truncateForEcho, UNSTORABLE_TEXT } from "../../kernel/bounds.ts";
import { DAILY_LIMIT_RULE, dailyLimitMicros, microsToUsd } from "../../kernel/money.ts";
import { invalidParams } from "../../engine/errors.ts";
import type { ApiKeyRecord } from "../../services/keys.ts";
import { builder } from "../builder.ts";
import type { GraphQLContext } from "../context.ts";
import { Forbidden, InvalidParams, KeyNotFound } from "./errors.ts";

const ApiKeyType = builder.objectRef<ApiKeyRecord>("ApiKey").implement({
  description: "An API key; the key itself is shown only once, when created.",
  isTypeOf: (v) => typeof (v as ApiKeyRecord).prefix === "string" && "dailyLimit" in (v as object),
  fields: (t) => ({
    id: t.exposeID("id", { description: "The key's id: what admin operations and logs name it by (never the key)." }),
    prefix: t.exposeString("prefix", { description: "The key's first characters, to tell keys apart." }),
    label: t.string({ nullable: true, description: "A name given when it was created.", resolve: (k) => k.label }),
    dailyLimit: t.float({ description: "USD per UTC day in force.", resolve: (k) => microsToUsd(k.dailyLimit) }),
    hasOwnLimit: t.boolean({ description: "True when the key has its own daily limit, false when GATEAI_DAILY_LIMIT applies.", resolve: (k) => k.dailyLimitOverride !== null }),
    createdAt: t.field({ type: "DateTime", description: "When it was created.", resolve: (k) => k.createdAt }),
    revokedAt: t.field({ type: "DateTime", nullable: true, description: "When it was revoked; null while it works.", resolve: (k) => k.revokedAt }),
  }),
});

const CreatedApiKey = builder.objectRef<{ __typename: "CreatedApiKey"; key: string; record: ApiKeyRecord }>("CreatedApiKey").implement({
  description: "A key just created: the secret, once, and its record.",
  isTypeOf: (v) => (v as { __typename?: string }).__typename === "CreatedApiKey",
  fields: (t) => ({
    key: t.exposeString("key", { description: "The secret key. Shown this once; store it now." }),
    apiKey: t.field({ type: ApiKeyType, description: "The key's record.", resolve: (c) => c.record }),
  }),
});

const CreateApiKeyResult = builder.unionType("CreateApiKeyResult", { description: "The new key, or why not.", types: [CreatedApiKey, Forbidden, InvalidParams] });
const ApiKeyResult = builder.unionType("ApiKeyResult", { description: "The key after the change, or why not.", types: [ApiKeyType, Forbidden, KeyNotFound, InvalidParams] });

const forbidden = () => ({ code: "FORBIDDEN" as const, message: "This needs the admin token (GATEAI_ADMIN_TOKEN) as Authorization: Bearer or x-admin-token" });
const keyNotFound = (id: string) => ({ code: "KEY_NOT_FOUND" as const, message: `No API key with id ${truncateForEcho(id)}` });
const badLimit = () => invalidParams([{ field: "dailyLimit", reason: `must be ${DAILY_LIMIT_RULE}` }]);

/**
 * A daily limit argument: null/absent = the configured default; otherwise dollars by the rule of
 * GATEAI_DAILY_LIMIT (src/kernel/money.ts): $0.000001 to $1,000,000,000, at most 6 decimals.
 */
const limitArg = (value: number | null | undefined): number | null | "invalid" =>
  value === null || value === undefined ? null : (dailyLimitMicros(value) ?? "invalid");

/** Why a key's label is refused: over BOUNDS.label characters, or text that cannot be stored. */
const labelIssue = (label: string) =>
  label.length > BOUNDS.label
    ? invalidParams([{ field: "label", reason: `longer than ${BOUNDS.label} characters` }])
    : isStorableText(label)
      ? undefined
      : invalidParams([{ field: "label", reason: UNSTORABLE_TEXT }]);

const requireAdmin = (ctx: GraphQLContext) => (ctx.isAdmin ? null : forbidden());

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: CreateApiKeyResult,
    description: "Admin: a new key (shown once), optionally with its own daily limit.",
    args: {
      label: t.arg.string({ required: false, description: `A name for the key (at most ${BOUNDS.label} characters).` }),
      dailyLimit: t.arg.float({ required: false, description: "Its own daily limit in USD (absent: GATEAI_DAILY_LIMIT)." }),
    },
    resolve: async (_root, args, ctx) => {
      const denied = requireAdmin(ctx);
      if (denied) return denied as never;
      const limit = limitArg(args.dailyLimit);
      if (limit === "invalid") return badLimit() as never;
      const badLabel = args.label ? labelIssue(args.label) : undefined;
      if (badLabel) return badLabel as never;
      const created = await ctx.services.keys.create({ dailyLimit: limit, ...(args.label ? { label: args.label } : {}) });
      return { __typename: "CreatedApiKey" as const, ...created };
    },
  }),
  revokeApiKey: t.field({
    type: ApiKeyResult,
    description: "Admin: revoke a key at once (in every process).",
    args: { id: t.arg.id({ required: true, description: "The key's id." }) },
    resolve: async (_root, args, ctx) => {
      const denied = requireAdmin(ctx);
      if (denied) return denied as never;
      return ((await ctx.services.keys.revoke(String(args.id))) ?? keyNotFound(String(args.id))) as never;
    },
  }),
  setDailyLimit: t.field({
    type: ApiKeyResult,
    description: "Admin: a key's own daily limit in USD, $0.000001 to $1,000,000,000 with at most 6 decimals (null: back to GATEAI_DAILY_LIMIT); anything else is InvalidParams.",
    args: {
      id: t.arg.id({ required: true, description: "The key's id." }),
      dailyLimit: t.arg.float({ required: false, description: "USD per UTC day; null or absent: back to GATEAI_DAILY_LIMIT." }),
    },
    resolve: async (_root, args, ctx) => {
      const denied = requireAdmin(ctx);
      if (denied) return denied as never;
      const limit = limitArg(args.dailyLimit);
      if (limit === "invalid") return badLimit() as never;
      return ((await ctx.services.keys.setDailyLimit(String(args.id), limit)) ?? keyNotFound(String(args.id))) as never;
    },
  }),
}));
