import { createRequire } from "node:module";
const { parse, validate } = createRequire(import.meta.url)("graphql");
import { buildSchema } from "/work/main/src/graphql/schema.ts";
import { createEngine } from "/work/main/src/engine/engine.ts";
const schema = buildSchema(createEngine());
const errors = validate(schema, parse("{ __typename __typename credits { __typename } credits { __typename } }"), undefined, { maxErrors: 5 });
console.log(errors.map((e: any) => e.message));
