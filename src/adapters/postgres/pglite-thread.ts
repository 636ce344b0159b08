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
 *  - If the worker dies, every request waiting and every later one fails with that error: the
 *    readiness probe (a query) then reports the database down.
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
  readonly startParams: readonly string[];
  /**
   * Who the current statement is for (src/http/request-client.ts): statements, and transactions as
   * a whole, take turns by client in the worker. Named only for a statement sent while others are
   * pending or a transaction is open (one sent to an idle worker starts at once). Absent: one line
   * for all.
   */
  readonly clientOf?: () => string;
}

/** What the worker is given to open the database. */
export interface PgliteWorkerData {
  readonly dataDir?: string;
  readonly startParams: readonly string[];
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

/** Statements outside a transaction, and BEGIN, take the worker's turns (the others run in a turn already held, or end one). */
const takesTurn = (operation: PgliteOperation): boolean => operation.op === "begin" || ((operation.op === "query" || operation.op === "exec") && operation.tx === undefined);

/** Opens the database on a new worker thread; resolves once it is ready for queries. */
export async function openPgliteThread(options: PgliteThreadOptions): Promise<PgliteThread> {
  const entry = pgliteWorkerEntry();
  if (!existsSync(entry)) throw new Error(`PGlite worker not built: ${fileURLToPath(entry)} is missing (run \`npm run build\`)`);
  const workerData: PgliteWorkerData = { dataDir: options.dataDir, startParams: [...options.startParams] };
  const worker = new Worker(entry, { workerData });
  type Waiter = { resolve: (results: readonly RawResults[]) => void; reject: (error: Error) => void };
  const pending = new Map<number, Waiter>();
  let nextId = 0;
  let nextTx = 0;
  /** Transactions begun and not yet ended: while one is open, the worker's turn is held. */
  let openTransactions = 0;
  let broken: Error | undefined;

  /** A request answered or given up: the worker holds the process only while some reply is awaited. */
  const settled = (id: number) => {
    pending.delete(id);
    if (pending.size === 0) worker.unref();
  };
  const ready = new Promise<readonly ArrayType[]>((resolve, reject) => {
    const ended = (error: Error) => {
      reject(error);
      broken ??= error;
      for (const waiter of pending.values()) waiter.reject(broken);
      pending.clear();
      worker.unref();
    };
    worker.on("message", (reply: PgliteReply) => {
      if ("ready" in reply) return resolve(reply.arrays);
      if ("fatal" in reply) return ended(new Error(reply.fatal));
      const waiter = pending.get(reply.id);
      if (!waiter) return;
      settled(reply.id);
      if ("failure" in reply) waiter.reject(errorOf(reply.failure));
      else waiter.resolve(reply.results);
    });
    worker.on("error", ended);
    worker.on("exit", (code) => ended(new Error(`the PGlite worker exited with code ${code}`)));
  });

  /** Sends a request; its results. The worker holds the process only while some reply is awaited. */
  const send = (operation: PgliteOperation): Promise<readonly RawResults[]> => {
    if (broken) return Promise.reject(broken);
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

  let arrays: readonly ArrayType[];
  try {
    arrays = await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
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
  const query = async <T>(sql: string, params: unknown[] | undefined, options: QueryOptions | undefined, tx?: number): Promise<Results<T>> =>
    parsed<T>((await send({ op: "query", sql, params: params ?? [], tx }))[0]!, parsersOf(options), options?.rowMode);
  const exec = async (sql: string, options: QueryOptions | undefined, tx?: number): Promise<Results[]> =>
    (await send({ op: "exec", sql, tx })).map((raw) => parsed(raw, parsersOf(options), options?.rowMode));

  return {
    query: (sql, params, options) => query(sql, params, options),
    exec: (sql, options) => exec(sql, options),
    async transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
      const id = nextTx++;
      // While BEGIN is on its way, `pending` names the clients sent meanwhile.
      await send({ op: "begin", tx: id });
      openTransactions++;
      let ending: Promise<unknown> | undefined;
      const end = (commit: boolean) => {
        if (!ending) {
          ending = send({ op: "end", tx: id, commit }).finally(() => openTransactions--);
          // Prisma's adapter calls rollback() without awaiting it: a failure is the transaction's, reported by it.
          ending.catch(() => undefined);
        }
        return ending;
      };
      const open = () => {
        if (ending) throw new Error("Transaction is closed");
      };
      const tx = {
        query: async <R>(sql: string, params?: unknown[], options?: QueryOptions) => (open(), query<R>(sql, params, options, id)),
        exec: async (sql: string, options?: QueryOptions) => (open(), exec(sql, options, id)),
        rollback: async () => {
          open();
          await end(false);
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
      // PGlite closes once an open transaction has ended; a shutdown does not wait longer than CLOSE_WAIT_MS for it.
      if (!broken) await Promise.race([send({ op: "close" }).catch(() => undefined), new Promise((resolve) => setTimeout(resolve, CLOSE_WAIT_MS).unref())]);
      broken = new Error("PGlite is closed");
      await worker.terminate();
    },
  } as PgliteThread;
}
