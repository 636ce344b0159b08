import { createHash, randomUUID } from "node:crypto";
import type { Engine, GenerationRequest, NormalizedGeneration, Quote } from "../engine/engine.ts";
import type { Adjustment, Params } from "../engine/normalize.ts";
import { invalidParams } from "../engine/errors.ts";
import type { Clock } from "../kernel/clock.ts";
import { storedParamsIssue } from "../kernel/bounds.ts";
import type { Micros } from "../kernel/money.ts";
import { err, ok, type Result } from "../kernel/result.ts";
import { utcDay } from "../kernel/utc-day.ts";
import type { TaskClaim, TaskRecord } from "../domain/task.ts";
import { ChargeOutcomeUnknown, modelUnavailable, unauthorized, type ServiceError } from "./errors.ts";
import { vendorInputIssue, vendorReferenceIssues, type ModelAvailability, type ModelRunner } from "./availability.ts";
import { publishTaskEvent, type GatewayPubSub } from "./events.ts";
import type { ApiKeyRecord } from "./keys.ts";
import type { FileStore } from "./ports/file-store.ts";
import type { IdempotencyStore } from "./ports/idempotency-store.ts";
import type { Limiter } from "./ports/limiter.ts";
import { ChargeNotMade, type TaskRepo } from "./ports/task-repo.ts";
import { checkAndNormalizeReferences, type ReferencePolicy } from "./references.ts";
import { storeInlineReferences } from "./inline-references.ts";
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
   * runs an estimate synchronously.
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
/** Each failed charge means another request of the key charged first; this many in a row is a fault. */
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

/** An Idempotency-Key this request holds until its answer is stored (or it gives the key back). */
interface HeldKey {
  readonly key: string;
  readonly token: number;
}

/**
 * Accepting generations: normalize; with an Idempotency-Key, replay an earlier answer or hold
 * the key; check media references; admit through the per-key limits; then charge and create the
 * task in one atomic statement, downgrading (engine quote) when the day's budget is short.
 * Nothing is charged twice, and every early exit gives back what it took (slot, key).
 */
