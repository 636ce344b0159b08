/**
 * Summarises a .heapsnapshot written by `npm run bench:subscribers -- --heap-snapshot`:
 * `npx tsx bench/subscribers/heap-summary.ts /tmp/gateai-subscribers-10000.heapsnapshot [per=10000] [top]`.
 * Groups objects by type and constructor name, largest self size first; with `per`, also shows
 * the count and bytes per subscriber, so per-connection objects stand out (count ≈ k × per).
 */
import { readFileSync } from "node:fs";

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

const [path, perArg, topArg] = process.argv.slice(2);
if (!path) throw new Error("usage: heap-summary.ts <file.heapsnapshot> [per] [top]");
const per = Number(perArg ?? 1);
const top = Number(topArg ?? 40);
const snap = JSON.parse(readFileSync(path, "utf8")) as Snapshot;
const fields = snap.snapshot.meta.node_fields;
const types = snap.snapshot.meta.node_types[0];
const width = fields.length;
const typeAt = fields.indexOf("type");
const nameAt = fields.indexOf("name");
const sizeAt = fields.indexOf("self_size");

const groups = new Map<string, { count: number; size: number }>();
let total = 0;
for (let i = 0; i < snap.nodes.length; i += width) {
  const type = types[snap.nodes[i + typeAt]!]!;
  let name = type === "object" || type === "closure" || type === "native" || type === "hidden" ? snap.strings[snap.nodes[i + nameAt]!]! : "";
  if (name.length > 60) name = `${name.slice(0, 57)}...`;
  const key = `${type} ${name}`;
  const size = snap.nodes[i + sizeAt]!;
  total += size;
  const g = groups.get(key) ?? { count: 0, size: 0 };
  g.count++;
  g.size += size;
  groups.set(key, g);
}
console.log(`total self size ${(total / 1024 / 1024).toFixed(1)} MB; per ${per}: ${(total / per).toFixed(0)} B`);
console.log("      bytes    count   count/per  bytes/per  type name");
for (const [key, g] of [...groups].sort((a, b) => b[1].size - a[1].size).slice(0, top))
  console.log(
    `${String(g.size).padStart(11)} ${String(g.count).padStart(8)} ${(g.count / per).toFixed(2).padStart(11)} ${(g.size / per).toFixed(0).padStart(10)}  ${key}`,
  );
