/**
 * One client's flood against another key's latency: `npm run bench:hostile` (not a test: it
 * prints a table).
 *
 * A gateway on its embedded defaults (PGlite under a temporary data dir, in-process limits and
 * pub/sub, `NODE_ENV=production` as `npm start`) runs on the main thread. A victim key sends
 * normal requests on a fixed schedule (open loop, `--rate` per second: GET /credits,
 * POST /api/estimate, the GraphQL `estimate`, round-robin) from a load-generator thread while,
 * phase by phase, a hostile client (another thread, another key) floods one kind of request the
 * gateway must refuse: huge `priceAcross` lists, oversized GraphQL documents, thousands of
 * subscriptions on a few sockets and more sockets than its key may hold, references to local
 * files and addresses, wrong keys, megabyte model ids; and, not refused, the worst valid document
 * the limits allow (one key's heavy reads against another's). The first phase has no flood (the
 * victim's own figure). Each phase prints the victim's p99 (target < 50 ms) and how the flood
 * was answered (status and error code, or graphql-ws message and close code).
 *
 * Options: --seconds=N per phase (default 4), --rate=N victim requests/s (default 100),
 * --concurrency=N hostile requests in flight (default 8), --kinds=LIST (default all),
 * --database=postgres (a fresh database on TEST_DATABASE_URL's server, default
 * postgresql://postgres@127.0.0.1:5432/postgres, instead of PGlite), --timeline (per flood, the
 * victim's slowest answer per 100 ms beside the server's and the victim's load generator's
 * event-loop lag: a slow answer while both loops kept time waited for a core, not for the loop),
 * --lead=N milliseconds a flood runs, from its first answer, before the victim's run (default 500;
 * 0 measures the flood's start too: a fresh process meeting a kind of request for the first time).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { createGateway } from "../src/app/gateway.ts";
import { loadConfig } from "../src/app/config.ts";
import { createBenchDatabase } from "./support/database.ts";
import { runLoad, type LoadResult, type RequestSpec } from "./support/loadgen.ts";
import { startLoopLag } from "./support/loop-lag.mjs";

const arg = (name: string, fallback: string): string => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const SECONDS = Number(arg("seconds", "4"));
const RATE = Number(arg("rate", "100"));
const CONCURRENCY = Number(arg("concurrency", "8"));
const P99_TARGET_MS = 50;
const DATABASE = arg("database", "pglite");
const TIMELINE = process.argv.includes("--timeline");
/** How long a flood runs before the victim's run begins (counted from the flood's first answer). */
const FLOOD_LEAD_MS = Number(arg("lead", "500"));

const watchdog = setTimeout(() => {
  console.error("bench: still running after 170 s, giving up");
  process.exit(2);
}, 170_000);
watchdog.unref();

