import { configDefaults, defineConfig } from "vitest/config";

// Three projects, chosen by what a test does (`npm test` runs them all; `--project NAME` one):
//   unit  pure code: no database, no Redis, no gateway, no worker thread or child server;
//   e2e   starts a gateway, a server or the render worker (and whatever they need);
//   db    everything else: tests that open a database (PGlite or PostgreSQL) or Redis, i.e.
//         test/adapters/** and test/services/** unless listed below — and, so that no test is
//         ever left out, any folder not named here yet.
// A folder goes in by glob; a file that differs from its folder is listed by name.
const UNIT = [
  "test/architecture/**/*.test.ts",
  "test/source/**/*.test.ts",
  "test/catalog/**/*.test.ts",
  "test/domain/**/*.test.ts",
  "test/engine/**/*.test.ts",
  "test/kernel/**/*.test.ts",
  "test/http/**/*.test.ts",
  "test/graphql/plugins/**/*.test.ts",
  "test/graphql/codegen.test.ts", // generates in memory
  "test/console/codegen.test.ts", // runs the codegen CLI, no server
  "test/console/task-merge.test.ts",
  "test/graphql/schema-drift.test.ts", // prints the schema in a child tsx, no server
  "test/graphql/schema.test.ts", // builds the schema in memory, no server
  "test/graphql/schema-descriptions.test.ts", // reads schema.graphql
  "test/adapters/providers/{gif,glb,jpeg,png,simulated-provider,output-format}.test.ts", // codecs and rendering on this thread
  "test/services/events.test.ts",
  "test/adapters/files/s3-presign.test.ts", // signing in memory
  "test/services/live-limits.test.ts",
  "test/services/live-dashboards.test.ts",
  "test/simulation/**/*.test.ts", // the pure workload simulator
  "test/scripts/**/*.test.ts", // the scripts' CLIs in a child tsx (npm run simulate), no server
  "test/services/simulation.test.ts", // the simulation service over the pure simulator, no database
  "test/adapters/metrics/**/*.test.ts", // prom-client registries in memory
  "test/adapters/postgres/batch-per-tick.test.ts", // the batching alone, a recording run in place of the database
  "test/graphql/transports/yoga-logger.test.ts", // a pino logger into memory
];
const E2E = [
  "test/app/**/*.test.ts",
  "test/examples/**/*.test.ts", // the example client against a gateway
  "test/console/**/*.test.ts", // a gateway and Chromium
  "test/rest/**/*.test.ts",
  "test/graphql/**/*.test.ts",
  "test/faces/**/*.test.ts",
  "test/bench/**/*.test.ts", // a local HTTP server
  "test/lifecycle/**/*.test.ts",
  "test/integration/**/*.test.ts",
  "test/adapters/providers/provider.contract.test.ts", // a gateway as the upstream
  "test/adapters/files/blob-store.contract.test.ts", // a local S3 server (s3rver)
  "test/adapters/providers/vendors/**/*.test.ts", // fake vendor servers
  "test/adapters/providers/render-thread.test.ts", // the render worker
  "test/services/generation.test.ts", // a gateway
  "test/services/task-driver.test.ts", // a gateway
  "test/services/live-dashboards-gateway.test.ts", // a gateway
];

/** Builds dist/ when stale: the render worker always runs compiled (see render-thread.ts). */
const BUILD = "test/support/build-dist.ts";
/** The migrated PGlite every in-memory database of the run starts from. */
const PGLITE_TEMPLATE = "test/support/pglite-template.ts";

/**
 * Options every project runs with (projects do not inherit the root's test options). A setup that
 * only some projects need (e.g. building the render worker, for e2e) goes in that project's `test`;
 * a globalSetup in the root `test` would run for `--project unit` too.
 */
const shared = {
  testTimeout: 30_000,
  hookTimeout: 60_000,
  pool: "forks",
  // A test that makes no assertion fails: a callback that never ran cannot pass silently.
  expect: { requireAssertions: true },
} as const;

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: "unit", include: UNIT } },
      { test: { ...shared, globalSetup: [BUILD, PGLITE_TEMPLATE], name: "db", include: ["test/**/*.test.ts"], exclude: [...configDefaults.exclude, ...UNIT, ...E2E] } },
      { test: { ...shared, globalSetup: [BUILD, PGLITE_TEMPLATE], name: "e2e", include: E2E, exclude: [...configDefaults.exclude, ...UNIT] } },
    ],
  },
});
