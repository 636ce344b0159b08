import { Prisma, type PrismaClient } from "../../generated/prisma/client.ts";
import type { NewTask, TaskRecord } from "../../domain/task.ts";
import type { Micros } from "../../kernel/money.ts";
import { utcDay } from "../../kernel/utc-day.ts";
import type { OutputKind } from "../../catalog/types.ts";
import { ChargeNotMade, FINISHED_LATENCY_MAX_TASKS, SLOTS_PER_SWEEP, type FinishedLatencyQuery, type IdempotencyCompletion, type TaskRepo } from "../../services/ports/task-repo.ts";
import { batchPerTick } from "./batch-per-tick.ts";
import type { SqlClient } from "./sql.ts";
import { acceptedTask, claimedTaskFromRow, liveTaskFromRow, taskFromRow, type ClaimedTaskRow, type LiveTaskRow, type TaskRow } from "./task-row.ts";
import { EVENT_PARAMS_MAX } from "../../domain/task-events.ts";
import { assignAccounts, modelsWithoutFreeAccount } from "../../domain/account-assignment.ts";

/**
 * TaskRepo on PostgreSQL (or PGlite). Every transition is ONE statement guarded by status and
 * claim in its WHERE, so concurrent processes cannot apply it twice; the money that moves with a
 * transition (the charge with the task, the refund with a failure) moves in the same statement,
 * so no crash can separate them. The statements run on the driver (SqlClient; see createTaskRepo).
 */

const at = (ms: number) => new Date(ms);

/**
 * The columns a TaskRow holds, named: statements never return `*`, so a column added by a later
 * migration changes no running process's prepared statements or rows.
 */
const TASK_COLUMNS = "id, key_id, model, kind, status, request_params, params, adjustments, cost_micros, refunded_at, result, glb_urls, error, progress, account, attempts, created_at, updated_at, started_at, finished_at, slot_release_at, refund_at, hard_deadline_at, upstream_ref, upstream_attempt, vendor_cost";
const taskColumns = (table: string) => TASK_COLUMNS.split(", ").map((c) => `${table}.${c}`).join(", ");
const COLUMNS = Prisma.raw(TASK_COLUMNS);
const T_COLUMNS = Prisma.raw(taskColumns("t"));
/**
 * The columns of a row read to be published (TaskRepo.unpublished, publishedSince): its params
 * only while their JSON text, in bytes, stays within the event's bound (EVENT_PARAMS_MAX), so the
 * relay never reads large ones. PostgreSQL's JSON text (a space after each `:` and `,`, bytes)
 * is never shorter than JavaScript's, so a row it keeps whole, liveTask keeps whole too.
 */
const PARAMS_FIT = `coalesce(octet_length(params::text), 0) + coalesce(octet_length(request_params::text), 0) <= ${EVENT_PARAMS_MAX}`;
const LIVE_COLUMNS = Prisma.raw(
  TASK_COLUMNS.split(", ")
    .map((c) => (c === "params" || c === "request_params" ? `CASE WHEN ${PARAMS_FIT} THEN ${c} END AS ${c}` : c))
    .concat(`NOT (${PARAMS_FIT}) AS params_left_out`)
    .join(", "),
);
/** A claim's columns (ClaimedTask): the task's without its request as sent and its params. */
const CLAIMED_COLUMNS = TASK_COLUMNS.split(", ").filter((c) => c !== "request_params" && c !== "params");
const CLAIMED = Prisma.raw(CLAIMED_COLUMNS.join(", "));
const T_CLAIMED = Prisma.raw(CLAIMED_COLUMNS.map((c) => `t.${c}`).join(", "));


/**
 * The charge, for a batch of accepted generations ($1: a JSON array, one object per generation;
 * no two of one key, see batchPerTick): each key's usage row is raised only if its day stays
 * within the limit (`lim`: the caller's, or the key's stored limit when lower, the deployment's
 * default when none is stored: a limit lowered or reset since the caller read the key binds), and
 * not for a key stored revoked; a task exists only if its charge happened; an idempotency
 * reservation (`idem`, held since `token`) must still be ours, and is completed with the answer
 * in the same statement. Usage rows are taken in key order (bytes), as CREDIT_REFUNDS takes
 * them, so two statements that charge or credit several keys cannot deadlock.
 * It answers, per generation charged (by its task's id), only what the database
 * decides (the day's usage and the limit it held to): the task row is what its values and the
 * table's defaults make it (acceptedTask in task-row.ts), so no row is sent back, described and
 * parsed. The key reads are subqueries per generation, so each is an index lookup whatever the
 * planner guesses of the batch's size.
 */
