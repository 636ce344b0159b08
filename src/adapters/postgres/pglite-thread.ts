/**
 * Embedded PGlite on a worker thread of its own (pglite-worker.ts), behind the part of PGlite's
 * interface the gateway uses (query, exec, transaction). PGlite is PostgreSQL compiled to
 * WebAssembly: each statement runs synchronously on the thread that holds it, so on the main
 * thread every query of every client stopped the event loop for as long as it ran. On its own
 * thread, queries run on the other core while the event loop reads sockets and answers requests;
 * the main thread only posts the statement and reads the reply.
 *
 * The rules this keeps, so callers see PGlite's own behaviour:
 *  - Values come back parsed exactly as PGlite parses them (the caller's parsers over PGlite's
 *    defaults, array types included): the worker returns each value as the text PostgreSQL sent,
 *    because parser functions cannot cross threads.
 *  - Parameters cross by structured clone: primitives, arrays, plain objects, typed arrays and
 *    dates, as the gateway sends them (a class instance would lose its prototype). Of the query
 *    options, `rowMode` and `parsers` apply.
 *  - PostgreSQL's errors come back as PGlite's DatabaseError with every field (code, constraint,
 *    detail…), so callers that map unique violations and other codes read them as before.
 *  - A transaction is exclusive, as with PGlite in process: the worker runs it in PGlite's own
 *    transaction(), so queries sent meanwhile outside it wait for its end; its own queries carry
 *    its id. Ended by the callback's return (COMMIT), its throw or tx.rollback() (ROLLBACK).
 *  - Clients take turns (clientOf): the worker serves statements and transactions in rotation by
 *    client (pglite-worker.ts), so the turn passes on as soon as a statement ends there, not when
 *    the main thread next reads the worker's replies.
 *  - The worker keeps the process alive only while a reply is awaited, as a socket would.
 *  - If the worker dies, every request waiting fails with PgliteUnavailableError (the faces answer
 *    it 503 SERVICE_UNAVAILABLE, http/unavailable.ts), and so does every later one until the
 *    database is open again: on a data directory, a new worker opens it (PostgreSQL's recovery
 *    replays what was committed), tried again after RESTART_FIRST_MS, doubling to RESTART_MAX_MS
 *    while it fails. A transaction begun on the dead worker is over: its statements fail too. In
 *    memory there is nothing to reopen: the database stays unavailable (the readiness probe says
 *    so) until the process restarts.
 *  - `setup` runs on every open, before any statement: session settings survive a restart.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { messages, types, type PGlite, type QueryOptions, type Results, type Transaction } from "@electric-sql/pglite";
import { workerEntry } from "../../kernel/worker-entry.ts";

/** The part of PGlite's interface the gateway uses (Prisma's adapter, migrations, hot statements). */
export type PgliteSession = Pick<PGlite, "query" | "exec" | "transaction">;

export interface PgliteThread extends PgliteSession {
  close(): Promise<void>;
}

export interface PgliteThreadOptions {
  /** The data directory; absent: in memory. */
  readonly dataDir?: string;
  /**
   * In memory: the path of a data-directory dump (PGlite's dumpDataDir, uncompressed) the database
   * starts from, instead of running initdb (the tests open one for each gateway they start).
   */
  readonly template?: string;
  readonly startParams: readonly string[];
  /** SQL run on every open before any statement (session settings). */
  readonly setup?: string;
  /**
   * Who the current statement is for (src/http/request-client.ts): statements, and transactions as
   * a whole, take turns by client in the worker. Named only for a statement sent while others are
   * pending or a transaction is open (one sent to an idle worker starts at once). Absent: one line
   * for all.
   */
  readonly clientOf?: () => string;
  /** Told of every worker started, the first and each restart (tests end one to see the restart). */
  readonly onWorker?: (worker: Worker) => void;
}

/** What the worker is given to open the database. */
export interface PgliteWorkerData {
  readonly dataDir?: string;
  readonly template?: string;
  readonly startParams: readonly string[];
  readonly setup?: string;
}

/**
 * The database's worker is gone (it died, or a new one is not open yet). A request sent meanwhile
 * did not run; one pending when the worker died may have run, its reply lost, as with a connection
 * lost mid-statement.
 */
export class PgliteUnavailableError extends Error {
  override readonly name = "PgliteUnavailableError";
}

/**
 * An operation for the worker. `tx`: the transaction it belongs to (absent: none). `client`: whose
 * it is, for the worker's turns (absent: sent while nothing else was pending, so it had no one to
 * wait behind).
 */