const json = (key?: string): Record<string, string> => ({ "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) });
const graphql = (key: string, query: string, variables: Record<string, unknown> = {}): RequestSpec => ({
  method: "POST",
  path: "/graphql",
  headers: json(key),
  body: JSON.stringify({ query, variables }),
});

/** What the victim sends: a dashboard read, a REST and a GraphQL estimate. */
const victimRequests = (key: string): RequestSpec[] => [
  { method: "GET", path: "/credits", headers: json(key) },
  { method: "POST", path: "/api/estimate", headers: json(key), body: JSON.stringify({ model: "gpt-image-2", params: { prompt: "A lake at sunrise", width: 1024, height: 1024 } }) },
  graphql(key, "query ($input: GenerateInput!) { estimate(input: $input) { __typename ... on Estimate { cost } } }", { input: { gptImage2: { prompt: "A lake at sunrise", quality: "HIGH" } } }),
];

type Flood = { readonly requests: RequestSpec[] } | { readonly subscriptions: { key: string; sockets: number; perSocket: number; query: string } };

/** The hostile kinds of the issue, each as the flood that sends it. */
function floods(key: string): Record<string, { label: string; flood: Flood }> {
  const numbers = (n: number) => Array.from({ length: n }, (_, i) => 256 + i);
  const bigId = "m".repeat(1_000_000);
  return {
    priceAcross: {
      label: "priceAcross, 700 x 700 values",
      flood: {
        requests: [
          graphql(key, `query { priceAcross(input: { gptImage2: { prompt: "x" } }, across: "width", by: "height", values: ${JSON.stringify(numbers(700))}, byValues: ${JSON.stringify(numbers(700))}) { __typename ... on Error { code } } }`),
          graphql(key, "query ($v: [JSON!], $b: [JSON!]) { priceAcross(input: { gptImage2: { prompt: \"x\" } }, across: \"width\", by: \"height\", values: $v, byValues: $b) { __typename ... on Error { code } } }", { v: numbers(700), b: numbers(700) }),
          graphql(key, `query ($r: [GenerateInput!]!) { planBudget(requests: $r) { __typename } }`, { r: Array.from({ length: 10_000 }, () => ({ gptImage2: { prompt: "x" } })) }),
        ],
      },
    },
    documents: {
      label: "documents of 4,700 `models { id }` (66 KB) and 30,000 aliases",
      flood: {
        requests: [
          graphql(key, `query { ${"models { id } ".repeat(4_700)} }`),
          graphql(key, `query { ${Array.from({ length: 30_000 }, (_, i) => `a${i}: models { id }`).join(" ")} }`),
        ],
      },
    },
    heavyQueries: {
      // Not refused: the worst document the limits let through (every argument-free Query field
      // 50 times, the duplicates bound), three of whose fields read the database. How much one
      // key's valid reads cost another key.
      label: "valid queries: the worst document the limits allow",
      flood: {
        requests: [graphql(key, `query { ${["credits { __typename }", "me { __typename }", "models { __typename }", "tasks { __typename }"].map((f) => `${f} `.repeat(50)).join("")} }`)],
      },
    },
    subscriptions: {
      label: "subscriptions: 60 sockets of one key x 1,500 meUpdated each",
      flood: { subscriptions: { key, sockets: 60, perSocket: 1_500, query: "subscription { meUpdated { __typename ... on Dashboard { budget { used } } } }" } },
    },
    references: {
      label: "references to files and private addresses",
      flood: {
        requests: [
          { method: "POST", path: "/api/generate", headers: json(key), body: JSON.stringify({ model: "seedance-2.0", params: { prompt: "x", reference_image_urls: ["file:///etc/passwd", " https://169.254.169.254/latest/meta-data/"] } }) },
          { method: "POST", path: "/api/generate", headers: json(key), body: JSON.stringify({ model: "gpt-image-2", params: { prompt: "x", image_urls: ["https://[::ffff:127.0.0.1]/x.png", "https://8.8.8.8\\@127.0.0.1:4713/x.png"] } }) },
          { method: "POST", path: "/api/generate", headers: json(key), body: JSON.stringify({ model: "gpt-image-2", params: { prompt: "x", image_urls: ["upl_doesnotexist", "gopher://127.0.0.1/"] } }) },
        ],
      },
    },
    wrongKeys: {
      label: "wrong keys (REST and GraphQL)",
      flood: {
        requests: [
          { method: "GET", path: "/credits", headers: json(`sk-wrong-${"0".repeat(32)}`) },
          graphql(`sk-wrong-${"1".repeat(32)}`, "query { me { __typename } }"),
          { method: "GET", path: "/credits", headers: json(`sk-${"x".repeat(100_000)}`) },
        ],
      },
    },
    modelIds: {
      label: "model ids of 1 MB (REST generate) and 3 MB (GraphQL model(id:))",
      flood: {
        requests: [
          { method: "POST", path: "/api/generate", headers: json(key), body: JSON.stringify({ model: bigId, params: { prompt: "x" } }) },
          graphql(key, "query ($id: String!) { model(id: $id) { __typename } }", { id: "m".repeat(3_000_000) }),
        ],
      },
    },
  };
}

/** The flood's worker, once its first answer has arrived; `stop()` ends it and gives its counts. */
function flood(origin: string, spec: Flood): Promise<{ stop: () => Promise<Record<string, number>> }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./support/flood-worker.mjs", import.meta.url), { workerData: Object.assign({ origin, concurrency: CONCURRENCY }, spec) });
    let counted: (counts: Record<string, number>) => void;
    let failed: (error: Error) => void;
    const counts = new Promise<Record<string, number>>((done, fail) => {
      counted = done;
      failed = fail;
    });
    // Settled once, whenever the worker fails: before its first answer the flood never started.
    counts.catch(reject);
    worker.on("message", (message: { type: string; counts?: Record<string, number>; message?: string }) => {
      if (message.type === "flooding") resolve({ stop: () => (worker.postMessage({ type: "stop" }), counts) });
      else if (message.type === "result") counted(message.counts!);
      else failed(new Error(message.message));
    });
    worker.once("error", (error) => failed(error));
    worker.once("exit", () => failed(new Error("the flood worker stopped before it was asked to")));
  });
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "-");

