import type { AccountPool } from "../../services/ports/account-pool.ts";
import type { FileRecords } from "../../services/ports/file-records.ts";
import type { IdempotencyStore } from "../../services/ports/idempotency-store.ts";
import type { KeyStore } from "../../services/ports/key-store.ts";
import type { TaskRepo } from "../../services/ports/task-repo.ts";
import { createAccountPool } from "./account-pool.ts";
import type { Database } from "./database.ts";
import { createFileRecords } from "./file-records.ts";
import { createIdempotencyStore } from "./idempotency-store.ts";
import { createKeyStore } from "./key-store.ts";
import { createTaskRepo } from "./task-repo.ts";

/** Every storage port the services take, on one database. */
export interface Stores {
  readonly tasks: TaskRepo;
  readonly idempotency: IdempotencyStore;
  readonly keys: KeyStore;
  /** File metadata; the bytes are in the blob store (app/blob-store.ts). */
  readonly files: FileRecords;
  readonly pool: AccountPool;
}

export function createStores(database: Pick<Database, "prisma" | "sql">): Stores {
  return {
    tasks: createTaskRepo(database.prisma, database.sql),
    idempotency: createIdempotencyStore(database.prisma),
    keys: createKeyStore(database.prisma),
    files: createFileRecords(database.prisma, database.sql),
    pool: createAccountPool(database.prisma, database.sql),
  };
}
