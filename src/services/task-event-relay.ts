import type { Logger } from "pino";
import { stateEventType, type LiveTask, type TaskEventType } from "../domain/task-events.ts";
import { publishTaskEvent, type GatewayPubSub } from "./events.ts";
import type { PublishedCursor, TaskRepo, UpdatedCursor } from "./ports/task-repo.ts";

/** Rows republished per relay pass at most: a backlog drains over several passes. */
const RELAY_BATCH = 500;

export interface TaskEventRelayOptions {
  readonly tasks: Pick<TaskRepo, "markPublished" | "unpublished" | "publishedSince">;
  readonly pubsub: GatewayPubSub;
  readonly logger: Logger;
  /**
   * How long a committed transition may wait for its own publish before the relay publishes it
   * from the row: longer than a publish takes, so a live process's event is rarely sent twice.
   */
  readonly graceMs?: number;
  /**
   * A publish unanswered for this long counts as failed (its mark stays, the relay sends it
   * later): a pub/sub that hangs (a connection lost mid-command) must not stall the driver's pass.
   */
  readonly publishTimeoutMs?: number;
}

export interface TaskEventRelay {
  /** Publishes one transition; once it is out, its row's event mark is cleared (at the next flush). */
  publish(type: TaskEventType, task: LiveTask): Promise<void>;
  /** Clears the marks of the events published since the last flush, in one statement. */
  flush(): Promise<void>;
  /**
   * Publishes, from the stored rows, the transitions committed at least `graceMs` before `now`
   * whose event is not known to be out (their process died between commit and publish, or the
   * pub/sub was down), then clears their marks. Returns how many it republished.
   */
  relay(now: number): Promise<number>;
  /**
   * A gap in this process's pub/sub from `since` on, told at `now` (PubSub.onGap): a repair
   * starts, or starts over from the earlier of the two starts when one is under way. See repairGap.
   */
  gap(since: number, now: number): void;
  /** A gap's repair has pages left. */
  repairing(): boolean;
  /**
   * One page (up to RELAY_BATCH rows) of the repair of the gap told last: publishes again, from
   * the rows, the states this process's subscribers may have missed. Returns how many it published.
   */
  repairGap(): Promise<number>;
}

/**
 * How much earlier than the gap's start its events are told again, and how far past the repair's
 * own instants its bounds reach: a mark is cleared after its publish is answered (up to the 3 s
 * publish timeout, then the next flush), and the database's clock, which dates a clearing, and
 * the gateways' clocks, which date the gap and the transitions, may differ a little. Telling a
 * state twice is harmless (see createTaskEventRelay).
 */
export const GAP_MARGIN_MS = 5_000;

/**
 * How far past the gap's telling a repair's first phase reaches in transitions' `updatedAt`,
 * written by each gateway's own clock: a bound only so that the phase ends, set wide because a
 * gateway whose clock runs ahead dates its transitions later (reading a few more rows costs little).
 */
export const OWED_MARGIN_MS = 60_000;

/**
 * A gap's repair in two phases, one after the other, each paged by a cursor:
 *  1. "owed": every row still marked whose transition was committed up to `owedUntil`, a minute
 *     past the gap's telling (its event may have gone out in the gap, its mark not yet cleared);
 *  2. "told": every row whose mark was cleared from `since` until this phase began (the
 *     database's instant at its first read).
 * Together they hold every state published in the gap, however the clearings race the repair: a
 * row marked when phase 1 begins is either read by it still marked, or cleared before phase 1
 * reaches it, hence before phase 2 begins and within phase 2's bounds (a row cleared again moves
 * later in phase 2's order, never out of it). Every state published after the gap was told
 * reached this process's subscriptions, which were listening again by then.
 */
interface GapRepair {
  readonly since: number;
  phase: "owed" | "told";
  readonly owedUntil: number;
  owedAfter: UpdatedCursor | undefined;
  toldAfter: PublishedCursor | undefined;
  told: number;
}

