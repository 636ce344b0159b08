import { createRequire } from "node:module";
const g = createRequire(import.meta.url)("graphql");
import { buildSchema } from "/work/main/src/graphql/schema.ts";
import { createEngine } from "/work/main/src/engine/engine.ts";
const schema = buildSchema(createEngine());
const out: string[] = [];
for (const type of Object.values(schema.getTypeMap()) as any[]) {
  if (type.name.startsWith("__")) continue;
  if (!(g.isObjectType(type) || g.isInterfaceType(type))) continue;
  for (const f of Object.values(type.getFields()) as any[]) {
    let t = f.type; let list = false;
    while (g.isNonNullType(t) || g.isListType(t)) { if (g.isListType(t)) list = true; t = t.ofType; }
    if (list) out.push(`${type.name}.${f.name}: ${String(f.type)} args=${f.args.map((a: any) => a.name).join(",")}`);
  }
}
console.log(out.join("\n"));
