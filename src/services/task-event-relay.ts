import type { Logger } from "pino";
import { stateEventType, type TaskEventType } from "../domain/task-events.ts";
import type { TaskRecord } from "../domain/task.ts";
import { publishTaskEvent, type GatewayPubSub } from "./events.ts";
import type { TaskRepo } from "./ports/task-repo.ts";

/** Rows republished per relay pass at most: a backlog drains over several passes. */
const RELAY_BATCH = 500;

export interface TaskEventRelayOptions {
  readonly tasks: Pick<TaskRepo, "markPublished" | "unpublished" | "markUnpublishedSince">;
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
  publish(type: TaskEventType, task: TaskRecord): Promise<void>;
  /** Clears the marks of the events published since the last flush, in one statement. */
  flush(): Promise<void>;
  /**
   * Publishes, from the stored rows, the transitions committed at least `graceMs` before `now`
   * whose event is not known to be out (their process died between commit and publish, or the
   * pub/sub was down), then clears their marks. Returns how many it republished.
   */
  relay(now: number): Promise<number>;
  /**
   * A gap in the pub/sub from `since` on (PubSub.onGap): the states whose event went out from
   * GAP_MARGIN_MS before it are marked again, for the next `relay` to publish. Returns how many.
   */
  markGap(since: number): Promise<number>;
}

/**
 * How much earlier than the gap's start its events are told again: a mark is cleared after its
 * publish is answered (up to the 3 s publish timeout, then the next flush), and the database's
 * clock, which dates the clearing, and the gateway's, which dates the gap, may differ a little.
 * Telling a state twice is harmless (see createTaskEventRelay).
 */
export const GAP_MARGIN_MS = 5_000;

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
  const send = (type: TaskEventType, task: TaskRecord) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`publishing a task event took over ${publishTimeoutMs} ms`)), publishTimeoutMs);
      timer.unref?.();
      publishTaskEvent(pubsub, type, task).then(resolve, reject).finally(() => clearTimeout(timer));
    });
  let published: TaskRecord[] = [];

  const flush = async () => {
    if (!published.length) return;
    const batch = published;
    published = [];
    // A mark left set only costs a duplicate event later: never fail a pass over it.
    await tasks.markPublished(batch).catch((error: unknown) => logger.warn({ err: error }, "marking task events published failed"));
  };

  return {
    async publish(type, task) {
      await send(type, task);
      published.push(task);
    },
    flush,
    markGap: (since) => tasks.markUnpublishedSince(since - GAP_MARGIN_MS),
    async relay(now) {
      const pending = await tasks.unpublished(now - graceMs, RELAY_BATCH);
      let sent = 0;
      for (const task of pending) {
        try {
          await send(stateEventType(task), task);
          published.push(task);
          sent++;
        } catch (error) {
          // The pub/sub is down: the marks stay, the next pass tries again.
          logger.warn({ err: error, taskId: task.id }, "republishing a task event failed");
          break;
        }
      }
      await flush();
      if (sent) logger.info({ republished: sent }, "republished task events their process did not publish");
      return sent;
    },
  };
}
