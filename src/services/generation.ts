import { createHash, randomUUID } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { SqlClient } from "../adapters/postgres/sql.ts";
import type { Engine, GenerationRequest } from "../engine/engine.ts";
import type { Micros } from "../kernel/money.ts";
import type { Adjustment, Params } from "../engine/normalize.ts";
import { invalidParams } from "../engine/errors.ts";
import { err, ok, type Result } from "../kernel/result.ts";
import type { Limiter } from "./ports/limiter.ts";
import { releaseIdempotencyKey, reserveIdempotencyKey } from "../adapters/postgres/idempotency-store.ts";
import { chargeAndCreateTask, findTask, type TaskHold, type TaskRecord } from "../adapters/postgres/task-store.ts";
import { usedOn, utcDay } from "../adapters/postgres/usage-ledger.ts";
import type { Clock } from "../kernel/clock.ts";
import type { ServiceError } from "./errors.ts";
import { publishTaskEvent, type GatewayPubSub } from "./events.ts";
import type { ApiKeyRecord } from "./keys.ts";
import { checkReferences, type ReferencePolicy } from "./references.ts";
import type { Timing } from "./timing.ts";
import { createUsageCache } from "./usage-cache.ts";

export interface Accepted {
  readonly task: TaskRecord;
  readonly cost: Micros;
  /** The key's budget left today after this charge. */
  readonly remaining: Micros;
  readonly adjustments: readonly Adjustment[];
  /** True when this answer repeats an earlier request's (same Idempotency-Key). */
  readonly replayed: boolean;
}

export interface Estimate {
  readonly model: string;
  /** Cost of the request as asked (normalized). */
  readonly cost: Micros;
  readonly params: Params;
  readonly remaining: Micros;
  readonly fitsInBudget: boolean;
  /** Normalization changes. */
  readonly adjustments: readonly Adjustment[];
  /** When over budget: what generate would run instead, or why nothing fits. */
  readonly suggestion?: Result<{ readonly params: Params; readonly cost: Micros; readonly adjustments: readonly Adjustment[] }, ServiceError>;
}

export interface GenerationService {
  /**
   * Answered at once (no promise) when today's usage is in the estimate cache: GraphQL then
   * runs an estimate synchronously, which costs graphql-js far less than a promise per field.
   */
  estimate(key: ApiKeyRecord, request: GenerationRequest): Result<Estimate, ServiceError> | Promise<Result<Estimate, ServiceError>>;
  generate(key: ApiKeyRecord, request: GenerationRequest, options?: { idempotencyKey?: string }): Promise<Result<Accepted, ServiceError>>;
}

/** What the accepting statement stores for replays of the same Idempotency-Key. */
interface StoredAcceptance {
  readonly taskId: string;
  readonly cost: Micros;
  readonly remaining: Micros;
  readonly adjustments: readonly Adjustment[];
}

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;
/** A PENDING key older than this belonged to a request whose process died. */
const IDEMPOTENCY_ABANDON_MS = 60_000;
const IDEMPOTENCY_WAIT_MS = 5_000;
const MAX_CHARGE_ATTEMPTS = 50;

/** Canonical JSON (sorted keys), so equal bodies hash equally whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

export const requestHash = (request: GenerationRequest): string =>
  createHash("sha256").update(canonical({ model: request.model, params: request.params ?? {} })).digest("hex");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Accepting generations: validate and price with the engine, admit through the per-key limits,
 * then charge and create the task in one atomic statement (downgrading with the engine when the
 * day's budget is short). Everything that can be retried is retried; nothing is charged twice.
 */