async function main(): Promise<void> {
  console.log(`GateAI hostile-flood bench — ${new Date().toISOString()}, node ${process.version}, ${SECONDS} s per phase, victim ${RATE} req/s, flood ${CONCURRENCY} in flight`);
  console.log(`load average (1 min) at start: ${loadavg()[0]!.toFixed(2)}\n`);
  const dataDir = await mkdtemp(join(tmpdir(), "gateai-hostile-"));
  const postgres = DATABASE === "postgres" ? await createBenchDatabase(process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres") : undefined;
  console.log(`database: ${postgres ? "PostgreSQL (a fresh database, dropped afterwards)" : "PGlite"}\n`);
  const loaded = loadConfig({
    PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", GATEAI_DATA_DIR: dataDir, GATEAI_DAILY_LIMIT: "1000000",
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
  });
  if (!loaded.ok) throw new Error(loaded.errors.join("; "));
  const gateway = await createGateway(loaded.config);
  const rows: { phase: string; victim: LoadResult; refused: string }[] = [];
  try {
    const { url } = await gateway.listen(0, "127.0.0.1");
    const victim = (await gateway.services.keys.create({ label: "victim" })).key;
    const attacker = (await gateway.services.keys.create({ label: "attacker" })).key;
    const kinds = floods(attacker);
    const chosen = arg("kinds", Object.keys(kinds).join(",")).split(",").filter((k) => k in kinds);
    const timed = async (ms: number): Promise<LoadResult> => {
      const serverLag = TIMELINE ? startLoopLag() : undefined;
      let result: LoadResult;
      try {
        result = await runLoad({
          origin: url, requests: victimRequests(victim), concurrency: 8, rate: RATE, warmup: { requests: 0, ms: 0 }, measure: { requests: Number.MAX_SAFE_INTEGER, ms }, timeline: TIMELINE,
        });
      } catch (error) {
        serverLag?.stop(0);
        throw error;
      }
      if (serverLag && !result.slowestPer100ms) serverLag.stop(0);
      if (serverLag && result.slowestPer100ms) {
        const line = (values: readonly number[]) => values.map((v) => v.toFixed(0)).join(" ");
        const windows = result.slowestPer100ms.length;
        console.log("  per 100 ms (ms): the victim's slowest answer, then event-loop lag of the server and of the victim's load generator");
        console.log(`    answer  ${line(result.slowestPer100ms)}`);
        console.log(`    server  ${line(serverLag.stop(result.beginEpochMs).slice(0, windows))}`);
        console.log(`    loadgen ${line((result.loadgenLagPer100ms ?? []).slice(0, windows))}`);
      }
      return result;
    };
    // Warm-up: the victim's key in the key cache, every path compiled.
    await runLoad({ origin: url, requests: victimRequests(victim), concurrency: 4, warmup: { requests: 0, ms: 0 }, measure: { requests: Number.MAX_SAFE_INTEGER, ms: 1_000 } });

    rows.push({ phase: "no flood", victim: await timed(SECONDS * 1000), refused: "-" });
    for (const name of chosen) {
      const { label, flood: spec } = kinds[name]!;
      // The flood is under way before the victim's run begins (its first answer, then
      // FLOOD_LEAD_MS: its worker thread's start-up is the bench's, not the gateway's) and
      // outlasts it.
      const flooding = await flood(url, spec);
      await new Promise((resolve) => setTimeout(resolve, FLOOD_LEAD_MS));
      const result = await timed(SECONDS * 1000);
      const counts = await flooding.stop();
      const refused = Object.entries(counts)
        .sort((a, b) => b[1] - a[1])
        .map(([answer, n]) => `${fmt(n)} x ${answer}`)
        .join(", ");
      rows.push({ phase: label, victim: result, refused });
      console.log(`• ${label}: victim p99 ${fmt(result.p99, 1)} ms; flood answered ${refused}`);
    }
  } finally {
    await gateway.close();
    await rm(dataDir, { recursive: true, force: true });
    await postgres?.drop();
  }

  const header = ["flood", "victim requests", "victim non-200", "victim p50 ms", "victim p99 ms", "p99 < 50 ms"];
  const body = rows.map((row) => [
    row.phase,
    fmt(row.victim.completed),
    fmt(row.victim.completed - (row.victim.statuses["200"] ?? 0) + row.victim.errors),
    fmt(row.victim.p50, 1),
    fmt(row.victim.p99, 1),
    row.victim.p99 < P99_TARGET_MS && row.victim.statuses["200"] === row.victim.completed ? "yes" : "NO",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(`\n${line(header)}\n|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of body) console.log(line(r));
  console.log("\nHow each flood was answered (count x HTTP status and error code, or graphql-ws message/close code):");
  for (const row of rows.slice(1)) console.log(`  ${row.phase}: ${row.refused}`);
  console.log(`  load average (1 min) at the end: ${loadavg()[0]!.toFixed(2)} (2 cores; above ~1.5 before the run, other processes compete for them)`);
  const missed = rows.filter((r) => !(r.victim.p99 < P99_TARGET_MS && r.victim.statuses["200"] === r.victim.completed)).map((r) => r.phase);
  console.log(missed.length ? `\nTarget missed under: ${missed.join("; ")}` : "\nThe victim's p99 stayed under 50 ms under every flood.");
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
