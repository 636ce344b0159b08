/**
 * A JSON value as PostgreSQL's jsonb gives it back: every object's keys in jsonb's order, the
 * shorter key (in UTF-8 bytes) first and keys of one length by their bytes; arrays as they are.
 * What the adapter builds from JSON it has sent (task-row.ts, acceptedTask) then reads as the
 * stored row does, to the order of its keys. The documentation says only that jsonb "does not
 * preserve the order of object keys" (https://www.postgresql.org/docs/15/datatype-json.html);
 * the order is its storage's (jsonb_util.c), and test/adapters/postgres/task-accept.test.ts holds
 * this function to it on PostgreSQL and PGlite.
 */
export function inJsonbOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inJsonbOrder);
  if (value === null || typeof value !== "object") return value;
  const keys = Object.keys(value).map((key) => ({ key, bytes: Buffer.from(key, "utf8") }));
  keys.sort((a, b) => a.bytes.length - b.bytes.length || Buffer.compare(a.bytes, b.bytes));
  // Defined, not assigned: a key "__proto__" (JSON.parse makes it an own member) stays a member.
  return Object.fromEntries(keys.map(({ key }) => [key, inJsonbOrder((value as Record<string, unknown>)[key])]));
}
