import { createRequire } from "node:module"; const { parse, validate } = createRequire(import.meta.url)("graphql");
import { buildSchema } from "/work/main/src/graphql/schema.ts";
import { createEngine } from "/work/main/src/engine/engine.ts";
const schema = buildSchema(createEngine());
for (const [name, doc] of [
  ["typename x N", (n: number) => `{ ${Array.from({ length: n }, () => "__typename").join(" ")} }`],
  ["models{id} x N", (n: number) => `{ ${Array.from({ length: n }, () => "models { ... on AiModel { id } }").join(" ")} }`],
  ["credits{__typename} x N", (n: number) => `{ ${Array.from({ length: n }, () => "credits { __typename }").join(" ")} }`],
] as const) {
  for (const n of [1000, 2000, 4700, 10000]) {
    const d = parse((doc as any)(n));
    const t = performance.now();
    const errors = validate(schema, d);
    console.log(name, n, (performance.now() - t).toFixed(1), "ms", errors.length, errors[0]?.message.slice(0, 100));
  }
}