export type PgliteOperation =
  | { readonly op: "query"; readonly sql: string; readonly params: readonly unknown[]; readonly tx?: number; readonly client?: string }
  | { readonly op: "exec"; readonly sql: string; readonly tx?: number; readonly client?: string }
  | { readonly op: "begin"; readonly tx: number; readonly client?: string }
  | { readonly op: "end"; readonly tx: number; readonly commit: boolean }
  | { readonly op: "close" };

/** A request to the worker: an operation and the id its reply carries. */
export type PgliteRequest = PgliteOperation & { readonly id: number };

/** A result set as the worker sends it: every value the text PostgreSQL sent (or null), the rest as PGlite gives it. */
export interface RawResults {
  readonly rows: readonly (readonly (string | null)[])[];
  readonly fields: readonly { readonly name: string; readonly dataTypeID: number }[];
  readonly affectedRows?: number;
  readonly command?: string;
  readonly rowCount?: number;
}

/** A failed request: PostgreSQL's error with its fields, or another error's message. */
export interface PgliteFailure {
  readonly message: string;
  readonly database?: { readonly length: number; readonly name: string; readonly fields: Readonly<Record<string, unknown>> };
}

/** An array type and the type of its elements (PGlite parses arrays with the element's parser). */
export interface ArrayType {
  readonly typarray: number;
  readonly element: number;
}

/** The worker's answer to request `id` (`ready`: the database is open, with its array types). */
export type PgliteReply =
  | { readonly ready: true; readonly arrays: readonly ArrayType[] }
  | { readonly id: number; readonly results: readonly RawResults[] }
  | { readonly id: number; readonly failure: PgliteFailure }
  | { readonly fatal: string };

/** PostgreSQL's error fields PGlite's DatabaseError carries (pg-protocol's parser sets these). */
export const DATABASE_ERROR_FIELDS = [
  "severity", "code", "detail", "hint", "position", "internalPosition", "internalQuery", "where",
  "schema", "table", "column", "dataType", "constraint", "file", "line", "routine",
] as const;

/** The error as the caller of PGlite would have seen it. */
function errorOf(failure: PgliteFailure): Error {
  if (!failure.database) return new Error(failure.message);
  const { length, name, fields } = failure.database;
  return Object.assign(new messages.DatabaseError(failure.message, length, name as messages.MessageName), fields);
}

type Parsers = Readonly<Record<number | string, types.Parser>>;

/** PGlite's default parsers for this database: its scalar types', and one per array type over its element's (base.ts _initArrayTypes). */
function defaultParsers(arrays: readonly ArrayType[]): Parsers {
  const parsers: Record<number | string, types.Parser> = Object.assign({}, types.parsers);
  for (const { typarray, element } of arrays) parsers[typarray] = (text) => types.arrayParser(text, parsers[element]!, typarray);
  return parsers;
}

/** A value as PGlite's parseResults gives it: null, the type's parser's answer, or the text. */
function parseValue(text: string | null, type: number, parsers: Parsers): unknown {
  if (text === null) return null;
  const parse = parsers[type];
  return parse ? parse(text, type) : text;
}

/** PGlite's result, parsed as PGlite parses it (parse.ts: the caller's parsers over the defaults). */
function parsed<T>(raw: RawResults, parsers: Parsers, rowMode: QueryOptions["rowMode"]): Results<T> {
  const { fields } = raw;
  const rows =
    rowMode === "array"
      ? raw.rows.map((row) => row.map((value, i) => parseValue(value, fields[i]!.dataTypeID, parsers)))
      : raw.rows.map((row) => Object.fromEntries(row.map((value, i) => [fields[i]!.name, parseValue(value, fields[i]!.dataTypeID, parsers)])));
  return Object.assign({}, raw, { rows: rows as T[] }) as Results<T>;
}

/** The PGlite worker's entry file (compiled JavaScript; see kernel/worker-entry.ts). */
export function pgliteWorkerEntry(moduleUrl: string = import.meta.url): URL {
  return workerEntry(moduleUrl, "pglite-worker");
}

const CLOSE_WAIT_MS = 5_000;
/** After a worker died: the first attempt to open the database again, and the longest wait between two. */
export const RESTART_FIRST_MS = 100;
export const RESTART_MAX_MS = 5_000;

/** Statements outside a transaction, and BEGIN, take the worker's turns (the others run in a turn already held, or end one). */
const takesTurn = (operation: PgliteOperation): boolean => operation.op === "begin" || ((operation.op === "query" || operation.op === "exec") && operation.tx === undefined);

