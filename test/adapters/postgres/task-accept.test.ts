// What an accepted generation's statement answers, held to both databases: the task record
// accept returns is the row as stored (find reads it back the same, but for the order of its
// JSON's keys: the sender's), though the statement sends back only the day's usage and the limit.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/adapters/postgres/database.ts";
import type { SqlClient } from "../../../src/adapters/postgres/sql.ts";
import { createStores, type Stores } from "../../../src/adapters/postgres/stores.ts";
import { withTestDatabases } from "../../support/databases.ts";
import { newTask } from "../../support/new-task.ts";

const T0 = Date.parse("2026-11-25T10:00:00.000Z");
const USD = 1_000_000;
const targets = await withTestDatabases();

/** JSON whose stored form differs from its text in every way jsonb allows: key order, number spelling, escapes. */
const awkwardParams = {
  zeta: "last key first",
  prompt: "Café ☕ \"quoted\" \\ back\nslash, tab\t, emoji 🦊, 中文",
  numbers: [0, -0, 1e21, 1.5e-7, 0.1, 9007199254740991, -42.125],
  nested: { b: [true, false, null], a: { deep: [{ x: 1 }, []] }, empty: {} },
  width: 1024,
  alpha: null,
  // Keys jsonb stores in another order (by their length in UTF-8 bytes, then their bytes).
  "é": 2,
  ab: 3,
  "🦊": 4,
  abc: 5,
  Zz: 6,
  aa: 7,
};

describe.each(targets)("an accepted generation on $name", (target) => {
  let db: Database;
  let stores: Stores;
  /** The rows the accept statement (the one that inserts the task) answered, call by call. */
  const acceptRows: object[][] = [];
  beforeAll(async () => {
    db = await target.open();
    const sql: SqlClient = {
      async query<Row extends object>(text: string, values: readonly unknown[]) {
        const rows = await db.sql.query<Row>(text, values);
        if (text.includes("INSERT INTO tasks")) acceptRows.push(rows);
        return rows;
      },
    };
    stores = createStores({ prisma: db.prisma, sql });
  });

  it("returns the task as stored: find reads back the same record, its JSON, times and defaults included", async () => {
    const now = T0 + 123;
    const task = newTask(randomUUID(), 12_345, now, {
      requestParams: { prompt: awkwardParams.prompt, width: 1000, extra: { kept: ["as", "sent"] } },
      params: awkwardParams,
      adjustments: [{ reason: "snapped to the model's sizes", field: "width", to: 1024, from: 1000 }],
      hold: { owner: "process-a", until: now + 5_000 },
    });
    const accepted = await stores.tasks.accept(task, USD);
    expect(accepted).not.toBeNull();
    const stored = await stores.tasks.find(task.id);
    expect(accepted!.task).toStrictEqual(stored);
    // The keys in the order they were sent (a later read has jsonb's: shortest first).
    expect(Object.keys(accepted!.task.params)).toEqual(Object.keys(JSON.parse(JSON.stringify(awkwardParams)) as object));
    expect(Object.keys(stored!.params)).not.toEqual(Object.keys(accepted!.task.params));
    expect(accepted!.task).toMatchObject({ status: "QUEUED", cost: 12_345, createdAt: now, updatedAt: now, progress: 0, attempts: 0, refunded: false });
    expect(accepted).toMatchObject({ used: 12_345, limit: USD });
  });

  it("returns the instants as stored, whole milliseconds, when a time scale gives the deadlines a fraction", async () => {
    const now = T0 + 0.75;
    const task = newTask(randomUUID(), 1_000, now, { slotReleaseAt: now + 600_000 / 7, refundAt: now + 1_200_000 / 7, hardDeadlineAt: now + 2_400_000 / 7 });
    const accepted = await stores.tasks.accept(task, USD);
    expect(accepted!.task).toStrictEqual(await stores.tasks.find(task.id));
    expect(accepted!.task).toMatchObject({ createdAt: T0, slotReleaseAt: Math.trunc(now + 600_000 / 7) });
  });

  it("returns the request and the adjustments as their JSON is stored: no request as {}, -0 as 0, undefined members left out", async () => {
    const task = newTask(randomUUID(), 1_000, T0, {
      requestParams: undefined,
      params: { seed: -0, style: undefined, prompt: "p" },
      adjustments: [{ field: "seed", from: -0, to: 0, note: undefined }],
    });
    const accepted = await stores.tasks.accept(task, USD);
    expect(accepted!.task).toStrictEqual(await stores.tasks.find(task.id));
    expect(accepted!.task).toMatchObject({ requestParams: {}, params: { seed: 0, prompt: "p" }, adjustments: [{ field: "seed", from: 0, to: 0 }] });
    // A request as sent may name any member, "__proto__" too (JSON.parse makes it an own member, as the body reader does).
    const other = newTask(randomUUID(), 1_000, T0, { requestParams: Object.assign(JSON.parse('{"__proto__": {"polluted": true}, "b": 1}') as object, { seed: -0, tags: ["a", undefined] }) });
    const second = await stores.tasks.accept(other, USD);
    const stored = await stores.tasks.find(other.id);
    expect(second!.task).toStrictEqual(stored);
    expect(JSON.stringify(second!.task.requestParams)).toBe('{"__proto__":{"polluted":true},"b":1,"seed":0,"tags":["a",null]}');
  });

  it("answers only the task's id, the day's usage and the limit, not the task's row", async () => {
    acceptRows.length = 0;
    const keyId = randomUUID();
    expect(await stores.tasks.accept(newTask(keyId, 300_000, T0), USD)).toMatchObject({ used: 300_000, limit: USD });
    expect(await stores.tasks.accept(newTask(keyId, 300_000, T0 + 1), USD)).toMatchObject({ used: 600_000, limit: USD });
    expect(acceptRows).toHaveLength(2);
    for (const rows of acceptRows) expect(rows.map((row) => Object.keys(row).sort())).toEqual([["id", "limit_micros", "used_micros"]]);
  });

  it("creates nothing and answers no row when the charge would pass the limit", async () => {
    acceptRows.length = 0;
    const keyId = randomUUID();
    const task = newTask(keyId, USD + 1, T0);
    expect(await stores.tasks.accept(task, USD)).toBeNull();
    expect(await stores.tasks.find(task.id)).toBeNull();
    expect(acceptRows).toEqual([[]]);
  });
});