const ACCEPT = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::text::jsonb) AS i(
      idem text, key_id text, token timestamptz, day date, cost bigint, lim_read bigint, unset bigint,
      id text, model text, kind text, request_params jsonb, params jsonb, adjustments jsonb, response jsonb,
      created_at timestamptz, slot_release_at timestamptz, refund_at timestamptz, hard_deadline_at timestamptz,
      lease_owner text, lease_until timestamptz)
  ), keyed AS (
    SELECT i.*, least(i.lim_read, coalesce((SELECT daily_limit_micros FROM api_keys WHERE id = i.key_id), i.unset, i.lim_read)) AS lim
    FROM input i
    WHERE coalesce((SELECT revoked_at IS NULL FROM api_keys WHERE id = i.key_id), true)
      AND (i.idem IS NULL OR EXISTS (
        SELECT 1 FROM idempotency_records
        WHERE key_id = i.key_id AND key = i.idem AND state = 'PENDING' AND created_at = i.token
        FOR UPDATE))
  ), charge AS (
    INSERT INTO daily_usage AS u (key_id, day, used_micros)
    SELECT key_id, day, cost FROM keyed
    WHERE cost <= lim
    ORDER BY key_id COLLATE "C"
    ON CONFLICT (key_id, day) DO UPDATE
      SET used_micros = u.used_micros + EXCLUDED.used_micros
      WHERE u.used_micros + EXCLUDED.used_micros <= (SELECT lim FROM keyed WHERE keyed.key_id = EXCLUDED.key_id)
    RETURNING u.key_id, u.used_micros
  ), charged AS (
    SELECT k.*, c.used_micros FROM keyed k JOIN charge c ON c.key_id = k.key_id
  ), created AS (
    INSERT INTO tasks (id, key_id, model, kind, status, request_params, params, adjustments, cost_micros, charge_day,
                       created_at, updated_at, slot_release_at, refund_at, hard_deadline_at, lease_owner, lease_until, event_pending)
    SELECT id, key_id, model, kind, 'QUEUED'::task_status, request_params, params, adjustments, cost, day,
           created_at, created_at, slot_release_at, refund_at, hard_deadline_at, lease_owner, lease_until, true
    FROM charged
    RETURNING id
  ), completed AS (
    UPDATE idempotency_records r SET state = 'DONE', task_id = c.id, response_status = 200,
           response = c.response || jsonb_build_object('remaining', c.lim - c.used_micros)
    FROM charged c
    WHERE c.idem IS NOT NULL AND r.key_id = c.key_id AND r.key = c.idem
    RETURNING r.key
  )
  SELECT id, used_micros, lim AS limit_micros FROM charged`;

/** Generations a batch of ACCEPT carries at most, and the characters of their JSON (one larger goes alone). */
const ACCEPT_BATCH_MAX = 64;
const ACCEPT_BATCH_MAX_CHARS = 1 << 20;

interface AcceptJson { readonly requestParams: string; readonly params: string; readonly adjustments: string }
interface AcceptInput { readonly keyId: string; readonly taskId: string; readonly text: string }
interface AcceptAnswer { readonly used: Micros; readonly limit: Micros }

/**
 * One generation's object in ACCEPT's $1. Its JSON values go in as the text acceptedTask parses
 * (so the row holds what the record says); instants as ISO text, whole milliseconds as the
 * columns keep them.
 */
function acceptText(task: NewTask, json: AcceptJson, limit: Micros, unset: Micros | null, idempotency: IdempotencyCompletion | undefined): string {
  const iso = (ms: number) => at(ms).toISOString();
  const scalars = JSON.stringify({
    idem: idempotency?.key ?? null,
    key_id: task.keyId,
    token: iso(idempotency?.token ?? task.now),
    day: utcDay(at(task.now)),
    cost: task.cost,
    lim_read: limit,
    unset,
    id: task.id,
    model: task.model,
    kind: task.output,
    created_at: iso(task.now),
    slot_release_at: iso(task.slotReleaseAt),
    refund_at: iso(task.refundAt),
    hard_deadline_at: iso(task.hardDeadlineAt),
    lease_owner: task.hold?.owner ?? null,
    lease_until: task.hold ? iso(task.hold.until) : null,
  });
  const response = JSON.stringify(idempotency?.response ?? {});
  return `{"request_params":${json.requestParams},"params":${json.params},"adjustments":${json.adjustments},"response":${response},${scalars.slice(1)}`;
}

/** Frees the pool account of the tasks a CTE `done` moved off PROCESSING. */
const FREE_ACCOUNT = Prisma.sql`freed AS (
      UPDATE pool_accounts SET busy_task = NULL WHERE busy_task IN (SELECT id FROM done) RETURNING id
    )`;

/**
 * Gives back, to the day each was charged to, the cost of the rows of a CTE `target` (id, key_id,
 * charge_day, cost_micros, refund) with `refund` set. Summed per key and day: an UPDATE ... FROM
 * applies only one joined row to each usage row. The usage rows are locked first, in key order
 * (bytes, as ACCEPT charges them), so this and a batch of accepts cannot deadlock.
 */
const CREDIT_REFUNDS = Prisma.sql`credit AS (
      SELECT key_id, charge_day, sum(cost_micros)::bigint AS amount FROM target WHERE refund GROUP BY key_id, charge_day
    ), usage_locked AS (
      SELECT u.key_id, u.day FROM daily_usage u JOIN credit c ON u.key_id = c.key_id AND u.day = c.charge_day
      ORDER BY u.key_id COLLATE "C", u.day
      FOR UPDATE OF u
    ), credited AS (
      UPDATE daily_usage u SET used_micros = u.used_micros - c.amount
      FROM credit c, usage_locked l
      WHERE u.key_id = c.key_id AND u.day = c.charge_day AND l.key_id = u.key_id AND l.day = u.day
      RETURNING u.key_id
    )`;

/**
 * The CTE `done` that moves the rows of a CTE `target` (see CREDIT_REFUNDS) to FAILED with
 * `error`, giving up their claims, and refunds those not refunded yet in the same statement: a
 * failed task is never committed unrefunded.
 */
const failTargets = (error: string, now: number) => Prisma.sql`done AS (
      UPDATE tasks t SET status = 'FAILED', error = ${error}, finished_at = ${at(now)}::timestamptz,
             updated_at = ${at(now)}::timestamptz, lease_owner = NULL, lease_until = NULL,
             refunded_at = coalesce(t.refunded_at, ${at(now)}::timestamptz), event_pending = true
      FROM target WHERE t.id = target.id
      RETURNING ${T_COLUMNS}, target.refund AS refunded_now
    ), ${CREDIT_REFUNDS}`;

/**
 * Clears the event mark of the rows still in a published state ($1: a JSON array of
 * {id, status, attempts, progress, refunded}). Every transition changes at least one of these, so
 * a transition committed after the published one keeps its row marked.
 */
const MARK_PUBLISHED = `
  UPDATE tasks t SET event_pending = false, event_published_at = now()
  FROM jsonb_to_recordset($1::text::jsonb) AS m(id text, status text, attempts int, progress int, refunded boolean)
  WHERE t.id = m.id AND t.event_pending AND t.status::text = m.status AND t.attempts = m.attempts
    AND t.progress = m.progress AND (t.refunded_at IS NOT NULL) = m.refunded`;

const isMicros = (n: number) => Number.isSafeInteger(n) && n >= 0;

function checkLatencyQuery(q: FinishedLatencyQuery): void {
  if (!Number.isInteger(q.perOutput) || q.perOutput < 1 || q.perOutput > FINISHED_LATENCY_MAX_TASKS)
    throw new RangeError(`finishedLatency: perOutput must be an integer from 1 to ${FINISHED_LATENCY_MAX_TASKS}, not ${q.perOutput}`);
  if (q.probabilities.length === 0 || q.probabilities.length > 101 || !q.probabilities.every((p) => p >= 0 && p <= 1))
    throw new RangeError("finishedLatency: 1 to 101 probabilities, each in [0, 1]");
  if (!Number.isFinite(q.since) || !Number.isFinite(q.until)) throw new RangeError("finishedLatency: since and until must be instants");
}

/**
 * Starting queued tasks, in three statements whatever their number: read the free accounts, then
 * the oldest startable tasks of the models that have one (at most STARTABLE_WINDOW of them), assign
 * them in code (domain/account-assignment.ts), then start every pair at once. The reads take no
 * lock, so the start re-checks each pair, and waits for no row another process holds (SKIP
 * LOCKED, accounts locked in id order): a task still QUEUED and startable, an account still free
 * and unlocked; a pair that fails either starts nothing, and the task stays QUEUED. Two processes
 * reading the same queue at once may pair the same tasks; the one that loses starts fewer this
 * pass, the next pass reads again.
 *
 * The queued tasks are read by the plain shape `status = 'QUEUED' ORDER BY created_at, id LIMIT n`
 * and the pairing is done in code, not by joining the queue to the accounts in SQL: PostgreSQL
 * answers the plain shape from the (status, created_at, id) index whatever its statistics, while a
 * join planned on the statistics of a small table sorts the whole queue on every call.
 */
const FREE_ACCOUNTS = `
  SELECT id FROM pool_accounts
  WHERE id <= $1::int AND busy_task IS NULL AND (locked_until IS NULL OR locked_until <= $2::timestamptz)
  ORDER BY id`;

/** The share of a lease that passes before a claim rewrites it (task-driver.ts claims every pass). */
export const RENEW_AFTER = 0.25;

/** Queued tasks one start reads at most: a task behind more startable ones waits for them to start. */
export const STARTABLE_WINDOW = 256;

const STARTABLE_TASKS = `
  SELECT id, model, account FROM tasks
  WHERE status = 'QUEUED' AND (lease_owner IS NULL OR lease_owner = $1 OR lease_until <= $2::timestamptz)
    AND model <> ALL (ARRAY(SELECT jsonb_array_elements_text($4::text::jsonb)))
  ORDER BY created_at, id
  LIMIT $3::int`;

// A task starts no earlier than its acceptance: one accepted after the pass read its clock (`$4`)
// but before the pass read the queue starts at its own created_at.
const START_ASSIGNED = `
  WITH pairs AS (
    SELECT p.task, p.account FROM jsonb_to_recordset($1::text::jsonb) AS p(task text, account int)
  ), startable AS (
    SELECT t.id, p.account FROM tasks t JOIN pairs p ON p.task = t.id
    WHERE t.status = 'QUEUED' AND (t.lease_owner IS NULL OR t.lease_owner = $2 OR t.lease_until <= $3::timestamptz)
    FOR UPDATE OF t SKIP LOCKED
  ), accounts AS (
    SELECT a.id, s.id AS task FROM pool_accounts a JOIN startable s ON a.id = s.account
    WHERE a.busy_task IS NULL AND (a.locked_until IS NULL OR a.locked_until <= $3::timestamptz)
    ORDER BY a.id
    FOR UPDATE OF a SKIP LOCKED
  ), taken AS (
    UPDATE pool_accounts a SET busy_task = x.task
    FROM accounts x
    WHERE a.id = x.id
    RETURNING a.id, a.busy_task
  )
  UPDATE tasks t SET status = 'PROCESSING', account = taken.id, attempts = t.attempts + 1, progress = 0,
         started_at = GREATEST($4::timestamptz, t.created_at), updated_at = GREATEST($4::timestamptz, t.created_at),
         lease_owner = $2, lease_until = $5::timestamptz, event_pending = true
  FROM taken WHERE t.id = taken.busy_task AND t.status = 'QUEUED'
  RETURNING ${taskColumns("t")}`;

/**
 * Whether a failed statement did nothing: PostgreSQL refused it with a SQLSTATE (the statement, in
 * its own transaction, was rolled back; or the connection was refused before it was sent: a bad
 * password, too many clients), or no connection could be had for it (refused, or none free in
 * time). Not a lost connection (no SQLSTATE: the server may still commit it, waiting on a row
 * lock, say), nor the SQLSTATEs that end a session under way: class 08 (connection exception),
 * 57P01/57P02/57P04 (shutdown, crash, database dropped), 58 (system error) and XX (internal).
 * By SQLSTATE, not severity: the severity a server sends is in its own language.
 * https://www.postgresql.org/docs/15/errcodes-appendix.html
 */
function didNothing(error: unknown): boolean {
  const e = error as { code?: unknown; severity?: unknown; message?: unknown } | null;
  if (typeof e?.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === "string") return !/^(08|58|XX|57P0[124])/.test(e.code);
  return e?.code === "ECONNREFUSED" || (typeof e?.message === "string" && /timeout exceeded when trying to connect/.test(e.message));
}

/**
 * Whether a batch that failed may have failed for one of its generations, so that each, sent
 * alone, gets its own outcome: PostgreSQL refused it (didNothing) for its data (class 22), a
 * constraint (23), a row touched twice (21000) or a deadlock or serialization failure (40, but
 * not 40003, whose outcome is unknown). Not a
 * database out of connections, shutting down or cancelling statements, which sending each alone
 * would only ask again, many times over.
 */
function refusedForItsRows(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return didNothing(error) && typeof code === "string" && /^(2[123]|40)/.test(code) && code !== "40003";
}

export function createTaskRepo(prisma: PrismaClient, sql: SqlClient): TaskRepo {
  // The statements of a task's way (accept, start, claim, upstream, progress, final states,
  // refunds, deadlines, leases) and the reads of tasks run on the driver (sql.ts): most run per
  // task or per pass, and Prisma's runtime costs several times the driver's CPU per statement.
  // They are written as Prisma.sql templates all the same, whose `text` and `values` the driver
  // takes as they are (JSON sent as text and cast `::text::jsonb`, as sql.ts asks). The rare
  // reports (spend by model, latency quantiles, models of a set of tasks) stay with Prisma.
  const onDriver = <Row extends object>(query: Prisma.Sql) => sql.query<Row>(query.text, query.values);
  const one = async (query: Prisma.Sql) => {
    const rows = await onDriver<TaskRow>(query);
    return rows[0] ? taskFromRow(rows[0]) : null;
  };
  const many = async (query: Prisma.Sql) => (await onDriver<TaskRow>(query)).map(taskFromRow);

  const startQueued: TaskRepo["startQueued"] = async (args) => {
    const now = at(args.now);
    const free = await sql.query<{ id: number }>(FREE_ACCOUNTS, [args.poolSize, now]);
    if (free.length === 0) return [];
    const ids = free.map((row) => row.id);
    const passedBy = args.accountsByModel ? modelsWithoutFreeAccount(ids, args.accountsByModel) : [];
    const candidates = await sql.query<{ id: string; model: string; account: number | null }>(STARTABLE_TASKS, [
      args.owner, now, args.window ?? STARTABLE_WINDOW, JSON.stringify(passedBy),
    ]);
    const pairs = assignAccounts(candidates, ids, args);
    if (pairs.length === 0) return [];
    const rows = await sql.query<TaskRow>(START_ASSIGNED, [JSON.stringify(pairs), args.owner, now, now, at(args.leaseUntil)]);
    // In the order the tasks were taken (oldest first), as the events are published.
    const order = new Map(pairs.map((pair, i) => [pair.task, i]));
    return rows.map(taskFromRow).sort((x, y) => order.get(x.id)! - order.get(y.id)!);
  };

  // Accepted generations of one tick share one statement (batch-per-tick.ts).
  const acceptInBatch = batchPerTick<AcceptInput, AcceptAnswer | null>({
    max: ACCEPT_BATCH_MAX,
    groupOf: (input) => input.keyId,
    weigh: (input) => input.text.length,
    maxWeight: ACCEPT_BATCH_MAX_CHARS,
    retryAlone: refusedForItsRows,
    run: async (inputs) => {
      const rows = await sql.query<{ id: string; used_micros: bigint | string; limit_micros: bigint | string }>(ACCEPT, [`[${inputs.map((input) => input.text).join(",")}]`]);
      const charged = new Map(rows.map((row) => [row.id, { used: Number(row.used_micros), limit: Number(row.limit_micros) }]));
      return inputs.map((input) => charged.get(input.taskId) ?? null);
    },
  });

  return {
    async accept(task: NewTask, limits, idempotency) {
      const limit = typeof limits === "number" ? limits : limits.read;
      const unset = typeof limits === "number" ? null : limits.unset;
      // Refused before anything is sent: the charge is known not to have been made.
      if (!isMicros(task.cost)) throw new ChargeNotMade(new RangeError(`accept: the cost must be a non-negative safe integer of micro-dollars, not ${task.cost}`));
      if (!isMicros(limit) || (unset !== null && !isMicros(unset))) throw new ChargeNotMade(new RangeError(`accept: the limits must be non-negative safe integers of micro-dollars, not ${limit} and ${unset}`));
      let json: AcceptJson;
      let text: string;
      try {
        json = { requestParams: JSON.stringify(task.requestParams ?? {}), params: JSON.stringify(task.params), adjustments: JSON.stringify(task.adjustments) };
        text = acceptText(task, json, limit, unset, idempotency);
      } catch (error) {
        throw new ChargeNotMade(error);
      }
      const answer = await acceptInBatch({ keyId: task.keyId, taskId: task.id, text }).catch((error: unknown) => {
        throw didNothing(error) ? new ChargeNotMade(error) : error;
      });
      return answer ? { task: acceptedTask(task, json), used: answer.used, limit: answer.limit } : null;
    },

    async usedOn(keyId, day) {
      const rows = await onDriver<{ used_micros: bigint | string }>(Prisma.sql`
        SELECT used_micros FROM daily_usage WHERE key_id = ${keyId} AND day = ${day}::date`);
      return rows[0] === undefined ? 0 : Number(rows[0].used_micros);
    },

    find: (id) => one(Prisma.sql`SELECT ${COLUMNS} FROM tasks WHERE id = ${id}`),

    async list(query) {
      const conditions = [Prisma.sql`key_id = ${query.keyId}`];
      if (query.status?.length) conditions.push(Prisma.sql`status IN (${Prisma.join(query.status.map((s) => Prisma.sql`${s}::task_status`))})`);
      if (query.model) conditions.push(Prisma.sql`model = ${query.model}`);
      if (query.after) {
        const anchor = await prisma.$queryRaw<{ created_at: Date; id: string }[]>`
          SELECT created_at, id FROM tasks WHERE id = ${query.after} AND key_id = ${query.keyId}`;
        if (!anchor[0]) return { tasks: [], hasMore: false };
        conditions.push(Prisma.sql`(created_at, id) < (${anchor[0].created_at}::timestamptz, ${anchor[0].id})`);
      }
      const rows = await many(
        Prisma.sql`SELECT ${COLUMNS} FROM tasks WHERE ${Prisma.join(conditions, " AND ")} ORDER BY created_at DESC, id DESC LIMIT ${query.first + 1}::int`,
      );
      return { tasks: rows.slice(0, query.first), hasMore: rows.length > query.first };
    },

    active: (keyId) =>
      many(Prisma.sql`SELECT ${COLUMNS} FROM tasks WHERE key_id = ${keyId} AND status IN ('QUEUED', 'PROCESSING') ORDER BY created_at DESC, id DESC`),

    recent: (keyId, limit) =>
      many(Prisma.sql`
        SELECT ${COLUMNS} FROM tasks WHERE key_id = ${keyId} AND status IN ('FINISHED', 'FAILED')
        ORDER BY finished_at DESC, id DESC LIMIT ${limit}::int`),

    async modelsOf(ids) {
      if (!ids.length) return new Map();
      const rows = await prisma.$queryRaw<{ id: string; model: string }[]>`SELECT id, model FROM tasks WHERE id IN (${Prisma.join([...ids])})`;
      return new Map(rows.map((r) => [r.id, r.model]));
    },

    async spendByModel(keyId, day) {
      const rows = await prisma.$queryRaw<{ model: string; requests: bigint; cost: bigint }[]>`
        SELECT model, count(*) AS requests, coalesce(sum(CASE WHEN refunded_at IS NULL THEN cost_micros ELSE 0 END), 0) AS cost
        FROM tasks WHERE key_id = ${keyId} AND charge_day = ${day}::date
        GROUP BY model ORDER BY model`;
      return rows.map((row) => ({ model: row.model, requests: Number(row.requests), cost: Number(row.cost) }));
    },

    // Per kind, the newest FINISHED tasks by acceptance: a backward scan of (status, created_at, id)
    // that stops after perOutput rows of the kind; percentile_cont then reduces them to one row.
    // started_at is the last attempt's start (each start sets it), so the difference is the
    // attempt that finished, result downloads included.
    async finishedLatency(query) {
      checkLatencyQuery(query);
      if (query.outputs.length === 0) return [];
      const probabilities = Prisma.join(query.probabilities.map((p) => Prisma.sql`${p}::float8`));
      const outputs = Prisma.join(query.outputs.map((o) => Prisma.sql`${o}::text`));
      const rows = await prisma.$queryRaw<{ output: string; tasks: number; seconds: number[] | null }[]>`
        SELECT k.output, count(o.seconds)::int AS tasks,
               percentile_cont(ARRAY[${probabilities}]) WITHIN GROUP (ORDER BY o.seconds) AS seconds
        FROM unnest(ARRAY[${outputs}]) AS k(output)
        LEFT JOIN LATERAL (
          SELECT extract(epoch FROM t.finished_at - t.started_at)::float8 AS seconds FROM tasks t
          WHERE t.status = 'FINISHED' AND t.kind = k.output
            AND t.created_at > ${at(query.since)}::timestamptz AND t.created_at <= ${at(query.until)}::timestamptz
            AND t.started_at IS NOT NULL AND t.finished_at >= t.started_at
          ORDER BY t.created_at DESC, t.id DESC
          LIMIT ${query.perOutput}::int
        ) o ON true
        GROUP BY k.output`;
      const byOutput = new Map(rows.map((row) => [row.output, row]));
      return query.outputs.map((output: OutputKind) => {
        const row = byOutput.get(output);
        const tasks = row?.tasks ?? 0;
        return { output, tasks, seconds: tasks > 0 && row?.seconds ? row.seconds.map(Number) : [] };
      });
    },

    startQueued,
    startNextQueued: async (args) => (await startQueued(Object.assign({}, args, { max: 1 })))[0] ?? null,

    // A lease of this process is rewritten only once a quarter of it has passed (RENEW_AFTER): a
    // pass every 100 ms over a thousand running tasks would otherwise write a thousand rows each
    // time. The others are read as they are.
    // Params only for a task new to `owner` (its lease was another's, or none): ClaimedTask.
    claimProcessing: async (args) => {
      const renewBefore = args.now + (args.leaseUntil - args.now) * (1 - RENEW_AFTER);
      const rows = await onDriver<ClaimedTaskRow>(Prisma.sql`
        WITH due AS (
          SELECT id, lease_owner AS was FROM tasks
          WHERE status = 'PROCESSING'
            AND ((lease_owner = ${args.owner} AND lease_until < ${at(renewBefore)}::timestamptz)
                 OR lease_until IS NULL OR lease_until < ${at(args.now)}::timestamptz)
          ORDER BY started_at
          LIMIT ${args.limit}::int FOR UPDATE SKIP LOCKED
        ), renewed AS (
          UPDATE tasks t SET lease_owner = ${args.owner}, lease_until = ${at(args.leaseUntil)}::timestamptz
          FROM due WHERE t.id = due.id
          RETURNING ${T_CLAIMED}, CASE WHEN due.was IS DISTINCT FROM ${args.owner} THEN t.params END AS params
        )
        SELECT * FROM renewed
        UNION ALL
        (SELECT ${CLAIMED}, NULL::jsonb AS params FROM tasks
         WHERE status = 'PROCESSING' AND lease_owner = ${args.owner} AND lease_until >= ${at(renewBefore)}::timestamptz
         ORDER BY started_at LIMIT ${args.limit}::int)`);
      return rows.map(claimedTaskFromRow);
    },

    async paramsOf(ids) {
      if (ids.length === 0) return new Map();
      const rows = await onDriver<{ id: string; params: TaskRecord["params"] }>(Prisma.sql`SELECT id, params FROM tasks WHERE id IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::text::jsonb))`);
      return new Map(rows.map((row) => [row.id, row.params ?? {}]));
    },

    renewLeases: async (args) =>
      args.ids.length === 0
        ? 0
        : (
            await onDriver(Prisma.sql`
              UPDATE tasks SET lease_until = ${at(args.leaseUntil)}::timestamptz
              WHERE id IN (SELECT jsonb_array_elements_text(${JSON.stringify(args.ids)}::text::jsonb))
                AND status = 'PROCESSING' AND lease_owner = ${args.owner}
              RETURNING id`)
          ).length,

    setProgress: (args) =>
      one(Prisma.sql`
        UPDATE tasks SET progress = ${args.progress}::int, updated_at = ${at(args.now)}::timestamptz, event_pending = true
        WHERE id = ${args.id} AND status = 'PROCESSING' AND lease_owner = ${args.owner} AND progress < ${args.progress}::int
        RETURNING ${COLUMNS}`),

    setUpstream: (args) =>
      one(Prisma.sql`
        UPDATE tasks SET upstream_ref = ${args.ref}, upstream_attempt = ${args.attempt}::int, updated_at = ${at(args.now)}::timestamptz
        WHERE id = ${args.id} AND status = 'PROCESSING' AND lease_owner = ${args.owner} AND attempts = ${args.attempt}::int
        RETURNING ${COLUMNS}`),

    finish: (args) =>
      one(Prisma.sql`
        WITH done AS (
          UPDATE tasks SET status = 'FINISHED', result = ${JSON.stringify(args.result)}::text::jsonb,
                 vendor_cost = ${args.vendorCost === undefined ? null : JSON.stringify(args.vendorCost)}::text::jsonb,
                 glb_urls = ${args.glb.length ? JSON.stringify(args.glb) : null}::text::jsonb, progress = 100,
                 finished_at = ${at(args.now)}::timestamptz, updated_at = ${at(args.now)}::timestamptz,
                 lease_owner = NULL, lease_until = NULL, event_pending = true
          WHERE id = ${args.id} AND status = 'PROCESSING' AND lease_owner = ${args.owner}
          RETURNING ${COLUMNS}
        ), ${FREE_ACCOUNT}
        SELECT ${COLUMNS} FROM done`),

    // The row lock taken first (target) serializes a failure with a concurrent refund, so
    // `target.refund` says whether this statement is the one that gives the charge back.
    fail: async (args) => {
      const rows = await onDriver<TaskRow & { refunded_now: boolean }>(Prisma.sql`
        WITH target AS (
          SELECT id, key_id, charge_day, cost_micros, (refunded_at IS NULL) AS refund FROM tasks
          WHERE id = ${args.id} AND status = 'PROCESSING' AND lease_owner = ${args.owner}
          FOR UPDATE
        ), ${failTargets(args.error, args.now)}, ${FREE_ACCOUNT}
        SELECT ${COLUMNS}, refunded_now FROM done`);
      const row = rows[0];
      return row ? Object.assign(taskFromRow(row), { refundedNow: row.refunded_now }) : null;
    },

    requeue: (args) =>
      one(Prisma.sql`
        WITH done AS (
          UPDATE tasks SET status = 'QUEUED', progress = 0, updated_at = ${at(args.now)}::timestamptz,
                 lease_owner = ${args.owner}, lease_until = ${at(args.holdUntil)}::timestamptz, event_pending = true
          WHERE id = ${args.id} AND status = 'PROCESSING' AND lease_owner = ${args.owner}
          RETURNING ${COLUMNS}
        ), ${FREE_ACCOUNT}
        SELECT ${COLUMNS} FROM done`),

    // A concurrent second refund waits for the first's row lock, then finds refunded_at set.
    refund: (id, now) =>
      one(Prisma.sql`
        WITH target AS (
          SELECT id, key_id, charge_day, cost_micros, true AS refund FROM tasks
          WHERE id = ${id} AND refunded_at IS NULL AND status IN ('QUEUED', 'PROCESSING')
          FOR UPDATE
        ), done AS (
          UPDATE tasks t SET refunded_at = ${at(now)}::timestamptz, event_pending = true
          FROM target WHERE t.id = target.id
          RETURNING ${T_COLUMNS}
        ), ${CREDIT_REFUNDS}
        SELECT ${COLUMNS} FROM done`),

    expireHardDeadlines: async (now, error) =>
      (
        await onDriver<TaskRow & { refunded_now: boolean }>(Prisma.sql`
        WITH target AS (
          SELECT id, key_id, charge_day, cost_micros, (refunded_at IS NULL) AS refund FROM tasks
          WHERE status IN ('QUEUED', 'PROCESSING') AND hard_deadline_at <= ${at(now)}::timestamptz
          LIMIT 500 FOR UPDATE SKIP LOCKED
        ), ${failTargets(error, now)}, ${FREE_ACCOUNT}
        SELECT ${COLUMNS}, refunded_now FROM done`)
      ).map((row) => Object.assign(taskFromRow(row), { refundedNow: row.refunded_now })),

    async dueRefunds(now) {
      const rows = await onDriver<{ id: string }>(Prisma.sql`
        SELECT id FROM tasks
        WHERE status IN ('QUEUED', 'PROCESSING') AND refunded_at IS NULL AND refund_at <= ${at(now)}::timestamptz
        ORDER BY refund_at LIMIT 500`);
      return rows.map((r) => r.id);
    },

    async slotsExpiredBetween(since, until) {
      const rows = await onDriver<{ id: string; key_id: string; slot_release_at: Date }>(Prisma.sql`
        SELECT id, key_id, slot_release_at FROM tasks
        WHERE status IN ('QUEUED', 'PROCESSING') AND slot_release_at > ${at(since)}::timestamptz AND slot_release_at <= ${at(until)}::timestamptz
        ORDER BY slot_release_at
        LIMIT ${SLOTS_PER_SWEEP}::int`);
      return rows.map((r) => ({ id: r.id, keyId: r.key_id, at: r.slot_release_at.getTime() }));
    },

    // Only the state that was published is marked: a row that moved on since keeps its mark.
    async markPublished(states) {
      if (!states.length) return;
      const marks = states.map((t) => ({ id: t.id, status: t.status, attempts: t.attempts, progress: t.progress, refunded: t.refunded }));
      await sql.query(MARK_PUBLISHED, [JSON.stringify(marks)]);
    },

    unpublished: async (before, limit, after) =>
      (
        await onDriver<LiveTaskRow>(Prisma.sql`
        SELECT ${LIVE_COLUMNS} FROM tasks
        WHERE event_pending AND updated_at <= ${at(before)}::timestamptz
          AND (refunded_at IS NULL OR refunded_at <= ${at(before)}::timestamptz)
          ${after ? Prisma.sql`AND (updated_at, id) > (${at(after.at)}::timestamptz, ${after.id}::text)` : Prisma.empty}
        ORDER BY updated_at, id LIMIT ${limit}::int`)
      ).map(liveTaskFromRow),

    // Instants in the cursor are microseconds since the epoch, as text (exact, whatever the
    // column's precision). The bound is the first page's now() rounded as the column rounds a
    // clearing's now() (timestamptz(3)): a clearing committed before that read began is dated
    // at or before it, rounding keeping their order.
    async publishedSince(since, limit, after) {
      const micros = (instant: string) => Prisma.sql`(timestamptz 'epoch' + ${instant}::bigint * interval '1 microsecond')`;
      const rows = await onDriver<LiveTaskRow & { published_us: string; until_us: string }>(Prisma.sql`
        WITH bound AS (SELECT ${after ? micros(after.until) : Prisma.sql`now()::timestamptz(3)`} AS until)
        SELECT ${LIVE_COLUMNS}, (extract(epoch FROM event_published_at) * 1000000)::bigint::text AS published_us,
               (extract(epoch FROM bound.until) * 1000000)::bigint::text AS until_us
        FROM tasks, bound
        WHERE event_published_at >= ${at(since)}::timestamptz AND event_published_at <= bound.until
          ${after ? Prisma.sql`AND (event_published_at, id) > (${micros(after.publishedAt)}, ${after.id}::text)` : Prisma.empty}
        ORDER BY event_published_at, id LIMIT ${limit}::int`);
      return rows.map((row) => ({ task: liveTaskFromRow(row), cursor: { publishedAt: row.published_us, id: row.id, until: row.until_us } }));
    },

    releaseClaims: async (owner) =>
      (
        await onDriver(Prisma.sql`
          UPDATE tasks SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ${owner} AND status IN ('QUEUED', 'PROCESSING')
          RETURNING id`)
      ).length,

    // Two index-only counts on (status, ...): the live states stay small however long the history.
    async liveCounts() {
      const rows = await onDriver<{ queued: number; processing: number }>(Prisma.sql`
        SELECT (SELECT count(*)::int FROM tasks WHERE status = 'QUEUED') AS queued,
               (SELECT count(*)::int FROM tasks WHERE status = 'PROCESSING') AS processing`);
      return { queued: rows[0]?.queued ?? 0, processing: rows[0]?.processing ?? 0 };
    },
  };
}