/**
 * Task events from committed state (a transactional outbox kept on the task row itself): every
 * transition marks its row `event_pending` in the statement that makes it, and the mark is
 * cleared only after the event was published. A process killed between the two leaves the mark,
 * and any driver's next relay pass publishes the row's state. Subscribers already drop a state
 * they have seen or that is older than one they have (isNewerState), so a transition told twice
 * (the relay racing a slow publish) is harmless, and a lost intermediate state is superseded by
 * the current one: what every watcher is owed is the latest committed state, the final one above all.
 */
export function createTaskEventRelay(options: TaskEventRelayOptions): TaskEventRelay {
  const { tasks, pubsub, logger } = options;
  const graceMs = options.graceMs ?? 2_000;
  const publishTimeoutMs = options.publishTimeoutMs ?? 3_000;
  const send = (type: TaskEventType, task: LiveTask) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`publishing a task event took over ${publishTimeoutMs} ms`)), publishTimeoutMs);
      timer.unref?.();
      publishTaskEvent(pubsub, type, task).then(resolve, reject).finally(() => clearTimeout(timer));
    });
  let published: LiveTask[] = [];

  const flush = async () => {
    if (!published.length) return;
    const batch = published;
    published = [];
    // A mark left set only costs a duplicate event later: never fail a pass over it.
    await tasks.markPublished(batch).catch((error: unknown) => logger.warn({ err: error }, "marking task events published failed"));
  };

  /** Sends each state in order, stopping at the first that fails (the pub/sub is down); how many went out. */
  const sendInOrder = async (states: readonly LiveTask[]) => {
    let sent = 0;
    for (const task of states) {
      try {
        await send(stateEventType(task), task);
      } catch (error) {
        logger.warn({ err: error, taskId: task.id }, "republishing a task event failed");
        break;
      }
      published.push(task);
      sent++;
    }
    return sent;
  };

  let repair: GapRepair | undefined;

  return {
    async publish(type, task) {
      await send(type, task);
      published.push(task);
    },
    flush,
    gap(since, now) {
      const from = Math.min(since - GAP_MARGIN_MS, repair?.since ?? Number.POSITIVE_INFINITY);
      repair = { since: from, phase: "owed", owedUntil: now + OWED_MARGIN_MS, owedAfter: undefined, toldAfter: undefined, told: 0 };
      logger.info({ since: new Date(from).toISOString() }, "a pub/sub gap: the task events its subscribers may have missed are published again");
    },
    repairing: () => repair !== undefined,
    async repairGap() {
      const current = repair;
      if (!current) return 0;
      let sent: number;
      let over = false;
      if (current.phase === "owed") {
        const page = await tasks.unpublished(current.owedUntil, RELAY_BATCH, current.owedAfter);
        // A gap told meanwhile started the repair over: this page is the old repair's.
        if (repair !== current) return 0;
        sent = await sendInOrder(page);
        if (sent > 0) current.owedAfter = { at: page[sent - 1]!.updatedAt, id: page[sent - 1]!.id };
        if (sent === page.length && page.length < RELAY_BATCH) current.phase = "told";
      } else {
        const page = await tasks.publishedSince(current.since, RELAY_BATCH, current.toldAfter);
        if (repair !== current) return 0;
        sent = await sendInOrder(page.map((row) => row.task));
        if (sent > 0) current.toldAfter = page[sent - 1]!.cursor;
        over = sent === page.length && page.length < RELAY_BATCH;
      }
      current.told += sent;
      await flush();
      if (over && repair === current) {
        repair = undefined;
        logger.info({ since: new Date(current.since).toISOString(), told: current.told }, "a pub/sub gap repaired: the task events its subscribers may have missed were published again");
      }
      return sent;
    },
    async relay(now) {
      const pending = await tasks.unpublished(now - graceMs, RELAY_BATCH);
      // Stopped by a failed publish (the pub/sub is down), the marks stay: the next pass tries again.
      const sent = await sendInOrder(pending);
      await flush();
      if (sent) logger.info({ republished: sent }, "republished task events their process did not publish");
      return sent;
    },
  };
}