export function createGenerationService(deps: {
  tasks: TaskRepo;
  idempotency: IdempotencyStore;
  files: Pick<FileStore, "uploadTypes" | "putInline" | "discardUploads">;
  engine: Engine;
  limiter: Limiter;
  pubsub: GatewayPubSub;
  clock: Clock;
  timing: Timing;
  /** How media references are checked before a generation is accepted. */
  references: ReferencePolicy;
  /** Told about each accepted task, after its QUEUED event, to start driving it. */
  onAccepted?: (task: TaskRecord) => void;
  /** The hold on a task accepted at `now`, so no other process starts it before its QUEUED event is out (TaskClaim). */
  hold?: (now: number) => TaskClaim;
  /**
   * Which models run here and where: a model nothing runs is refused (MODEL_UNAVAILABLE) before
   * any charge, by estimate and generate alike. Absent: every model runs (simulated).
   */
  availability?: ModelAvailability;
  /**
   * The key as stored now (not revoked), or null: read when a charge was refused, since the key
   * may have changed after the request was authenticated. Absent: the key as authenticated.
   */
  currentKey?: (id: string) => Promise<ApiKeyRecord | null>;
  /**
   * The daily limit of a key stored with none (GATEAI_DAILY_LIMIT): the charge binds it when the
   * key was reset to the default after the request read it. Absent: the limit as read stands in.
   */
  defaultDailyLimit?: Micros;
  /**
   * Whether a vendor can be given a URL to fetch an upload from (GATEAI_PUBLIC_URL, or presigned
   * blob-store URLs); false: upload and inline `data:` references to a vendor are refused before
   * the charge. Default true.
   */
  uploadsReachable?: boolean;
}): GenerationService {
  const { tasks, idempotency, engine, limiter, pubsub, clock, timing } = deps;
  const usage = createUsageCache(clock);

  /** Today's usage for an estimate: at most a second old (see UsageCache); a number when cached. */
  const estimatedUsage = (keyId: string): Micros | Promise<Micros> => {
    const day = utcDay(new Date(clock.now()));
    const cached = usage.get(keyId, day);
    if (cached !== undefined) return cached;
    return tasks.usedOn(keyId, day).then((used) => {
      usage.set(keyId, day, used);
      return used;
    });
  };

  /** Holds the Idempotency-Key for this request, or answers as the earlier request with it did. */
  async function holdKey(key: ApiKeyRecord, request: GenerationRequest, idempotencyKey: string): Promise<Result<HeldKey, ServiceError> | { replay: StoredAcceptance }> {
    const hash = requestHash(request);
    const deadline = clock.now() + IDEMPOTENCY_WAIT_MS;
    for (;;) {
      const found = await idempotency.reserve({
        keyId: key.id,
        key: idempotencyKey,
        requestHash: hash,
        now: clock.now(),
        ttlMs: IDEMPOTENCY_TTL_MS,
        abandonAfterMs: IDEMPOTENCY_ABANDON_MS,
      });
      if (found.kind === "reserved") return ok({ key: idempotencyKey, token: found.token });
      if (found.kind === "replay") return { replay: found.response as StoredAcceptance };
      if (found.kind === "mismatch") return err({ code: "IDEMPOTENCY_KEY_REUSED", message: "This Idempotency-Key was used with a different request body" });
      // The first request with this key is still being accepted: wait for its answer.
      if (clock.now() >= deadline)
        return err({ code: "IDEMPOTENCY_IN_PROGRESS", message: "A request with this Idempotency-Key is still being processed; retry shortly" });
      await sleep(25);
    }
  }

  const replay = async (stored: StoredAcceptance): Promise<Result<Accepted, ServiceError>> => {
    const task = await tasks.find(stored.taskId);
    if (!task) throw new Error(`idempotency record points at missing task ${stored.taskId}`);
    return ok({ task, cost: stored.cost, remaining: stored.remaining, adjustments: stored.adjustments, replayed: true });
  };

  async function admit(key: ApiKeyRecord, taskId: string): Promise<Result<void, ServiceError>> {
    const admitted = await limiter.acquire(key.id, taskId, timing.limits);
    if (admitted.ok) return ok(undefined);
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

  /**
   * Charges the quote and creates the task. The first quote assumes the whole daily limit is
   * left; when the charge does not fit, what is really left is read and the request quoted
   * again (downgraded), until a charge fits or nothing does.
   */
  async function chargeWithinBudget(
    key: ApiKeyRecord,
    request: GenerationRequest,
    normalized: NormalizedGeneration,
    taskId: string,
    held: HeldKey | undefined,
    runner: ModelRunner,
    /** Set once a charge statement has been sent: a failure after it may come after its commit. */
    sent: { charge: boolean },
  ): Promise<Result<{ task: TaskRecord; quote: Quote; used: Micros; limit: Micros }, ServiceError>> {
    let limit = key.dailyLimit;
    let remaining = limit;
    for (let attempt = 0; attempt < MAX_CHARGE_ATTEMPTS; attempt++) {
      // One instant per attempt: what is left is read for the day the charge goes to.
      const now = clock.now();
      if (attempt > 0) {
        // The charge refused: the day was spent meanwhile, or the key changed since it was read
        // (a lower limit, a revocation: the statement holds the key as stored). Both read again.
        if (deps.currentKey) {
          const current = await deps.currentKey(key.id);
          if (!current) return err(unauthorized());
          limit = current.dailyLimit;
        }
        remaining = limit - (await tasks.usedOn(key.id, utcDay(new Date(now))));
      }
      const quote = engine.quoteNormalized(normalized, Math.max(0, remaining));
      // Nothing fits the whole daily limit: say so with what is really left today.
      if (!quote.ok && attempt === 0 && quote.error.code === "INSUFFICIENT_BUDGET") continue;
      if (!quote.ok) return quote;
      // What would run (downgraded or not) must be something the vendor can be sent.
      const unsendable = vendorInputIssue(runner, quote.value.model.id, quote.value.params);
      if (unsendable) return err(invalidParams([unsendable]));
      const { cost, adjustments } = quote.value;
      // From here until the statement says otherwise, a task may exist: a failure keeps its slot.
      sent.charge = true;
      const accepted = await tasks.accept(
        {
          id: taskId,
          keyId: key.id,
          model: quote.value.model.id,
          output: quote.value.model.output,
          requestParams: request.params ?? {},
          params: quote.value.params,
          adjustments,
          cost,
          now,
          slotReleaseAt: now + timing.slotTtlMs,
          refundAt: now + timing.refundAfterMs,
          hardDeadlineAt: now + timing.hardLimitMs,
          ...(deps.hold ? { hold: deps.hold(now) } : {}),
        },
        deps.defaultDailyLimit === undefined ? limit : { read: limit, unset: deps.defaultDailyLimit },
        held ? { key: held.key, token: held.token, response: { taskId, cost, adjustments } } : undefined,
      );
      if (accepted) return ok({ task: accepted.task, quote: quote.value, used: accepted.used, limit: accepted.limit });
      sent.charge = false;
      if (held && !(await idempotency.isHeld(key.id, held.key, held.token)))
        return err({ code: "IDEMPOTENCY_IN_PROGRESS", message: "Another request took over this Idempotency-Key" });
    }
    throw new Error(`could not charge ${key.id} after ${MAX_CHARGE_ATTEMPTS} attempts`);
  }

  /** The runner of the model, or MODEL_UNAVAILABLE when nothing here runs it. */
  const runnerOf = (modelId: string): Result<ModelRunner, ServiceError> => {
    const runner: ModelRunner = deps.availability?.(modelId) ?? { available: true, via: null };
    return runner.available ? ok(runner) : err(modelUnavailable(modelId));
  };

  return {
    estimate(key, request) {
      const normalized = engine.normalize(request);
      if (!normalized.ok) return normalized;
      const runner = runnerOf(normalized.value.profile.spec.id);
      if (!runner.ok) return runner;
      const { profile, params, adjustments } = normalized.value;
      const unsendable = vendorInputIssue(runner.value, profile.spec.id, params);
      if (unsendable) return err(invalidParams([unsendable]));
      const against = (used: Micros): Result<Estimate, ServiceError> => {
        const remaining = Math.max(0, key.dailyLimit - used);
        const quote = engine.quoteNormalized(normalized.value, remaining);
        if (quote.ok && quote.value.fitsInBudget)
          return ok({ model: profile.spec.id, cost: quote.value.cost, params, remaining, fitsInBudget: true, adjustments });
        const cost = quote.ok ? quote.value.requestedCost : engine.price(profile, params);
        const suggestion = quote.ok ? ok({ params: quote.value.params, cost: quote.value.cost, adjustments: quote.value.downgrade }) : quote;
        return ok({ model: profile.spec.id, cost, params, remaining, fitsInBudget: false, adjustments, suggestion });
      };
      // Only a usage the cache does not hold needs the database (and a promise).
      const usedToday = estimatedUsage(key.id);
      return typeof usedToday === "number" ? against(usedToday) : usedToday.then(against);
    },

    async generate(key, request, options = {}) {
      const normalized = engine.normalize(request);
      if (!normalized.ok) return normalized;
      // Before the Idempotency-Key, the limits and the charge: a configuration fact takes nothing.
      const runner = runnerOf(normalized.value.profile.spec.id);
      if (!runner.ok) return runner;
      const unsendable = vendorInputIssue(runner.value, normalized.value.profile.spec.id, normalized.value.params);
      if (unsendable) return err(invalidParams([unsendable]));

      let held: HeldKey | undefined;
      if (options.idempotencyKey !== undefined) {
        const holding = await holdKey(key, request, options.idempotencyKey);
        if ("replay" in holding) return replay(holding.replay);
        if (!holding.ok) return holding;
        held = holding.value;
      }
      const taskId = randomUUID();
      let admitted = false;
      /** Inline references stored for this request: a request that is not accepted keeps none. */
      let stored: readonly string[] = [];
      /** Whether a charge statement was sent: a failure after it may come after its commit. */
      const sent = { charge: false };
      // Everything taken so far is given back when the request is not accepted, each part even
      // when another fails (a failed release must not keep the Idempotency-Key from a retry).
      const giveBack = async () => {
        const releases = await Promise.allSettled([
          admitted ? limiter.release(key.id, taskId, { forgetRequest: true }) : undefined,
          held ? idempotency.release(key.id, held.key, held.token) : undefined,
        ]);
        for (const release of releases) if (release.status === "rejected") throw release.reason;
      };
      try {
        const references = await checkAndNormalizeReferences(
          { files: deps.files, policy: deps.references, uploadsKeptUntil: clock.now() + timing.hardLimitMs },
          key.id,
          normalized.value.profile,
          normalized.value.params,
        );
        const issues = references.issues.length
          ? references.issues
          : vendorReferenceIssues(runner.value, normalized.value.profile, references.params, deps.uploadsReachable ?? true);
        if (issues.length) {
          await giveBack();
          return err(invalidParams(issues));
        }
        // An acquire that throws may still have taken the slot (the limiter's store answered after
        // the client gave up): given back like one that was taken.
        admitted = true;
        const admission = await admit(key, taskId);
        if (!admission.ok) {
          admitted = false;
          await giveBack();
          return admission;
        }
        // What runs (and is stored as `params`) carries the references as checked: normalized URLs.
        const { model, adjustments, profile } = normalized.value;
        // Inline data: references go to the file store; the task keeps their upload ids.
        const spilled = await storeInlineReferences(deps.files, key.id, profile, { params: references.params, requestParams: (request.params ?? {}) as Readonly<Record<string, unknown>> }, clock.now());
        stored = spilled.stored;
        // What the task row would keep once the references have gone: no string over
        // BOUNDS.paramText (a data: URI that is no reference stays), no more than
        // BOUNDS.storedParams of JSON in all.
        const leftover = storedParamsIssue(spilled.params, "") ?? storedParamsIssue(spilled.requestParams, "");
        if (leftover) {
          if (stored.length) await deps.files.discardUploads(key.id, stored);
          await giveBack();
          return err(invalidParams([leftover]));
        }
        const checked = { model, params: spilled.params, adjustments, profile };
        const charged = await chargeWithinBudget(key, spilled.requestParams === request.params ? request : Object.assign({}, request, { params: spilled.requestParams }), checked, taskId, held, runner.value, sent);
        // Refused after all: the inline references it stored go (a refused request keeps nothing).
        if (!charged.ok && stored.length) await deps.files.discardUploads(key.id, stored);
        if (!charged.ok) {
          // A key another request took over is not ours to give back.
          if (charged.error.code === "IDEMPOTENCY_IN_PROGRESS") held = undefined;
          await giveBack();
          return charged;
        }
        const { task, quote, used, limit } = charged.value;
        usage.raise(key.id, utcDay(new Date(task.createdAt)), used);
        // The task is charged and stored: a pub/sub hiccup must not turn that into an error the
        // client would retry. Watchers read the current state when they subscribe.
        await publishTaskEvent(pubsub, "QUEUED", task).catch(() => undefined);
        deps.onAccepted?.(task);
        return ok({ task, cost: quote.cost, remaining: limit - used, adjustments: quote.adjustments, replayed: false });
      } catch (error) {
        // A charge sent and not answered may have created the task, or may still create it (a
        // statement whose connection dropped runs on, waiting for a row lock, say): no read can
        // tell which, so the task keeps its slot and its inline references and the client is
        // told its id. A slot frees itself after its TTL and an upload expires, whereas giving
        // back the slot of a running task would let the key run one more than its limit. Only
        // the database's word that the statement did nothing (ChargeNotMade) gives them back.
        if (sent.charge && !(error instanceof ChargeNotMade)) throw new ChargeOutcomeUnknown(taskId, error);
        if (stored.length) await deps.files.discardUploads(key.id, stored).catch(() => undefined);
        await giveBack().catch(() => undefined);
        throw error instanceof ChargeNotMade ? error.cause : error;
      }
    },
  };
}
