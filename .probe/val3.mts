import { createRequire } from "node:module";
const { parse, validate, version } = createRequire(import.meta.url)("graphql");
import { buildSchema } from "/work/main/src/graphql/schema.ts";
import { createEngine } from "/work/main/src/engine/engine.ts";
const schema = buildSchema(createEngine());
console.log(version);
const errors = validate(schema, parse(`{ ${Array.from({ length: 1000 }, () => "__typename").join(" ")} }`), undefined, { maxErrors: 3 });
console.log(errors.map((e: any) => e.message));