export function createGenerationService(deps: {
  prisma: PrismaClient;
  /** The driver itself, for the accept statement (src/store/sql.ts). */
  sql: SqlClient;
  engine: Engine;
  limiter: Limiter;
  pubsub: GatewayPubSub;
  clock: Clock;
  timing: Timing;
  /** How media references are checked before a generation is accepted. */
  references: ReferencePolicy;
  /** Told about each accepted task, after its QUEUED event, to start driving it. */
  onAccepted?: (task: TaskRecord) => void;
  /** The hold on a task accepted at `now`, so no other process starts it before its QUEUED event is out (TaskHold). */
  hold?: (now: number) => TaskHold;
}): GenerationService {
  const { prisma, engine, limiter, pubsub, clock, timing } = deps;
  const today = () => new Date(clock.now());
  const usage = createUsageCache(clock);

  /** Today's usage for an estimate: at most a second old (see UsageCache); a number when cached. */
  const estimatedUsage = (keyId: string): Micros | Promise<Micros> => {
    const now = today();
    const day = utcDay(now);
    const cached = usage.get(keyId, day);
    if (cached !== undefined) return cached;
    return usedOn(prisma, keyId, now).then((total) => {
      const used = Number(total);
      usage.set(keyId, day, used);
      return used;
    });
  };

  const replay = async (stored: StoredAcceptance): Promise<Result<Accepted, ServiceError>> => {
    const task = await findTask(prisma, stored.taskId);
    if (!task) throw new Error(`idempotency record points at missing task ${stored.taskId}`);
    return ok({ task, cost: stored.cost, remaining: stored.remaining, adjustments: stored.adjustments, replayed: true });
  };

  return {
    estimate(key, request) {
      const normalized = engine.normalize(request);
      if (!normalized.ok) return normalized;
      const { profile, params, adjustments } = normalized.value;
      const cost = engine.price(profile, params);
      const against = (used: Micros): Result<Estimate, ServiceError> => {
        const remaining = Math.max(0, key.dailyLimit - used);
        const fitsInBudget = cost <= remaining;
        const estimate: Estimate = { model: profile.spec.id, cost, params, remaining, fitsInBudget, adjustments };
        if (fitsInBudget) return ok(estimate);
        const fitted = engine.fit(profile, params, remaining);
        return ok(Object.assign(estimate, { suggestion: fitted.ok ? ok(fitted.value) : fitted }));
      };
      // Only a usage the cache does not hold needs the database (and a promise).
      const usedToday = estimatedUsage(key.id);
      return typeof usedToday === "number" ? against(usedToday) : usedToday.then(against);
    },

    async generate(key, request, options = {}) {
      const normalized = engine.normalize(request);
      if (!normalized.ok) return normalized;
      const { profile, params, adjustments } = normalized.value;
      const referenceIssues = await checkReferences({ prisma, policy: deps.references }, key.id, profile, params);
      if (referenceIssues.length) return err(invalidParams(referenceIssues));

      let reservation: { key: string; token: Date } | undefined;
      if (options.idempotencyKey !== undefined) {
        const hash = requestHash(request);
        const deadline = clock.now() + IDEMPOTENCY_WAIT_MS;
        for (;;) {
          const found = await reserveIdempotencyKey(prisma, {
            keyId: key.id,
            key: options.idempotencyKey,
            requestHash: hash,
            now: clock.now(),
            ttlMs: IDEMPOTENCY_TTL_MS,
            abandonAfterMs: IDEMPOTENCY_ABANDON_MS,
          });
          if (found.kind === "reserved") {
            reservation = { key: options.idempotencyKey, token: found.token };
            break;
          }
          if (found.kind === "replay") return replay(found.response as StoredAcceptance);
          if (found.kind === "mismatch")
            return err({ code: "IDEMPOTENCY_KEY_REUSED", message: "This Idempotency-Key was used with a different request body" });
          // The first request with this key is still being accepted: wait for its answer.
          if (clock.now() >= deadline)
            return err({ code: "IDEMPOTENCY_IN_PROGRESS", message: "A request with this Idempotency-Key is still being processed; retry shortly" });
          await sleep(25);
        }
      }
      const giveBackKey = async () => {
        if (reservation) await releaseIdempotencyKey(prisma, key.id, reservation.key, reservation.token);
      };

      const taskId = randomUUID();
      const admitted = await limiter.acquire(key.id, taskId, timing.limits);
      if (!admitted.ok) {
        await giveBackKey();
        return err({
          code: "RATE_LIMITED",
          message:
            admitted.reason === "CONCURRENCY"
              ? `At most ${timing.limits.maxConcurrent} generations may run at once per key`
              : `At most ${timing.limits.windowMax} generation requests per ${timing.limits.windowMs / 1000}s per key`,
          reason: admitted.reason,
          retryAfterMs: admitted.retryAfterMs,
        });
      }

      try {
        // First try the request as asked; only when that would overspend, read what is left and downgrade.
        let runParams: Params = params;
        let cost = engine.price(profile, params);
        let budgetAdjustments: readonly Adjustment[] = [];
        for (let attempt = 0; attempt < MAX_CHARGE_ATTEMPTS; attempt++) {
          if (attempt > 0) {
            const remaining = key.dailyLimit - Number(await usedOn(prisma, key.id, today()));
            const fitted = engine.fit(profile, params, remaining);
            if (!fitted.ok) {
              await limiter.release(key.id, taskId, { forgetRequest: true });
              await giveBackKey();
              return fitted;
            }
            runParams = fitted.value.params;
            cost = fitted.value.cost;
            budgetAdjustments = fitted.value.adjustments;
          }
          const now = clock.now();
          const allAdjustments = [...adjustments, ...budgetAdjustments];
          const accepted = await chargeAndCreateTask(
            deps.sql,
            {
              id: taskId,
              keyId: key.id,
              model: profile.spec.id,
              kind: profile.spec.output,
              requestParams: request.params ?? {},
              params: runParams,
              adjustments: allAdjustments,
              cost,
              now,
              slotReleaseAt: now + timing.slotTtlMs,
              refundAt: now + timing.refundAfterMs,
              hardDeadlineAt: now + timing.hardLimitMs,
              hold: deps.hold?.(now),
            },
            key.dailyLimit,
            reservation ? { key: reservation.key, token: reservation.token, response: { taskId, cost, adjustments: allAdjustments } } : undefined,
          );
          if (accepted) {
            const task = accepted.task;
            usage.raise(key.id, utcDay(new Date(now)), accepted.used);
            // The task is charged and stored: a pub/sub hiccup must not turn that into an error
            // the client would retry. Watchers read the current state when they subscribe.
            await publishTaskEvent(pubsub, "QUEUED", task).catch(() => undefined);
            deps.onAccepted?.(task);
            return ok({ task, cost, remaining: key.dailyLimit - accepted.used, adjustments: allAdjustments, replayed: false });
          }
          if (reservation) {
            const still = await prisma.idempotencyRecord.count({ where: { keyId: key.id, key: reservation.key, state: "PENDING", createdAt: reservation.token } });
            if (!still) {
              await limiter.release(key.id, taskId, { forgetRequest: true });
              return err({ code: "IDEMPOTENCY_IN_PROGRESS", message: "Another request took over this Idempotency-Key" });
            }
          }
        }
        throw new Error(`could not charge ${key.id} after ${MAX_CHARGE_ATTEMPTS} attempts`);
      } catch (error) {
        await limiter.release(key.id, taskId, { forgetRequest: true }).catch(() => undefined);
        await giveBackKey().catch(() => undefined);
        throw error;
      }
    },
  };
}
