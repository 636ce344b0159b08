// Writes schema.graphql from the Pothos schema: `npx tsx scripts/print-schema.ts`. A test fails when they differ.
import { writeFileSync } from "node:fs";
import { createEngine } from "../src/engine/engine.ts";
import { printedSchema } from "../src/graphql/schema.ts";

writeFileSync(new URL("../schema.graphql", import.meta.url), printedSchema(createEngine()));
console.log("schema.graphql written");
