import type { GraphQLInputObjectType, GraphQLSchema } from "graphql";

const fastMaps = new WeakSet<object>();

// By tag, not `isInputObjectType`: under vitest the schema's graphql module is not always this one.
const isInputObject = (type: unknown): type is GraphQLInputObjectType => Object.prototype.toString.call(type) === "[object GraphQLInputObjectType]";

/**
 * Input types' field maps are kept as fast-mode objects. graphql-js keeps each input type's fields
 * in an `Object.create(null)` map, which V8 stores as a hash table, and coercing a variable walks
 * `Object.values` of that map on every request: for `GenerateInput` (a `@oneOf` with one field
 * per model) that walk is a visible part of a small request (bench/README.md). The same entries
 * in an object built by `Object.fromEntries` are a fast-mode object.
 *
 * graphql-js reads the map through `getFields()`, which returns its private `_fields` once
 * resolved; this swaps in the fast copy (same entries, same order, still no prototype). The
 * schema test checks that `getFields()` returns the copy, so a graphql release that renames the
 * field fails a test instead of silently going back to the hash table.
 */
export function useFastFieldMaps(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isInputObject(type)) continue;
    const fields = type.getFields();
    const fast = Object.setPrototypeOf(Object.fromEntries(Object.entries(fields)), null) as typeof fields;
    (type as unknown as { _fields: typeof fields })._fields = fast;
    fastMaps.add(fast);
  }
  return schema;
}

/** True when graphql-js reads this type's fields from the fast copy. */
export const hasFastFieldMap = (type: GraphQLInputObjectType): boolean => fastMaps.has(type.getFields());