/** Opens the database on a new worker thread; resolves once it is ready for queries. */
export async function openPgliteThread(options: PgliteThreadOptions): Promise<PgliteThread> {
  const entry = pgliteWorkerEntry();
  if (!existsSync(entry)) throw new Error(`PGlite worker not built: ${fileURLToPath(entry)} is missing (run \`npm run build\`)`);
  const workerData: PgliteWorkerData = { dataDir: options.dataDir, template: options.dataDir === undefined ? options.template : undefined, startParams: [...options.startParams], setup: options.setup };
  type Waiter = { resolve: (results: readonly RawResults[]) => void; reject: (error: Error) => void };
  const pending = new Map<number, Waiter>();
  let nextId = 0;
  let nextTx = 0;
  /** Transactions begun on the current worker and not yet ended: while one is open, the worker's turn is held. */
  let openTransactions = 0;
  /** Counts the workers started: a transaction belongs to the one it began on. */
  let generation = 0;
  /** Set while the worker is dead and a new one not yet ready: every request fails with it. */
  let down: Error | undefined;
  /** Set once closed, or when the worker died with nothing to reopen: for good. */
  let broken: Error | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  let restartWait = RESTART_FIRST_MS;
  /** The current worker: the first once ready, then each restart's. */
  let worker!: Worker;
  /** A worker started and not yet ready. */
  let starting: Worker | undefined;
  /** When the current worker became current (performance.now()). */
  let upSince = 0;

  /**
   * Starts a worker; resolves with its array types once the database is open, rejects if it fails
   * first. Once ready, its death reaches `died` once, on its 'exit' (an uncaught error emits 'error'
   * and then 'exit'; the replies it posted before are delivered before 'exit'), and only while it is
   * the current worker.
   */
  const startWorker = (): Promise<{ worker: Worker; arrays: readonly ArrayType[] }> =>
    new Promise((resolve, reject) => {
      const started = new Worker(entry, { workerData });
      starting = started;
      let ready = false;
      let failure: Error | undefined;
      const failed = (error: Error) => {
        if (starting !== started) return;
        starting = undefined;
        reject(error);
        void started.terminate();
      };
      started.on("message", (reply: PgliteReply) => {
        if ("ready" in reply) {
          ready = true;
          starting = undefined;
          return resolve({ worker: started, arrays: reply.arrays });
        }
        if ("fatal" in reply) return failed(new Error(reply.fatal));
        if (started !== worker) return;
        const waiter = pending.get(reply.id);
        if (!waiter) return;
        settled(reply.id);
        if ("failure" in reply) waiter.reject(errorOf(reply.failure));
        else waiter.resolve(reply.results);
      });
      started.on("error", (error) => {
        failure ??= error;
        if (!ready) failed(error);
      });
      started.on("exit", (code) => {
        const cause = failure ?? new Error(`the PGlite worker exited with code ${code}`);
        if (!ready) failed(cause);
        else if (started === worker) died(cause);
      });
      options.onWorker?.(started);
    });

  /** A request answered or given up: the worker holds the process only while some reply is awaited. */
  const settled = (id: number) => {
    pending.delete(id);
    if (pending.size === 0) worker.unref();
  };

  /** The current worker is gone: what waited fails, and on a data directory a new worker is started. */
  const died = (cause: Error) => {
    if (broken || down) return;
    const error = new PgliteUnavailableError(`the embedded database (PGlite) is unavailable: ${cause.message}`, { cause });
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
    openTransactions = 0;
    worker.unref();
    if (options.dataDir === undefined) {
      broken = error;
      return;
    }
    down = error;
    // A worker that dies soon after it opened is not started again at once: the waits keep doubling.
    if (performance.now() - upSince >= RESTART_MAX_MS) restartWait = RESTART_FIRST_MS;
    scheduleRestart();
  };

  /** Starts a new worker after `restartWait`, and again after twice as long (up to RESTART_MAX_MS) while it fails. */
  const scheduleRestart = () => {
    clearTimeout(restartTimer);
    const wait = restartWait;
    restartWait = Math.min(restartWait * 2, RESTART_MAX_MS);
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      if (broken) return;
      startWorker().then(
        (next) => {
          if (broken) return void next.worker.terminate();
          worker = next.worker;
          worker.unref();
          upSince = performance.now();
          generation++;
          down = undefined;
        },
        () => {
          if (!broken) scheduleRestart();
        },
      );
    }, wait);
    restartTimer.unref();
  };

  /** Sends a request; its results. The worker holds the process only while some reply is awaited. */
  const send = (operation: PgliteOperation, txGeneration = generation): Promise<readonly RawResults[]> => {
    const refused = broken ?? down ?? (txGeneration !== generation ? new PgliteUnavailableError("the embedded database (PGlite) restarted: the transaction is over") : undefined);
    if (refused) return Promise.reject(refused);
    const id = nextId++;
    if (options.clientOf && (pending.size > 0 || openTransactions > 0) && takesTurn(operation)) operation = Object.assign({ client: options.clientOf() }, operation);
    return new Promise((resolve, reject) => {
      if (pending.size === 0) worker.ref();
      pending.set(id, { resolve, reject });
      try {
        worker.postMessage(Object.assign({ id }, operation));
      } catch (error) {
        // A parameter that cannot be copied to the worker (structured clone refused it).
        settled(id);
        reject(error as Error);
      }
    });
  };

  const first = await startWorker();
  worker = first.worker;
  upSince = performance.now();
  const arrays = first.arrays;
  worker.unref();

  const defaults = defaultParsers(arrays);
  // Callers pass the same parsers object with every query (Prisma's adapter does): merged once.
  const merged = new WeakMap<object, Parsers>();
  const parsersOf = (options: QueryOptions | undefined): Parsers => {
    const own = options?.parsers;
    if (!own) return defaults;
    let parsers = merged.get(own);
    if (!parsers) merged.set(own, (parsers = Object.assign({}, defaults, own)));
    return parsers;
  };
  /** `tx`: the transaction's id and the worker generation it began on. */
  type InTransaction = { readonly id: number; readonly on: number };
  const query = async <T>(sql: string, params: unknown[] | undefined, options: QueryOptions | undefined, tx?: InTransaction): Promise<Results<T>> =>
    parsed<T>((await send({ op: "query", sql, params: params ?? [], tx: tx?.id }, tx?.on))[0]!, parsersOf(options), options?.rowMode);
  const exec = async (sql: string, options: QueryOptions | undefined, tx?: InTransaction): Promise<Results[]> =>
    (await send({ op: "exec", sql, tx: tx?.id }, tx?.on)).map((raw) => parsed(raw, parsersOf(options), options?.rowMode));

  return {
    query: (sql, params, options) => query(sql, params, options),
    exec: (sql, options) => exec(sql, options),
    async transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
      const id = nextTx++;
      const on = generation;
      // While BEGIN is on its way, `pending` names the clients sent meanwhile.
      await send({ op: "begin", tx: id }, on);
      if (on === generation && !down && !broken) openTransactions++;
      let ending: Promise<unknown> | undefined;
      const end = (commit: boolean) => {
        if (!ending) {
          ending = send({ op: "end", tx: id, commit }, on).finally(() => {
            // A worker that died took its transactions with it (`died` set the count to 0).
            if (on === generation && !down && !broken) openTransactions--;
          });
          // Prisma's adapter calls rollback() without awaiting it: a failure is the transaction's, reported by it.
          ending.catch(() => undefined);
        }
        return ending;
      };
      const open = () => {
        if (ending) throw new Error("Transaction is closed");
      };
      const tx = {
        query: async <R>(sql: string, params?: unknown[], options?: QueryOptions) => (open(), query<R>(sql, params, options, { id, on })),
        exec: async (sql: string, options?: QueryOptions) => (open(), exec(sql, options, { id, on })),
        rollback: async () => {
          open();
          // Prisma's adapter does not await this: a failed ROLLBACK (the worker died) is the transaction's, reported by it.
          await end(false).catch(() => undefined);
        },
        get closed() {
          return ending !== undefined;
        },
      } as unknown as Transaction;
      let result: T;
      try {
        result = await callback(tx);
      } catch (error) {
        await end(false).catch(() => undefined);
        throw error;
      }
      await end(true);
      return result;
    },
    async close() {
      clearTimeout(restartTimer);
      await starting?.terminate();
      // PGlite closes once an open transaction has ended; a shutdown does not wait longer than CLOSE_WAIT_MS for it.
      if (!broken && !down) await Promise.race([send({ op: "close" }).catch(() => undefined), new Promise((resolve) => setTimeout(resolve, CLOSE_WAIT_MS).unref())]);
      broken = new Error("PGlite is closed");
      await worker.terminate();
    },
  } as PgliteThread;
}
