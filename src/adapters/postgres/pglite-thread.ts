/**
 * Embedded PGlite on a worker thread of its own (pglite-worker.ts), behind the part of PGlite's
 * interface the gateway uses (query, exec, transaction). PGlite is PostgreSQL compiled to
 * WebAssembly: each statement runs synchronously on the thread that holds it, so on the main
 * thread every query of every client stopped the event loop for as long as it ran (a dashboard's
 * reads, about 1–2 ms each). On its own thread, queries run on the other core while the event loop
 * reads sockets and answers requests; the main thread only posts the statement and reads the
 * reply.
 *
 * The rules this keeps, so callers see PGlite's own behaviour:
 *  - Values come back parsed exactly as PGlite parses them (types.parseType with the caller's
 *    parsers over PGlite's defaults): the worker returns each value as the text PostgreSQL sent,
 *    because parser functions cannot cross threads.
 *  - PostgreSQL's errors come back as PGlite's DatabaseError with every field (code, constraint,
 *    detail…), so callers that map unique violations and other codes read them as before.
 *  - A transaction is exclusive, as with PGlite in process: the worker runs it in PGlite's own
 *    transaction(), so queries sent meanwhile outside it wait for its end; its own queries carry
 *    its id. Ended by the callback's return (COMMIT), its throw or tx.rollback() (ROLLBACK).
 *  - Clients take turns (clientOf): the worker serves statements and transactions in rotation by
 *    client (pglite-worker.ts), so the turn passes on as soon as a statement ends there, not when
 *    the main thread next reads the worker's replies.
 *  - The worker keeps the process alive only while a reply is awaited, as a socket would.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { messages, types, type PGlite, type QueryOptions, type Results, type Transaction } from "@electric-sql/pglite";
import { workerEntry } from "../../kernel/worker-entry.ts";

/** The part of PGlite's interface the gateway uses (Prisma's adapter, migrations, hot statements). */
export type PgliteSession = Pick<PGlite, "query" | "exec" | "transaction">;

export interface PgliteThread extends PgliteSession {
  /** The worker's thread id. */
  readonly threadId: number;
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
  /** PGlite's WebAssembly, compiled once per process (compiledPglite). */
  readonly wasm: CompiledPglite;
}

/** PGlite's two WebAssembly programs, compiled. */
export interface CompiledPglite {
  readonly pglite: WebAssembly.Module;
  readonly initdb: WebAssembly.Module;
}

let compiled: Promise<CompiledPglite> | undefined;

/**
 * PGlite's WebAssembly (about 9 MB), compiled on first use and shared by every database this
 * process opens: a compiled module passes to a worker without being compiled again, where PGlite
 * left to itself would compile it anew in each worker (about a second of CPU per open).
 */
