import type { Logger } from "pino";
import type { Limiter } from "./ports/limiter.ts";
import { ResultRefused, type Provider, type ProviderJob, type ProviderStatus, type VendorNotice } from "./ports/provider.ts";
import type { AccountPool } from "./ports/account-pool.ts";
import type { FileStore } from "./ports/file-store.ts";
import { SLOTS_PER_SWEEP, type AccountRange, type TaskRepo } from "./ports/task-repo.ts";
import { filePath, type TaskClaim, type TaskRecord } from "../domain/task.ts";
import type { Clock } from "../kernel/clock.ts";
import type { TaskEventType } from "../domain/task-events.ts";
import type { GatewayPubSub } from "./events.ts";
import { createTaskEventRelay } from "./task-event-relay.ts";
import type { Timing } from "./timing.ts";
import { DRIVER_RULES, generationClocks } from "../domain/generation-clocks.ts";
import { noMetrics, type MetricsPort } from "./ports/metrics.ts";
import type { ForegroundPressure } from "./ports/foreground-pressure.ts";
import { createDriverPace, type PaceRule } from "./driver-pace.ts";

export const HARD_LIMIT_ERROR = "Generation timed out (40 min hard limit)";

/** A running task as a pass drives it: a claimed task (ClaimedTask) with its params. */
type DrivenTask = Omit<TaskRecord, "requestParams">;
/** Slots whose release failed that the driver keeps releasing again (task-driver.ts `unreleased`). */
const UNRELEASED_MAX = 10_000;

/** Passes that found nothing before the driver slows down. */
const IDLE_AFTER_PASSES = 10;


/** Running tasks polled and moved on at once in one pass, at most. */
export const DRIVE_CONCURRENCY = 32;
/**
 * How many fewer when requests share the process (driver-pace.ts): halved while requests feel
 * more than 2 ms of event-loop delay, read every 100 ms; at least 2, so that one slow vendor call
 * does not hold every other task.
 */
export const DRIVER_PACE: PaceRule = { min: 2, max: DRIVE_CONCURRENCY, targetDelayMs: 2, everyMs: 100 };
/**
 * Tasks one pass starts at most (in one statement). A pass that started until a thousand free
 * vendor accounts were full would hold back its polls; the tasks it starts are submitted by the
 * next full pass's poll.
 */
export const STARTS_PER_PASS = 64;
/**
 * An account the vendor answers 429 rests before it is given another task: as long as the
 * vendor's Retry-After says (at least a second, at most RATE_LIMIT_REST_MAX_MS), else this long.
 * Meanwhile its task runs on another account, or waits in the queue for one: backing off, not
 * spending the task's attempts in a few hundred milliseconds on an account the vendor refuses.
 * Divided by the time scale, as the account cooldown is (a scaled gateway runs its vendors' fakes).
 */
export const RATE_LIMIT_REST_MS = 30_000;
const RATE_LIMIT_REST_MAX_MS = 10 * 60_000;

/** Results stored beside the passes at once (see `storing`); more are stored within their pass. */
const STORES_BESIDE = 8;
/** A result still being stored after this long within its pass goes on beside the passes. */
const STORE_IN_PASS_MS = 1_000;

/** While a pass's vendor calls run, the leases of its tasks are renewed this many times per lease. */
const LEASE_RENEWALS = 3;

export interface TaskDriverOptions {
  readonly tasks: TaskRepo;
  readonly accounts: AccountPool;
  readonly files: Pick<FileStore, "putResults" | "putResult" | "discardResults">;
  readonly provider: Provider;
  readonly pubsub: GatewayPubSub;
  readonly limiter: Limiter;
  readonly clock: Clock;
  readonly timing: Timing;
  readonly logger: Logger;
  /** This process's name in task leases. */
  readonly owner: string;
  readonly poolSize: number;
  /** The accounts each vendor-routed model may run on (its vendor's); absent: any model on any account. */
  readonly accountsByModel?: Readonly<Record<string, AccountRange>>;
  readonly tickMs?: number;
  /** The pace when there is nothing to drive. */
  readonly idleTickMs?: number;
  /** A task whose driver has not renewed its lease for this long is taken over by another process. */
  readonly leaseMs?: number;
  /** How long a task accepted or requeued here is held for this process (TaskClaim). */
  readonly holdMs?: number;
  /** Attempts per task before a retryable failure becomes final. */
  readonly maxAttempts?: number;
  /** Failures in a row that lock an account, and for how long (divided by the time scale). */
  readonly accountFailureThreshold?: number;
  readonly accountCooldownMs?: number;
  /** How long an account rests after a 429 without Retry-After (default RATE_LIMIT_REST_MS ÷ the time scale). */
  readonly rateLimitRestMs?: number;
  /** Where refunds, final states and passes are reported (operations). */
  readonly metrics?: Pick<MetricsPort, "refunded" | "taskEnded" | "driverPass" | "driverConcurrency">;
  /** The delay requests in this process feel, which the driver yields to (DRIVER_PACE); absent: it never yields. */
  readonly pressure?: ForegroundPressure;
  /** The delay requests may feel before the driver drives fewer tasks at once (default DRIVER_PACE.targetDelayMs). */
  readonly yieldAboveMs?: number;
  /** A committed transition unpublished for this long is published from its row (task-event-relay.ts). */
  readonly relayGraceMs?: number;
  /** How often a pass looks for such transitions (the first pass always does). */
  readonly relayEveryMs?: number;
}

