import { createRequire } from "node:module";
const { parse, validate, specifiedRules } = createRequire(import.meta.url)("graphql");
import { buildSchema } from "/work/main/src/graphql/schema.ts";
import { createEngine } from "/work/main/src/engine/engine.ts";
const schema = buildSchema(createEngine());
const docs: [string, (n: number) => string][] = [
  ["credits{__typename}", (n) => `{ ${Array.from({ length: n }, () => "credits { __typename }").join(" ")} }`],
  ["models{..id}", (n) => `{ ${Array.from({ length: n }, () => "models { ... on AiModel { id } }").join(" ")} }`],
  ["credits{budget{...}}", (n) => `{ ${Array.from({ length: n }, () => "credits { ... on Credits { budget { used } } }").join(" ")} }`],
];
for (let warm = 0; warm < 2; warm++)
for (const [name, doc] of docs) {
  for (const n of [100, 250, 500, 1000, 2000]) {
    const d = parse(doc(n));
    const t = performance.now();
    const errors = validate(schema, d);
    if (warm) console.log(name, n, "tokens~", doc(n).split(/[\s{}]+/).length, (performance.now() - t).toFixed(1), "ms", errors[0]?.message.slice(0, 40) ?? "ok");
  }
}