function compiledPglite(): Promise<CompiledPglite> {
  compiled ??= (async () => {
    const dist = dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
    const compile = async (file: string) => WebAssembly.compile(await readFile(join(dist, file)));
    const [pglite, initdb] = await Promise.all([compile("pglite.wasm"), compile("initdb.wasm")]);
    return { pglite, initdb };
  })();
  compiled.catch(() => (compiled = undefined));
  return compiled;
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

/** The worker's answer to request `id` (`ready`: the database is open). */
export type PgliteReply =
  | { readonly ready: true }
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

/** PGlite's result, parsed as PGlite parses it (parse.ts: the caller's parsers over the defaults). */
function parsed<T>(raw: RawResults, options: QueryOptions | undefined): Results<T> {
  const parsers = options?.parsers;
  const { fields } = raw;
  const rows =
    options?.rowMode === "array"
      ? raw.rows.map((row) => row.map((value, i) => types.parseType(value, fields[i]!.dataTypeID, parsers)))
      : raw.rows.map((row) => Object.fromEntries(row.map((value, i) => [fields[i]!.name, types.parseType(value, fields[i]!.dataTypeID, parsers)])));
  return Object.assign({}, raw, { rows: rows as T[] }) as Results<T>;
}

/** The PGlite worker's entry file (compiled JavaScript; see kernel/worker-entry.ts). */
export function pgliteWorkerEntry(moduleUrl: string = import.meta.url): URL {
  return workerEntry(moduleUrl, "pglite-worker");
}

/** Opens the database on a new worker thread; resolves once it is ready for queries. */
export async function openPgliteThread(options: PgliteThreadOptions): Promise<PgliteThread> {
  const entry = pgliteWorkerEntry();
  if (!existsSync(entry)) throw new Error(`PGlite worker not built: ${fileURLToPath(entry)} is missing (run \`npm run build\`)`);
  const workerData: PgliteWorkerData = { dataDir: options.dataDir, startParams: [...options.startParams], wasm: await compiledPglite() };
  const worker = new Worker(entry, { workerData });
  type Waiter = { resolve: (results: readonly RawResults[]) => void; reject: (error: Error) => void };
  const pending = new Map<number, Waiter>();
  let nextId = 0;
  let nextTx = 0;
  /** Transactions begun and not yet ended: while one is open, the worker's turn is held. */
  let openTransactions = 0;
  let broken: Error | undefined;

  const failAll = (error: Error) => {
    broken ??= error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
    worker.unref();
  };
  const ready = new Promise<void>((resolve, reject) => {
    worker.on("message", (reply: PgliteReply) => {
      if ("ready" in reply) return resolve();
      if ("fatal" in reply) {
        const error = new Error(reply.fatal);
        reject(error);
        return failAll(error);
      }
      const waiter = pending.get(reply.id);
      if (!waiter) return;
      pending.delete(reply.id);
      if (pending.size === 0) worker.unref();
      if ("failure" in reply) waiter.reject(errorOf(reply.failure));
      else waiter.resolve(reply.results);
    });
    const ended = (error: Error) => {
      reject(error);
      failAll(error);
    };
    worker.on("error", ended);
    worker.on("exit", (code) => ended(new Error(`the PGlite worker exited with code ${code}`)));
  });

  /** Sends a request; its results. The worker holds the process only while some reply is awaited. */
  const send = (operation: PgliteOperation): Promise<readonly RawResults[]> => {
    if (broken) return Promise.reject(broken);
    const id = nextId++;
    // Only a statement that may have to wait needs its client's name (see clientOf): one sent while
    // another is pending or a transaction holds the worker's turn.
    if ((pending.size > 0 || openTransactions > 0) && options.clientOf && operation.op !== "end" && operation.op !== "close" && (operation.op === "begin" || operation.tx === undefined))
      operation = Object.assign({ client: options.clientOf() }, operation);
    return new Promise((resolve, reject) => {
      if (pending.size === 0) worker.ref();
      pending.set(id, { resolve, reject });
      try {
        worker.postMessage(Object.assign({ id }, operation));
      } catch (error) {
        // A parameter that cannot be copied to the worker (structured clone refused it).
        pending.delete(id);
        if (pending.size === 0) worker.unref();
        reject(error as Error);
      }
    });
  };

  const query = async <T>(sql: string, params: unknown[] | undefined, options: QueryOptions | undefined, tx?: number): Promise<Results<T>> =>
    parsed<T>((await send({ op: "query", sql, params: params ?? [], tx }))[0]!, options);
  const exec = async (sql: string, options: QueryOptions | undefined, tx?: number): Promise<Results[]> =>
    (await send({ op: "exec", sql, tx })).map((raw) => parsed(raw, options));

  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  worker.unref();

  return {
    threadId: worker.threadId,
    query: (sql, params, options) => query(sql, params, options),
    exec: (sql, options) => exec(sql, options),
    async transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
      const id = nextTx++;
      openTransactions++;
      try {
        await send({ op: "begin", tx: id });
      } catch (error) {
        openTransactions--;
        throw error;
      }
      let ending: Promise<unknown> | undefined;
      const end = (commit: boolean) => (ending ??= send({ op: "end", tx: id, commit }).finally(() => openTransactions--));
      const tx = {
        query: <R>(sql: string, params?: unknown[], options?: QueryOptions) => query<R>(sql, params, options, id),
        exec: (sql: string, options?: QueryOptions) => exec(sql, options, id),
        rollback: async () => {
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
      if (!broken) await send({ op: "close" }).catch(() => undefined);
      await worker.terminate();
    },
  } as PgliteThread;
}