export interface TaskDriver {
  start(): void;
  /** The hold to write on a task this process accepts at `now`: it publishes QUEUED, then starts it. */
  hold(now: number): TaskClaim;
  /** Start queued tasks soon (a task was accepted), unless every account is busy with this process's tasks. */
  nudge(): void;
  /**
   * Run a full pass soon: a vendor said one of its requests ended (a verified webhook), so the
   * attempt it names is read at that pass, whatever its read pace.
   */
  wake(notice: VendorNotice): void;
  /** One pass, and the storing of the results it found: deadlines, refunds, progress, completions, queue. Exposed for tests. */
  tick(): Promise<void>;
  /** Passes run so far (regular, nudged or asked for by tick). */
  readonly passes: number;
  /** Resolves once no pass is running or about to run (a nudge's pass included) and no result is being stored. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Drives tasks to a final state, durably: all state (status, account, attempt, start time,
 * deadlines, lease) is in the database, the provider answers from the job alone, so any process
 * can resume any task after a crash. Leases make one process drive a task at a time; every
 * transition is a guarded statement, so each happens (and is published) exactly once.
 */
export function createTaskDriver(options: TaskDriverOptions): TaskDriver {
  const { tasks, accounts, files, provider, pubsub, limiter, clock, timing, logger, owner, poolSize } = options;
  const tickMs = options.tickMs ?? 100;
  const idleTickMs = Math.max(tickMs, options.idleTickMs ?? 1_000);
  const leaseMs = options.leaseMs ?? 5_000;
  const holdMs = options.holdMs ?? 1_000;
  const hold = (now: number): TaskClaim => ({ owner, until: now + holdMs });
  const maxAttempts = options.maxAttempts ?? DRIVER_RULES.maxAttempts;
  const threshold = options.accountFailureThreshold ?? DRIVER_RULES.accountFailureThreshold;
  const cooldownMs = options.accountCooldownMs ?? generationClocks(timing.timeScale).accountCooldownMs;
  const rateLimitRestMs = options.rateLimitRestMs ?? RATE_LIMIT_REST_MS / timing.timeScale;
  const metrics = options.metrics ?? noMetrics;

  const pace = createDriverPace({
    rule: options.yieldAboveMs === undefined ? DRIVER_PACE : Object.assign({}, DRIVER_PACE, { targetDelayMs: options.yieldAboveMs }),
    clock,
    ...(options.pressure ? { pressure: options.pressure } : {}),
    onLimit: (limit) => metrics.driverConcurrency(limit),
  });

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;
  /** stop() was called: a pass under way (started or asked for by tick) drives no further task. */
  let stopping = false;

  const relay = createTaskEventRelay({ tasks, pubsub, logger, ...(options.relayGraceMs !== undefined ? { graceMs: options.relayGraceMs } : {}) });
  const relayEveryMs = options.relayEveryMs ?? 1_000;
  let lastRelay = Number.NEGATIVE_INFINITY;
  let stopFollowingGaps: (() => void) | undefined;
  const publish = (type: TaskEventType, task: TaskRecord) =>
    relay.publish(type, task).catch((error: unknown) => logger.error({ err: error, taskId: task.id }, "publishing a task event failed"));

  /** Refunds an unfinished task past its refund deadline (once) and tells its watchers. */
  const refundRunning = async (taskId: string, now: number) => {
    const refunded = await tasks.refund(taskId, now);
    if (!refunded) return;
    metrics.refunded(refunded.cost);
    await publish("REFUNDED", refunded);
  };

  /**
   * Slots of ended tasks whose release failed (the limiter's Redis down): released again at each
   * full pass until it works, so an ended task does not hold its key's slot for the slot TTL. At
   * most UNRELEASED_MAX are kept (the oldest go: their slots free themselves at the TTL anyway).
   */
  const unreleased = new Map<string, string>();
  const release = async (keyId: string, taskId: string): Promise<boolean> => {
    try {
      await limiter.release(keyId, taskId);
      unreleased.delete(taskId);
      return true;
    } catch (error) {
      logger.warn({ err: error, taskId }, "releasing a slot failed: it is released again at the next pass");
      unreleased.set(taskId, keyId);
      if (unreleased.size > UNRELEASED_MAX) unreleased.delete(unreleased.keys().next().value!);
      return false;
    }
  };
  const releaseAgain = async () => {
    for (const [taskId, keyId] of [...unreleased]) {
      if (!(await release(keyId, taskId))) return;
      await pubsub.publish("keyState", keyId, { keyId, reason: "SLOT_RELEASED" }).catch(() => undefined);
    }
  };

  /**
   * A final state is told after its slot is free, so a dashboard refreshed by the event already
   * shows the slot back. FAILED rows come refunded from the statement that failed them.
   */
  const publishFinal = async (type: "FINISHED" | "FAILED", task: TaskRecord) => {
    metrics.taskEnded(type);
    await release(task.keyId, task.id);
    await publish(type, task);
    // A failed task keeps no file: those an attempt stored before it failed (a later file of its
    // result refused) go. A process that lost the task while storing its files deletes those that
    // land after this, once its own final statement finds the task failed (discardIfFailed).
    if (type === "FAILED") await discardFiles(task.id);
  };

  /** Deletes a failed task's files; when the store fails, retention deletes them. */
  const discardFiles = (taskId: string) =>
    files.discardResults(taskId).catch((error: unknown) => logger.warn({ err: error, taskId }, "deleting a failed task's files failed: retention deletes them"));

  /** The provider's view of a task's current attempt, started on `account` at `startedAt`. */
  const jobOf = (task: DrivenTask, account: number, startedAt: number): ProviderJob => ({
    taskId: task.id,
    model: task.model,
    keyId: task.keyId,
    output: task.output,
    params: task.params,
    attempt: task.attempts,
    account,
    startedAt,
    upstream: task.upstream?.attempt === task.attempts ? task.upstream.ref : null,
  });

  /** Asks the vendor to stop an attempt it holds (best effort): no one will collect what it makes, and it would bill for it. */
  const cancelAtVendor = async (job: ProviderJob) => {
    if (!job.upstream || !provider.cancel) return;
    await provider.cancel(job).catch((error: unknown) => logger.warn({ err: error, taskId: job.taskId }, "cancelling at the vendor failed"));
  };

  // Slots that freed while no process of this gateway swept (a restart) are told too: from one slot TTL back.
  let lastSweep = clock.now() - timing.slotTtlMs;

  async function sweepDeadlines(now: number): Promise<boolean> {
    let found = false;
    if (unreleased.size > 0) await releaseAgain();
    // A slot frees itself 10 minutes after it was taken (the limiter expires it); release it
    // explicitly too and tell the owner's dashboard, whose slot count just changed.
    const expired = await tasks.slotsExpiredBetween(lastSweep, now);
    for (const { id, keyId } of expired) {
      found = true;
      await limiter.release(keyId, id).catch(() => undefined);
      await pubsub.publish("keyState", keyId, { keyId, reason: "SLOT_RELEASED" }).catch(() => undefined);
    }
    // A full batch leaves the rest for the next pass, from the last instant told (those of that
    // instant may be told twice: releasing and telling are idempotent).
    lastSweep = expired.length === SLOTS_PER_SWEEP ? expired[expired.length - 1]!.at - 1 : now;
    for (const task of await tasks.expireHardDeadlines(now, HARD_LIMIT_ERROR)) {
      found = true;
      logger.warn({ taskId: task.id, model: task.model }, "task hit the hard time limit");
      // Refunded here when its refund deadline's sweep has not (the gateway down between the two).
      if (task.refundedNow) metrics.refunded(task.cost);
      await publishFinal("FAILED", task);
      if (task.account !== null && task.startedAt !== null) await cancelAtVendor(jobOf(task, task.account, task.startedAt));
    }
    for (const id of await tasks.dueRefunds(now)) {
      found = true;
      await refundRunning(id, now);
    }
    return found;
  }

  /**
   * The name `task`'s current attempt stores a result file under: the provider's, after
   * `<attempt>~` from the second attempt on. An attempt may store some of its files and then fail
   * (a later file refused, or the vendor losing the job before a read that failed was tried
   * again), and a name stored keeps its first file: so each attempt's names are its own, and no
   * file of an earlier attempt stands in for a later one's. `~` is in no provider's name (those
   * from URLs keep only [A-Za-z0-9._-], and give repeated names an `<index>-` of their own), and
   * a URL carries it as it is.
   */
  const storedName = (task: DrivenTask, name: string): string => (task.attempts > 1 ? `${task.attempts}~${name}` : name);

  /**
   * Stores a finished attempt's files: those in memory, then those streamed from the vendor, chunk
   * by chunk into the file store (never whole in memory). A result the vendor's files make
   * unstorable is the attempt's final failure; any other error throws, and the next poll reads
   * the files again (a name stored before keeps its first file: the same attempt's).
   */
  async function storeResult(task: DrivenTask, status: Extract<ProviderStatus, { state: "finished" }>, now: number): Promise<ProviderStatus> {
    await files.putResults(task.id, status.files.map((f) => Object.assign({}, f, { name: storedName(task, f.name) })), now);
    try {
      await status.streamed?.read(async (file) => {
        await files.putResult(task.id, Object.assign({}, file, { name: storedName(task, file.name) }), { now, maxBytes: Number.POSITIVE_INFINITY });
      });
      return status;
    } catch (error) {
      if (error instanceof ResultRefused) return { state: "failed", error: error.message, retryable: false };
      throw error;
    }
  }

  /**
   * This process stored a result's files for a task whose final statement then found it no longer
   * this process's to end. Had another process failed it meanwhile (the hard-limit sweep), that
   * process's discard may have run before these files landed: a failed task keeps no file, so
   * they go now. A task still running elsewhere, or finished, keeps them.
   */
  const discardIfFailed = async (taskId: string) => {
    const current = await tasks.find(taskId);
    if (current?.status === "FAILED") await discardFiles(taskId);
  };

  /**
   * Results being read from their vendor into the file store beside the passes, by task. Such a
   * read may take minutes (a video, a slow host: up to its 5-minute deadline), so one not stored
   * within STORE_IN_PASS_MS goes on beside the passes (up to STORES_BESIDE at once; past that it
   * is stored within its pass, as any poll's work is), which go on polling, starting and sweeping
   * every other task meanwhile. They leave a task being stored alone, its lease renewed by a
   * heartbeat of its own (a store outlives its pass, and the driver's stop), and once the read
   * settles the task moves on as any other.
   */
  const storing = new Map<string, Promise<void>>();
  /** When each store beside the passes ended: a pass that claimed its task before then does not poll it again. */
  const storeEnded = new Map<string, number>();
  let storeHeartbeat: NodeJS.Timeout | undefined;

  /** Renews this process's leases on the tasks `ids()` names, LEASE_RENEWALS times per lease, until cleared. */
  const leaseHeartbeat = (ids: () => readonly string[]): NodeJS.Timeout => {
    const timer = setInterval(() => {
      const held = ids();
      if (held.length > 0) tasks.renewLeases({ owner, ids: held, leaseUntil: clock.now() + leaseMs }).catch((error: unknown) => logger.warn({ err: error }, "renewing task leases failed"));
    }, Math.max(1, Math.floor(leaseMs / LEASE_RENEWALS)));
    timer.unref();
    return timer;
  };

  /** Goes on storing a task's result (`storage`: the store, then the task moved on) beside the passes. */
  const storeBeside = (task: DrivenTask, storage: Promise<boolean>) => {
    // Its work (chunks, file writes, statements) is the driver's, which the pace keeps behind requests.
    pace.occupy();
    const settled = storage
      .then(
        () => undefined,
        (error: unknown) => logger.error({ err: error, taskId: task.id }, "storing a task's result failed: it is read again at the next poll"),
      )
      .finally(() => {
        pace.leave();
        storing.delete(task.id);
        storeEnded.set(task.id, clock.now());
        if (storing.size === 0) {
          clearInterval(storeHeartbeat);
          storeHeartbeat = undefined;
        }
      });
    storing.set(task.id, settled);
    storeHeartbeat ??= leaseHeartbeat(() => [...storing.keys()]);
  };

  /**
   * By task, when its vendor may be asked about it again, and the job it was last asked about:
   * its provider's `statusReadGapMs` (or a 429's Retry-After, when longer), divided by the time
   * scale, after the last call's answer (as the vendors' own clients wait), be it a status read,
   * a submit that got no handle, or a call that threw. A pace kept in memory, not a state: a
   * process that takes a task over, or a driver started again, reads it at once, and a verified
   * webhook (`wake`) has the attempt it names read at the next pass.
   */
  const nextRead = new Map<string, { readonly at: number; readonly job: ProviderJob }>();
  /**
   * The params of the running tasks this process drives, by task. They never change, and a claim
   * sends them only for a task new to this process (ClaimedTask), so they are kept from that claim
   * or from the start that brought the task, until a pass no longer claims it.
   */
  const paramsOf = new Map<string, TaskRecord["params"]>();
  /** The calls to vendors in flight, by task, and those a webhook named meanwhile: their answer may predate the notice, so it sets no pace. */
  const asking = new Map<string, ProviderJob>();
  const overtaken = new Set<string>();

  /**
   * Polls one PROCESSING task, claimed at `claimedAt`, and moves it on; true while it still holds
   * its account.
   */
  async function drive(task: DrivenTask, now: number, claimedAt: number): Promise<boolean> {
    if (task.account === null || task.startedAt === null) return true;
    if (storing.has(task.id)) return true;
    // Its result was stored (and the task moved on) after this pass read it: what it read is past.
    if ((storeEnded.get(task.id) ?? Number.NEGATIVE_INFINITY) >= claimedAt) return false;
    const job = jobOf(task, task.account, task.startedAt);
    // Asked about this attempt too recently: the vendor is not asked again yet. Another attempt
    // (the task requeued and started again) is submitted at once.
    const paced = nextRead.get(task.id);
    if (paced && paced.job.attempt === job.attempt && paced.at > clock.now()) return true;
    asking.set(task.id, job);
    let polled: ProviderStatus | undefined;
    try {
      polled = await provider.poll(job, now);
    } finally {
      asking.delete(task.id);
      const noticed = overtaken.delete(task.id);
      const gap = (provider.statusReadGapMs?.(job) ?? 0) / timing.timeScale;
      if (gap > 0 && !noticed && (polled === undefined || polled.state === "running")) {
        const asked = polled?.state === "running" ? (polled.readAfterMs ?? 0) / timing.timeScale : 0;
        const upstream = (polled?.state === "running" ? polled.upstream : undefined) ?? job.upstream;
        nextRead.set(task.id, { at: clock.now() + Math.max(gap, asked), job: upstream === job.upstream ? job : Object.assign({}, job, { upstream }) });
      } else nextRead.delete(task.id);
    }
    if (polled.state !== "finished") return conclude(task, job, polled, now, false);
    const storage = storeResult(task, polled, now).then(
      // A streamed result may take long to store: its task moves on at the time it is stored.
      (status) => conclude(task, job, status, polled.streamed ? clock.now() : now, true),
      async (error: unknown) => {
        // Failed meanwhile by another process (the hard limit), the task keeps none of what landed.
        await discardIfFailed(task.id).catch(() => undefined);
        throw error;
      },
    );
    if (!polled.streamed) return storage;
    // Stored within the pass when it is quick (the usual image); past STORE_IN_PASS_MS, beside it.
    let timer: NodeJS.Timeout | undefined;
    const slow = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), STORE_IN_PASS_MS);
    });
    try {
      const first = await Promise.race([storage, slow]);
      if (first !== undefined) return first;
    } finally {
      clearTimeout(timer);
    }
    if (storing.size >= STORES_BESIDE) return storage;
    storeBeside(task, storage);
    return true;
  }

  /**
   * Moves a polled task on by its attempt's status, its result's files already stored when it
   * finished (`stored`: files may have been, when the status became a failure); true while the
   * task still holds its account.
   */
  async function conclude(task: DrivenTask, job: ProviderJob, status: ProviderStatus, now: number, stored: boolean): Promise<boolean> {
    if (status.state === "running") {
      // The vendor's handle is stored before anything else: the next poll (here or in another
      // process after a crash) resumes the attempt from it instead of submitting it again.
      if (status.upstream !== undefined && status.upstream !== task.upstream?.ref) {
        const stored = await tasks.setUpstream({ id: task.id, owner, attempt: task.attempts, ref: status.upstream, now });
        // The lease was lost meanwhile (another process drives the task now): the job just
        // submitted is no one's, and the vendor is asked to stop it.
        if (!stored) {
          await cancelAtVendor(Object.assign({}, job, { upstream: status.upstream }));
          return false;
        }
      }
      // Progress in steps of 10%: enough for a progress bar, few writes.
      const step = Math.min(90, Math.floor(status.progress * 10) * 10);
      if (step > task.progress) {
        const updated = await tasks.setProgress({ id: task.id, owner, progress: step, now });
        if (updated) await publish("PROGRESS", updated);
      }
      return true;
    }
    if (status.state === "finished") {
      const finished = await tasks.finish({
        id: task.id,
        owner,
        now,
        result: status.result.map((name) => filePath(task.id, storedName(task, name))),
        glb: status.glb.map((name) => filePath(task.id, storedName(task, name))),
        ...(status.vendorCost ? { vendorCost: status.vendorCost } : {}),
      });
      if (!finished) {
        await discardIfFailed(task.id);
        return false;
      }
      // The slot goes back first: nothing after the final transition may keep it from the key.
      await publishFinal("FINISHED", finished);
      await accounts.recordOutcome({ account: job.account, success: true, threshold, lockUntil: now + cooldownMs });
      return false;
    }
    // Only a failure that may be the account's (a retryable one: 429, a refused key, the vendor
    // down or answering garbage) counts towards locking it. A final one is the vendor's word on
    // the request (invalid input, refused content, a result too large to keep): the account did
    // its part, and a client whose requests fail so, refunded each time, must not lock the
    // accounts every other key's tasks run on.
    if (status.rateLimited) {
      const asked = status.rateLimited.retryAfterMs;
      const rest = asked === undefined ? rateLimitRestMs : Math.min(RATE_LIMIT_REST_MAX_MS, Math.max(1_000, asked)) / timing.timeScale;
      await accounts.recordOutcome({ account: job.account, success: false, threshold: 1, lockUntil: now + rest });
    } else if (status.retryable) {
      const { locked } = await accounts.recordOutcome({ account: job.account, success: false, threshold, lockUntil: now + cooldownMs });
      if (locked) logger.warn({ account: job.account }, "upstream account locked after repeated failures");
    }
    // A retryable failure of a job the vendor still holds (its status unreadable from this
    // account): once the task is requeued here (so this process still held it), the vendor is
    // asked to stop the job; another account runs the task again.
    if (status.retryable && task.attempts < maxAttempts) {
      const requeued = await tasks.requeue({ id: task.id, owner, now, holdUntil: hold(now).until });
      if (requeued) {
        await cancelAtVendor(job);
        await publish("QUEUED", requeued);
      }
      return false;
    }
    const failed = await tasks.fail({ id: task.id, owner, now, error: status.error });
    // The failing statement refunds a task its refund deadline has not refunded yet (counted
    // there, perhaps while this attempt's result was being stored: `task` is from before).
    if (failed?.refundedNow) metrics.refunded(failed.cost);
    if (failed) await publishFinal("FAILED", failed);
    else if (stored) await discardIfFailed(task.id);
    return false;
  }

  // True when the last pass left every account of the pool busy with this process's tasks. A new
  // task cannot start then until one of them ends, which only a full pass brings about (and the
  // same pass starts the next queued task), so a nudge has nothing to do.
  let poolFull = false;
  /** This process's running tasks at the last full pass, and those started by passes since. */
  let heldAtFullPass = 0;
  let startedSinceFullPass = 0;

  /**
   * Starts up to STARTS_PER_PASS queued tasks on free accounts, oldest first, in one call: the
   * repository reads the free accounts and the oldest startable tasks, assigns them
   * (domain/account-assignment.ts) and starts every pair in one statement. Nothing to start (the
   * pool is busy) costs one statement. Returns how many started.
   */
  async function startQueued(): Promise<number> {
    const max = Math.min(poolSize, STARTS_PER_PASS);
    if (max <= 0) return 0;
    const startedAt = clock.now();
    const started = await tasks.startQueued({
      owner,
      now: startedAt,
      leaseUntil: startedAt + leaseMs,
      poolSize,
      max,
      ...(options.accountsByModel ? { accountsByModel: options.accountsByModel } : {}),
    });
    for (const task of started) paramsOf.set(task.id, task.params);
    // Events of different tasks: no order to keep between them.
    await Promise.all(started.map((task) => publish("PROCESSING", task)));
    // A full pass's worth started: more may wait for the accounts still free, without waiting for the timer.
    if (started.length === max) askForPass("start");
    return started.length;
  }

  /** A pass an accepted task asked for: it only starts queued tasks (see `nudge`). */
  async function startPass(): Promise<boolean> {
    passes++;
    const started = await startQueued();
    startedSinceFullPass += started;
    poolFull = heldAtFullPass + startedSinceFullPass >= poolSize;
    await relay.flush();
    return started > 0;
  }

  /** One full pass; true when it found work (so the next pass comes soon). */
  async function tick(): Promise<boolean> {
    passes++;
    // Deadlines and polls share one instant, so a task unfinished at its refund deadline is
    // refunded before a poll at that instant can finish it. Leases and start times read the clock
    // when they are written: a tick can be slow (rendering, a busy database), and the tick's first
    // instant would start a task accepted meanwhile before its acceptance, or write a lease that
    // is already (nearly) expired.
    const now = clock.now();
    const swept = await sweepDeadlines(now);
    // A gap in this process's pub/sub: its subscribers are told again, a page a pass, the states
    // that may have gone out while they were away (task-event-relay.ts); a failed page is read
    // again at the next pass.
    const repairing = relay.repairing();
    if (repairing) await relay.repairGap().catch((error: unknown) => logger.warn({ err: error }, "repairing a pub/sub gap's task events failed"));
    // Transitions committed here or elsewhere whose event never went out (a process killed
    // between commit and publish): on start, then every relayEveryMs.
    if (now - lastRelay >= relayEveryMs) {
      lastRelay = now;
      await relay.relay(now).catch((error: unknown) => logger.warn({ err: error }, "relaying task events failed"));
    }
    const claimedAt = clock.now();
    const claimed = await tasks.claimProcessing({ owner, now: claimedAt, leaseUntil: claimedAt + leaseMs, limit: Math.max(poolSize, 1) * 2 });
    for (const task of claimed) if (task.params !== undefined) paramsOf.set(task.id, task.params);
    // Held here before, but no longer in memory (a pass that could not claim it): read again.
    const unknown = claimed.filter((task) => !paramsOf.has(task.id)).map((task) => task.id);
    if (unknown.length > 0) for (const [id, params] of await tasks.paramsOf(unknown)) paramsOf.set(id, params);
    const processing: DrivenTask[] = [];
    for (const task of claimed) {
      const params = paramsOf.get(task.id);
      if (params !== undefined) processing.push(Object.assign(task, { params }));
      else logger.warn({ taskId: task.id }, "a claimed task's params could not be read: it is not driven in this pass");
    }
    // At most DRIVE_CONCURRENCY tasks are polled and moved on at once, fewer while requests feel
    // the driver's work (the pace): a pass over a thousand running tasks would otherwise queue
    // thousands of callbacks (vendor calls, statements, file writes) on the event loop at once,
    // ahead of every request accepted meanwhile.
    const holding: boolean[] = new Array(processing.length);
    let next = 0;
    // The pass's tasks keep their leases until the pass ends, however long its vendor calls (a
    // submit, a download) take, so that no other process takes one over and submits its attempt a
    // second time. A task that ended or went back to the queue meanwhile is not renewed (the
    // statement renews only this process's PROCESSING tasks).
    const held = processing.map((task) => task.id);
    const driver = async () => {
      // A stopping driver ends its pass at the next task: its leases are handed over (stop).
      while (next < processing.length && !stopping) {
        await pace.enter();
        try {
          // Another worker may have taken the last task while this one waited for the pace.
          if (next >= processing.length || stopping) return;
          const index = next++;
          const task = processing[index]!;
          holding[index] = await drive(task, now, claimedAt).catch((error: unknown) => {
            logger.error({ err: error, taskId: task.id }, "driving a task failed");
            return true;
          });
        } finally {
          pace.leave();
        }
      }
    };
    const heartbeat = leaseHeartbeat(() => held);
    try {
      await Promise.all(Array.from({ length: Math.min(DRIVE_CONCURRENCY, processing.length) }, driver));
    } finally {
      clearInterval(heartbeat);
    }
    // Stores that ended before this pass's claim can no longer meet a pass that read their task before they ended.
    for (const [id, ended] of storeEnded) if (ended < claimedAt) storeEnded.delete(id);
    // Read paces and params of tasks this pass did not claim (ended, or driven elsewhere) are dropped.
    if (nextRead.size > 0 || paramsOf.size > held.length) {
      const driven = new Set(held);
      for (const id of nextRead.keys()) if (!driven.has(id)) nextRead.delete(id);
      for (const id of paramsOf.keys()) if (!driven.has(id)) paramsOf.delete(id);
    }
    const started = await startQueued();
    heldAtFullPass = holding.filter(Boolean).length;
    startedSinceFullPass = started;
    poolFull = heldAtFullPass + started >= poolSize;
    await relay.flush();
    return swept || repairing || processing.length > 0 || started > 0;
  }

  // With nothing to drive, pass every `idleTickMs` instead of every `tickMs` (an idle gateway
  // should not keep a core busy); an accepted task (nudge) or found work brings the pace back.
  //
  // Full passes (deadlines, polls, starts) run on the timer, one at a time, so each running task
  // is polled at most once per `tickMs` however many tasks are accepted (a task at a vendor at
  // most once per its read pace, `nextRead`): at a thousand accepted a second, passes asked for
  // by each of them would run back to back and poll every vendor task many times per interval. An accepted task asks only for a start pass, which starts it at once when
  // an account is free; its first poll (the vendor submit) comes with the next full pass.
  let idlePasses = 0;
  let passes = 0;
  /** Passes asked for (nudges, webhooks, a start pass that filled its quota) and not yet begun. */
  let nudges = 0;
  /** A pass asked for while another ran; a full pass covers a start pass. */
  let pending: "full" | "start" | undefined;
  /** A pass soon, after the current one (counted by settled() until it has begun). */
  const askForPass = (kind: "full" | "start") => {
    if (stopped) return;
    nudges++;
    setImmediate(() => {
      nudges--;
      runPass(kind);
    });
  };
  const runPass = (kind: "full" | "start") => {
    if (stopped) return;
    if (running) {
      if (pending !== "full") pending = kind;
      return;
    }
    const began = clock.now();
    running = (kind === "full" ? tick() : startPass())
      .then((active) => {
        if (kind === "full") idlePasses = active ? 0 : idlePasses + 1;
        metrics.driverPass((clock.now() - began) / 1000);
      })
      .catch((error: unknown) => {
        // What the failed pass would have counted is unknown: let accepted tasks ask for passes.
        poolFull = false;
        logger.error({ err: error }, "task driver tick failed");
      })
      .finally(() => {
        running = undefined;
        const next = pending;
        pending = undefined;
        if (next && !stopped) runPass(next);
      });
  };
  /** The timer was set at the idle pace. */
  let idlePace = false;
  const schedule = () => {
    idlePace = idlePasses >= IDLE_AFTER_PASSES;
    timer = setTimeout(loop, idlePace ? idleTickMs : tickMs);
    timer.unref?.();
  };
  const loop = () => {
    if (stopped) return;
    runPass("full");
    schedule();
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      stopping = false;
      stopFollowingGaps = pubsub.onGap((since) => {
        relay.gap(since, clock.now());
        if (!stopped) askForPass("full");
      });
      metrics.driverConcurrency(pace.limit);
      loop();
    },
    hold,
    nudge() {
      if (stopped) return;
      idlePasses = 0;
      // The task this nudge is for is polled (submitted) by the next full pass: not a second away.
      if (idlePace && timer) {
        clearTimeout(timer);
        schedule();
      }
      if (poolFull) return;
      askForPass("start");
    },
    wake(notice) {
      if (stopped) return;
      idlePasses = 0;
      // The attempt the vendor named is read at the next pass, even one being asked about now.
      const named = (job: ProviderJob) => provider.isAttemptOf?.(job, notice) === true;
      for (const [id, { job }] of nextRead) if (named(job)) nextRead.delete(id);
      for (const [id, job] of asking) if (named(job)) overtaken.add(id);
      // One webhook per finished vendor task: these cannot come a thousand a second as accepts do.
      askForPass("full");
    },
    tick: async () => {
      await tick();
      // One pass to its end: the results it began to store are stored.
      await Promise.all(storing.values());
    },
    get passes() {
      return passes;
    },
    async settled() {
      for (;;) {
        if (running) await running;
        else if (nudges > 0 || pending) await new Promise((resolve) => setImmediate(resolve));
        else if (storing.size > 0) await Promise.race(storing.values());
        else return;
      }
    },
    async stop() {
      stopped = true;
      stopping = true;
      stopFollowingGaps?.();
      stopFollowingGaps = undefined;
      pending = undefined;
      if (timer) clearTimeout(timer);
      await running;
      // Results being stored beside the passes are stored before the leases are handed over (their
      // heartbeat keeps their leases meanwhile). A process killed first leaves those leases to
      // expire, and another process reads the results again.
      await Promise.all(storing.values());
      await relay.flush();
      nextRead.clear();
      paramsOf.clear();
      // Hand this process's tasks over at once instead of after the lease runs out.
      await tasks.releaseClaims(owner).catch((error: unknown) => logger.warn({ err: error }, "releasing task leases failed"));
    },
  };
}
