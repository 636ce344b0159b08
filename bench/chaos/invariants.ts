/**
 * What must hold after a chaos trial, checked from the database and from what the clients
 * recorded. Each broken rule is one Violation; a trial passes with none.
 *
 * What a subscriber must have seen. A subscriber holds one graphql-ws connection per key with a
 * `myTasks` feed; when the connection dies (its gateway was killed) it reconnects to a live
 * gateway, subscribes the feed again, and catches up on every task it knows of (from the feed or
 * from the answer that accepted it) and has not seen end, through `taskUpdated`, whose first
 * update is the task's current state. Then:
 * - COVERED: a task whose final state was committed while one feed connection of its key was
 *   up from at least FEED_WARMUP_MS before the commit until at least FEED_DELIVERY_MS after it,
 *   with neither Redis nor PostgreSQL down in that span (plus FEED_DELIVERY_MS after either came
 *   back), must have arrived over that very connection: the event path alone, relay included
 *   (a gateway killed between the commit and its publish leaves it to another's relay).
 * - SEEN: every task a subscriber knows of must have been seen in its final state, over the feed
 *   or through a catch-up after a reconnect, with the status the database holds. The look the
 *   harness takes after the run counts only for a subscriber whose feed was down at the end (it
 *   would have caught up on reconnecting); for one whose feed was up, a task it had not seen end
 *   by then is a task whose end the event path never delivered.
 * - ORDER: on one feed connection, nothing of a task comes after its final state (neither the
 *   final state again, from a relay publishing it once more, nor a late earlier state).
 */
import type pg from "pg";

/** A subscription is registered a moment after its socket connects (graphql-ws does not acknowledge it). */
export const FEED_WARMUP_MS = 1_000;
/**
 * The longest a committed final state may take to reach a connected feed: the relay's grace
 * (2 s), its period (1 s), an idle driver pass (1 s) and a Redis resubscription, with margin.
 */
export const FEED_DELIVERY_MS = 8_000;
/**
 * The limiter's slot is taken at admission, a moment before the task's created_at, so it frees
 * itself (after the slot TTL) up to that moment before slot_release_at: the in-flight count ends
 * a task's interval this much before slot_release_at.
 */
export const SLOT_CLOCK_TOLERANCE_MS = 1_000;
export const MAX_IN_FLIGHT = 5;

export interface Violation {
  readonly rule: "NO_INTERNAL_ERROR" | "SPEND_WITHIN_LIMIT" | "LEDGER_MATCHES_TASKS" | "FAILED_REFUNDED" | "TASK_ENDED" | "ACCEPTED_STORED" | "IN_FLIGHT" | "FEED_COVERED" | "FEED_ORDER" | "SUBSCRIBER_SAW_FINAL";
  readonly detail: string;
}

export interface FeedConnection {
  readonly keyId: string;
  readonly connectedAt: number;
  closedAt: number | null;
  /** Tasks whose final state arrived over this connection's feed. */
  readonly finals: Set<string>;
  /** What went out of order on this connection's feed (a final told twice, a state after a later one). */
  readonly disorder: string[];
}

export interface ClientRecords {
  readonly accepted: { keyId: string; taskId: string; via: string }[];
  readonly statuses: Record<string, number>;
  readonly feeds: FeedConnection[];
}

export interface Outage {
  readonly what: "redis" | "postgres";
  readonly from: number;
  until: number;
}

export interface InvariantInput {
  readonly limitMicros: number;
  readonly slotTtlMs: number;
  readonly records: ClientRecords;
  /** Per key id: the tasks its subscriber saw end, and how ("after-run": the harness's look once the run was over). */
  readonly seen: Map<string, Map<string, { status: string; via: "feed" | "catch-up" | "after-run" }>>;
  /** Key ids whose subscriber's feed was down at the end of the run (their after-run look is their catch-up). */
  readonly downAtEnd: ReadonlySet<string>;
  readonly outages: readonly Outage[];
  /** When the load began: times in details are relative to it. */
  readonly startedAt: number;
}

