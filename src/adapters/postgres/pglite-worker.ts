/**
 * Worker-thread entry: holds embedded PGlite and runs the statements pglite-thread.ts sends it.
 *
 * Statements outside a transaction, and each transaction as a whole, take turns by client
 * (kernel/fair-turns.ts, one at a time, lines served in rotation): a client with a backlog of
 * statements cannot hold another's behind all of it. The rotation runs here, beside PGlite, so a
 * turn passes to the next statement as soon as one ends, whatever the main thread is doing.
 * PGlite answers without real I/O, so one statement follows another without this thread's event
 * loop reading its port: before a turn passes on, every request already sent is taken from the
 * port (receiveMessageOnPort), or the port's own order would be the order served. A
 * transaction holds its turn from BEGIN to its end; its own statements (tagged with its id) run
 * inside it without a turn. PGlite's own locks keep the same order in any case.
 *
 * Values go back as the text PostgreSQL sent (arrays too); the main thread parses them as PGlite
 * would, with the caller's parsers over PGlite's defaults.
 */
import { readFileSync } from "node:fs";
import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { messages, PGlite, type Results, type Transaction } from "@electric-sql/pglite";
import { FairTurns } from "../../kernel/fair-turns.ts";
import { DATABASE_ERROR_FIELDS, type ArrayType, type PgliteFailure, type PgliteReply, type PgliteRequest, type PgliteWorkerData, type RawResults } from "./pglite-thread.ts";

const port = parentPort!;
const { dataDir, template, startParams, setup } = workerData as PgliteWorkerData;

/** PGlite's array types, as its _initArrayTypes reads them: each with its element's type. */
const ARRAY_TYPES = `
  SELECT b.typarray, b.oid AS element
  FROM pg_catalog.pg_type a
  LEFT JOIN pg_catalog.pg_type b ON b.oid = a.typelem
  WHERE a.typcategory = 'A'
  GROUP BY b.oid, b.typarray`;
/** The line of statements sent while nothing else was pending (the main thread did not name a client). */
const UNNAMED = "";

/** The result as PGlite gives it, values as text; `blob` (COPY … TO '/dev/blob') is not used by the gateway. */
const raw = ({ blob: _blob, ...results }: Results<unknown>): RawResults => results as RawResults;

const failure = (error: unknown): PgliteFailure => {
  if (error instanceof messages.DatabaseError) {
    const fields = Object.fromEntries(DATABASE_ERROR_FIELDS.filter((f) => error[f] !== undefined).map((f) => [f, error[f]]));
    return { message: error.message, database: { length: error.length, name: error.name, fields } };
  }
  return { message: error instanceof Error ? error.message : String(error) };
};

/** An open transaction: PGlite's handle, how to end it (true: COMMIT), and its outcome. */
interface OpenTransaction {
  readonly tx: Transaction;
  readonly end: (commit: boolean) => void;
  readonly done: Promise<void>;
}

async function main(): Promise<void> {
  const options = { startParams: [...startParams], loadDataDir: template === undefined ? undefined : new Blob([readFileSync(template)]) };
  const db = dataDir === undefined ? new PGlite(options) : new PGlite(dataDir, options);
  await db.waitReady;
  if (setup) await db.exec(setup);
  // Every type this database's PGlite would parse (array types included), kept as text: the
  // caller's parsers run on the main thread.
  const RAW = { rowMode: "array", parsers: Object.fromEntries(Object.keys(db.parsers).map((oid) => [oid, (text: string) => text])) } as const;
  const arrays = (await db.query<ArrayType>(ARRAY_TYPES)).rows;
  const turns = new FairTurns(1);
  const transactions = new Map<number, OpenTransaction>();

  /** Opens a transaction in `client`'s turn, which it holds until its end; resolves once BEGIN ran. */
  const begin = (id: number, client: string) =>
    new Promise<void>((begun, failed) => {
      void turns.run(client, () => {
        const done: Promise<void> = db.transaction(async (tx) => {
          const commit = await new Promise<boolean>((end) => {
            transactions.set(id, { tx, end, done });
            begun();
          });
          if (!commit) await tx.rollback();
        });
        // A failed BEGIN rejects `done` before the callback runs; the turn passes on when it settles.
        done.catch(failed);
        return done.catch(() => undefined).finally(drain);
      });
    });

  const run = async (request: PgliteRequest): Promise<readonly RawResults[]> => {
    switch (request.op) {
      case "query":
      case "exec": {
        const statement = (target: Pick<Transaction, "query" | "exec">) =>
          request.op === "query" ? target.query(request.sql, [...request.params], RAW).then((r) => [raw(r)]) : target.exec(request.sql, RAW).then((rs) => rs.map(raw));
        if (request.tx !== undefined) return statement(transactions.get(request.tx)!.tx);
        return turns.run(request.client ?? UNNAMED, () => statement(db).finally(drain));
      }
      case "begin":
        await begin(request.tx, request.client ?? UNNAMED);
        return [];
      case "end": {
        const open = transactions.get(request.tx)!;
        transactions.delete(request.tx);
        open.end(request.commit);
        await open.done;
        return [];
      }
      case "close":
        await db.close();
        return [];
    }
  };

  const answer = (request: PgliteRequest, results: readonly RawResults[]) => {
    try {
      port.postMessage({ id: request.id, results } satisfies PgliteReply);
    } catch (error) {
      // A value that cannot be copied back fails its own request, not the worker.
      port.postMessage({ id: request.id, failure: failure(error) } satisfies PgliteReply);
    }
  };
  const accept = (request: PgliteRequest) => {
    run(request).then(
      (results) => answer(request, results),
      (error: unknown) => port.postMessage({ id: request.id, failure: failure(error) } satisfies PgliteReply),
    );
  };
  /** Takes every request already sent, so each waits in its client's line before the next turn is given. */
  const drain = () => {
    for (let next = receiveMessageOnPort(port); next; next = receiveMessageOnPort(port)) accept(next.message as PgliteRequest);
  };
  port.on("message", (request: PgliteRequest) => {
    accept(request);
    drain();
  });
  port.postMessage({ ready: true, arrays } satisfies PgliteReply);
}

main().catch((error: unknown) => port.postMessage({ fatal: `opening PGlite failed: ${error instanceof Error ? error.message : String(error)}` } satisfies PgliteReply));