interface TaskRow {
  id: string;
  key_id: string;
  status: string;
  cost_micros: string;
  charge_day: string;
  refunded: boolean;
  created_at: Date;
  finished_at: Date | null;
  slot_release_at: Date;
}

export async function checkInvariants(db: pg.Client, input: InvariantInput) {
  const violations: Violation[] = [];
  const { rows: tasks } = await db.query<TaskRow>(
    `SELECT id, key_id, status::text, cost_micros::text, charge_day::text, refunded_at IS NOT NULL AS refunded, created_at, finished_at, slot_release_at FROM tasks`,
  );
  const { rows: usage } = await db.query<{ key_id: string; day: string; used: string }>("SELECT key_id, day::text, used_micros::text AS used FROM daily_usage");

  // Money: within the limit, and the ledger is exactly the charges not refunded (a refund applied
  // twice, or a charge without its task, would show here), to the micro-dollar.
  const owed = new Map<string, bigint>();
  for (const t of tasks) {
    const k = `${t.key_id} ${t.charge_day}`;
    owed.set(k, (owed.get(k) ?? 0n) + (t.refunded ? 0n : BigInt(t.cost_micros)));
  }
  for (const u of usage) {
    const used = BigInt(u.used);
    if (used > BigInt(input.limitMicros)) violations.push({ rule: "SPEND_WITHIN_LIMIT", detail: `key ${u.key_id} on ${u.day}: ${used} > ${input.limitMicros} micro-dollars` });
    const expected = owed.get(`${u.key_id} ${u.day}`) ?? 0n;
    if (used !== expected) violations.push({ rule: "LEDGER_MATCHES_TASKS", detail: `key ${u.key_id} on ${u.day}: ledger ${used}, unrefunded tasks ${expected}` });
    owed.delete(`${u.key_id} ${u.day}`);
  }
  for (const [k, amount] of owed) if (amount !== 0n) violations.push({ rule: "LEDGER_MATCHES_TASKS", detail: `${k}: tasks owe ${amount} with no ledger row` });

  for (const t of tasks) {
    if (t.status !== "FINISHED" && t.status !== "FAILED") violations.push({ rule: "TASK_ENDED", detail: `task ${t.id} is still ${t.status}` });
    if (t.status === "FAILED" && !t.refunded) violations.push({ rule: "FAILED_REFUNDED", detail: `task ${t.id} FAILED without its refund` });
  }
  const byId = new Map(tasks.map((t) => [t.id, t]));
  for (const a of input.records.accepted) {
    const stored = byId.get(a.taskId);
    if (!stored || stored.key_id !== a.keyId) violations.push({ rule: "ACCEPTED_STORED", detail: `task ${a.taskId} answered as accepted (${a.via}) is not stored for its key` });
  }

  // No more than 5 in flight per key at any instant, from the tasks' own times.
  const byKey = new Map<string, TaskRow[]>();
  for (const t of tasks) byKey.set(t.key_id, [...(byKey.get(t.key_id) ?? []), t]);
  for (const [keyId, own] of byKey) {
    const edges: [number, number][] = [];
    for (const t of own) {
      const start = t.created_at.getTime();
      const end = Math.min(t.finished_at?.getTime() ?? Number.POSITIVE_INFINITY, t.slot_release_at.getTime() - SLOT_CLOCK_TOLERANCE_MS);
      if (end <= start) continue;
      edges.push([start, 1], [end, -1]);
    }
    // Ends before starts at the same instant: a slot freed at t can be taken at t.
    edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let inFlight = 0;
    let worst = 0;
    let worstAt = 0;
    for (const [at, step] of edges) {
      inFlight += step;
      if (inFlight > worst) [worst, worstAt] = [inFlight, at];
    }
    if (worst > MAX_IN_FLIGHT) violations.push({ rule: "IN_FLIGHT", detail: `key ${keyId}: ${worst} in flight at ${new Date(worstAt).toISOString()}` });
  }

  // Errors are data: a backing service down is a 503, never a 500 or an unmasked GraphQL error.
  for (const [status, n] of Object.entries(input.records.statuses)) {
    if (status === "500" || status.endsWith("error:INTERNAL_SERVER_ERROR")) violations.push({ rule: "NO_INTERNAL_ERROR", detail: `${n} answer(s) ${status}` });
  }

  // Subscribers (see the header for what "saw" means).
  const disturbed = (from: number, until: number) => input.outages.some((o) => o.from <= until && o.until + FEED_DELIVERY_MS >= from);
  for (const t of tasks) {
    if (t.status !== "FINISHED" && t.status !== "FAILED") continue;
    const at = t.finished_at!.getTime();
    if (disturbed(at - FEED_WARMUP_MS, at + FEED_DELIVERY_MS)) continue;
    const covering = input.records.feeds.find(
      (f) => f.keyId === t.key_id && f.connectedAt + FEED_WARMUP_MS <= at && (f.closedAt ?? Number.POSITIVE_INFINITY) >= at + FEED_DELIVERY_MS,
    );
    if (covering && !covering.finals.has(t.id)) violations.push({ rule: "FEED_COVERED", detail: `task ${t.id} ended (${t.status}) while a feed of its key was up, and that feed never told it` });
  }
  for (const feed of input.records.feeds) for (const detail of feed.disorder) violations.push({ rule: "FEED_ORDER", detail: `key ${feed.keyId}: ${detail}` });
  const known = new Map<string, Set<string>>();
  for (const a of input.records.accepted) known.set(a.keyId, (known.get(a.keyId) ?? new Set()).add(a.taskId));
  for (const [keyId, seen] of input.seen) for (const id of seen.keys()) known.set(keyId, (known.get(keyId) ?? new Set()).add(id));
  for (const [keyId, ids] of known) {
    const seen = input.seen.get(keyId) ?? new Map();
    for (const id of ids) {
      const stored = byId.get(id);
      if (!stored) continue;
      const found = seen.get(id);
      const saw = found?.via === "after-run" && !input.downAtEnd.has(keyId) ? undefined : found;
      if (!saw) {
        const rel = (ms: number | null) => (ms === null ? "open" : `${((ms - input.startedAt) / 1000).toFixed(1)}s`);
        const feeds = input.records.feeds.filter((f) => f.keyId === keyId).map((f) => `${rel(f.connectedAt)}-${rel(f.closedAt)}`);
        const outages = input.outages.map((o) => `${o.what} ${rel(o.from)}-${rel(o.until)}`);
        violations.push({
          rule: "SUBSCRIBER_SAW_FINAL",
          detail: `the subscriber of key ${keyId} never saw task ${id} end (${stored.status} at ${rel(stored.finished_at?.getTime() ?? null)}; feeds ${feeds.join(" ")}; ${outages.join(", ")})`,
        });
      }
      else if (saw.status !== stored.status) violations.push({ rule: "SUBSCRIBER_SAW_FINAL", detail: `the subscriber of key ${keyId} saw task ${id} end ${saw.status}, stored ${stored.status}` });
    }
  }

  return {
    violations,
    figures: {
      tasks: tasks.length,
      finished: tasks.filter((t) => t.status === "FINISHED").length,
      failed: tasks.filter((t) => t.status === "FAILED").length,
      refunded: tasks.filter((t) => t.refunded).length,
      failures: Object.fromEntries(
        (await db.query<{ error: string; n: number }>("SELECT coalesce(error, '') AS error, count(*)::int AS n FROM tasks WHERE status = 'FAILED' GROUP BY 1")).rows.map((r) => [r.error, r.n]),
      ),
    },
  };
}
