// The layer rules of eslint.config.js, proved on small snippets: for every rule, imports that must be
// reported and imports that must pass, linted as if they were a file in the folder the rule is about.
import { join } from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const RULES = new Set(["no-restricted-imports", "architecture/no-restricted-import-expressions"]);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function lint(file: string, code: string) {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: join(root, file) });
  return result!.messages;
}

interface Rule {
  /** the rule, as the architecture states it */
  rule: string;
  /** a file path (need not exist) inside the folder the rule is about */
  file: string;
  /** statements that must be reported, each on its own */
  reported: string[];
  /** text the report must contain */
  says: RegExp;
  /** statements that must pass, each on its own */
  passes: string[];
}

const rules: Rule[] = [
  {
    rule: "kernel imports nothing else from src",
    file: "src/kernel/fixture.ts",
    reported: [`import { x } from "../catalog/types.ts";`, `import { x } from "../engine/engine.ts";`, `import { x } from "../services/errors.ts";`],
    says: /src\/kernel must not import src\/(catalog|engine|services)/,
    passes: [`import { x } from "./money.ts";`],
  },
  {
    rule: "catalog imports kernel only",
    file: "src/catalog/models/fixture.ts",
    reported: [`import { x } from "../../engine/engine.ts";`, `import { x } from "../../domain/task.ts";`],
    says: /src\/catalog must not import src\/(engine|domain)/,
    passes: [`import { x } from "../../kernel/money.ts";`, `import { x } from "../types.ts";`],
  },
  {
    rule: "engine is pure: kernel and catalog only",
    file: "src/engine/fixture.ts",
    reported: [`import { x } from "../domain/task.ts";`, `import { x } from "../services/errors.ts";`, `import { x } from "../adapters/providers/hash.ts";`],
    says: /src\/engine must not import src\/(domain|services|adapters)/,
    passes: [`import { x } from "../catalog/types.ts";`, `import { x } from "../kernel/result.ts";`, `import { x } from "./price.ts";`],
  },
  {
    rule: "domain imports kernel, catalog and engine only",
    file: "src/domain/fixture.ts",
    reported: [`import { x } from "../services/events.ts";`, `import { x } from "../adapters/postgres/task-row.ts";`, `import { x } from "../http/body.ts";`],
    says: /src\/domain must not import src\/(services|adapters|http)/,
    passes: [`import { x } from "../engine/engine.ts";`, `import { x } from "../catalog/types.ts";`, `import { x } from "../kernel/money.ts";`, `import { x } from "./task.ts";`],
  },
  {
    rule: "simulation is pure: kernel, catalog, engine and domain only, no I/O",
    file: "src/simulation/fixture.ts",
    reported: [
      `import { x } from "../services/timing.ts";`,
      `import { x } from "../adapters/providers/simulated-provider.ts";`,
      `import { x } from "../http/body.ts";`,
      `import { x } from "../graphql/builder.ts";`,
      `import { Worker } from "node:worker_threads";`,
      `import { readFileSync } from "node:fs";`,
    ],
    says: /src\/simulation must not import src\/(services|adapters|http|graphql)|do no I\/O of their own/,
    passes: [`import { x } from "../engine/engine.ts";`, `import { x } from "../domain/generation-clocks.ts";`, `import { x } from "../kernel/money.ts";`, `import { x } from "./report.ts";`],
  },
  {
    rule: "services and faces may read the simulation; the core below it may not",
    file: "src/engine/fixture.ts",
    reported: [`import { x } from "../simulation/run.ts";`],
    says: /src\/engine must not import src\/simulation/,
    passes: [`import { x } from "./price.ts";`],
  },
  {
    rule: "services depend on ports, not adapters",
    file: "src/services/fixture.ts",
    reported: [`import { x } from "../adapters/postgres/task-store.ts";`, `import type { X } from "../adapters/limits/redis-limiter.ts";`],
    says: /services depend on ports, not adapters: add a port in services\/ports/,
    passes: [`import type { Limiter } from "./ports/limiter.ts";`, `import { x } from "./errors.ts";`],
  },
  {
    rule: "services import no app, faces, http or generated code",
    file: "src/services/fixture.ts",
    reported: [
      `import { x } from "../app/config.ts";`,
      `import { x } from "../rest/respond.ts";`,
      `import { x } from "../graphql/context.ts";`,
      `import { x } from "../http/body.ts";`,
      `import type { PrismaClient } from "../generated/prisma/client.ts";`,
      `import { x } from "../main.ts";`,
    ],
    says: /src\/services must not import src\/(app|rest|graphql|http|generated|main\.ts)/,
    passes: [`import { x } from "../domain/task.ts";`, `import { x } from "../engine/engine.ts";`, `import { x } from "../catalog/index.ts";`, `import { x } from "../kernel/clock.ts";`],
  },
  {
    rule: "services/ports: the same rules as services",
    file: "src/services/ports/fixture.ts",
    reported: [`import type { X } from "../../adapters/postgres/sql.ts";`, `import type { PrismaClient } from "@prisma/client";`],
    says: /services depend on ports|Prisma/,
    passes: [`import type { Task } from "../../domain/task.ts";`, `import type { ServiceError } from "../errors.ts";`, `import type { Provider } from "./provider.ts";`],
  },
  {
    rule: "the core and the services do no I/O of their own",
    file: "src/services/fixture.ts",
    reported: [
      `import { lookup } from "node:dns/promises";`,
      `import { readFile } from "node:fs/promises";`,
      `import { request } from "node:http";`,
      `import { connect } from "net";`,
      `import { fork } from "node:child_process";`,
    ],
    says: /do no I\/O of their own/,
    passes: [`import { randomUUID } from "node:crypto";`, `import { setTimeout } from "node:timers/promises";`],
  },
  {
    rule: "the kernel does no I/O either",
    file: "src/kernel/fixture.ts",
    reported: [`import { readFile } from "node:fs/promises";`],
    says: /do no I\/O of their own/,
    passes: [`import { createHash } from "node:crypto";`],
  },
  {
    rule: "services use no database or Redis packages",
    file: "src/services/fixture.ts",
    reported: [`import { PrismaClient } from "@prisma/client";`, `import pg from "pg";`, `import { PGlite } from "@electric-sql/pglite";`, `import Redis from "ioredis";`],
    says: /only under src\/adapters/,
    passes: [`import { randomUUID } from "node:crypto";`],
  },
  {
    rule: "adapters implement ports: services/ports only, not other services",
    file: "src/adapters/pubsub/fixture.ts",
    reported: [`import { x } from "../../services/generation.ts";`, `import { x } from "../../services/events.ts";`],
    says: /src\/adapters must not import src\/services other than services\/ports/,
    passes: [`import type { PubSub } from "../../services/ports/pubsub.ts";`, `import { x } from "../../domain/task.ts";`, `import { x } from "../../kernel/clock.ts";`],
  },
  {
    rule: "adapters import no app, faces or http",
    file: "src/adapters/postgres/fixture.ts",
    reported: [`import { x } from "../../app/config.ts";`, `import { x } from "../../rest/respond.ts";`, `import { x } from "../../graphql/context.ts";`, `import { x } from "../../http/body.ts";`],
    says: /src\/adapters must not import src\/(app|rest|graphql|http)/,
    passes: [`import { x } from "./sql.ts";`, `import { x } from "../../catalog/types.ts";`],
  },
  {
    rule: "no adapter folder imports another adapter folder",
    file: "src/adapters/limits/fixture.ts",
    reported: [
      `import { x } from "../postgres/database.ts";`,
      `import { x } from "../pubsub/memory-pubsub.ts";`,
      `import { x } from "../providers/hash.ts";`,
      `import { x } from "../files/store.ts";`,
      `import { x } from "../../adapters/postgres/sql.ts";`,
    ],
    says: /src\/adapters\/limits must not import src\/adapters\/(postgres|pubsub|providers|files)/,
    passes: [`import { x } from "./memory-limiter.ts";`, `import type { Limiter } from "../../services/ports/limiter.ts";`],
  },
  {
    rule: "no adapter folder imports another adapter folder (from a subfolder)",
    file: "src/adapters/providers/render/fixture.ts",
    reported: [`import { x } from "../../postgres/sql.ts";`, `import { x } from "../../limits/memory-limiter.ts";`],
    says: /src\/adapters\/providers must not import src\/adapters\/(postgres|limits)/,
    passes: [`import { x } from "../media/png.ts";`, `import { x } from "../hash.ts";`, `import { x } from "./params.ts";`],
  },
  {
    rule: "every adapter folder may import the Redis plumbing they share (adapters/redis), which imports no adapter folder",
    file: "src/adapters/redis/fixture.ts",
    reported: [`import { x } from "../pubsub/redis-pubsub.ts";`, `import { x } from "../limits/redis-limiter.ts";`, `import { x } from "../../services/task-driver.ts";`],
    says: /src\/adapters\/redis must not import src\/adapters\/(pubsub|limits)|src\/adapters must not import src\/services other than services\/ports/,
    passes: [`import { heartbeat } from "./heartbeat.ts";`, `import { Redis } from "ioredis";`],
  },
  {
    rule: "an adapter folder may import adapters/redis",
    file: "src/adapters/pubsub/fixture.ts",
    reported: [`import { x } from "../limits/redis-limiter.ts";`],
    says: /src\/adapters\/pubsub must not import src\/adapters\/limits/,
    passes: [`import { heartbeat } from "../redis/heartbeat.ts";`, `import { heartbeat } from "../../adapters/redis/heartbeat.ts";`],
  },
  {
    rule: "adapters/files (the blob stores) stand alone: ports only, no other adapter, no Prisma",
    file: "src/adapters/files/fixture.ts",
    reported: [
      `import { x } from "../postgres/file-records.ts";`,
      `import { x } from "../../services/file-store.ts";`,
      `import { PrismaClient } from "@prisma/client";`,
    ],
    says: /src\/adapters\/files must not import src\/adapters\/postgres|src\/adapters must not import src\/services other than services\/ports|only under src\/adapters\/postgres/,
    passes: [`import { assertBlobKey } from "../../services/ports/blob-store.ts";`, `import { S3Client } from "@aws-sdk/client-s3";`, `import { x } from "./s3-blob-store.ts";`],
  },
  {
    rule: "adapters/providers may import engine and catalog",
    file: "src/adapters/providers/fixture.ts",
    reported: [`import { x } from "../../services/generation.ts";`],
    says: /src\/adapters must not import src\/services other than services\/ports/,
    passes: [`import { x } from "../../engine/engine.ts";`, `import { x } from "../../catalog/types.ts";`, `import { x } from "../../services/ports/provider.ts";`],
  },
  {
    rule: "Prisma and SQL clients only under src/adapters/postgres",
    file: "src/adapters/limits/fixture.ts",
    reported: [
      `import type { PrismaClient } from "../../generated/prisma/client.ts";`,
      `import { PrismaClient } from "@prisma/client";`,
      `import { PrismaPg } from "@prisma/adapter-pg";`,
      `import { PrismaPGlite } from "pglite-prisma-adapter";`,
      `import pg from "pg";`,
      `import { PGlite } from "@electric-sql/pglite";`,
    ],
    says: /src\/generated|only under src\/adapters\/postgres/,
    passes: [`import Redis from "ioredis";`],
  },
  {
    rule: "src/adapters/postgres may use Prisma and the SQL clients",
    file: "src/adapters/postgres/fixture.ts",
    reported: [`import { x } from "../../services/task-driver.ts";`],
    says: /src\/adapters must not import src\/services other than services\/ports/,
    passes: [
      `import { Prisma, type PrismaClient } from "../../generated/prisma/client.ts";`,
      `import { PrismaPg } from "@prisma/adapter-pg";`,
      `import { PrismaPGlite } from "pglite-prisma-adapter";`,
      `import pg from "pg";`,
      `import { PGlite } from "@electric-sql/pglite";`,
      `import { Decimal } from "@prisma/client/runtime/client";`,
    ],
  },
  {
    rule: "ioredis only under src/adapters/** and src/app",
    file: "src/rest/fixture.ts",
    reported: [`import Redis from "ioredis";`],
    says: /ioredis is imported only under src\/adapters\/\*\* and src\/app/,
    passes: [`import { x } from "../services/keys.ts";`],
  },
  {
    rule: "app may import anything in src and ioredis, but Prisma and SQL clients only through adapters/postgres",
    file: "src/app/fixture.ts",
    reported: [
      `import type { PrismaClient } from "../generated/prisma/client.ts";`,
      `import { PrismaPg } from "@prisma/adapter-pg";`,
      `import pg from "pg";`,
      `import { PGlite } from "@electric-sql/pglite";`,
    ],
    says: /Prisma|SQL clients/,
    passes: [
      `import Redis from "ioredis";`,
      `import { x } from "../adapters/limits/redis-limiter.ts";`,
      `import { x } from "../rest/router.ts";`,
      `import { x } from "../graphql/server.ts";`,
      `import { x } from "../http/request-path.ts";`,
      `import { x } from "../services/generation.ts";`,
      `import { x } from "../engine/engine.ts";`,
      `import { x } from "./config.ts";`,
      `import { x } from "../adapters/postgres/database.ts";`,
    ],
  },
  {
    rule: "prom-client only under src/adapters/metrics",
    file: "src/services/fixture.ts",
    reported: [`import { Counter } from "prom-client";`],
    says: /prom-client is imported only under src\/adapters\/metrics/,
    passes: [`import type { MetricsPort } from "./ports/metrics.ts";`],
  },
  {
    rule: "src/adapters/metrics may use prom-client, and no other adapter",
    file: "src/adapters/metrics/fixture.ts",
    reported: [`import { x } from "../postgres/sql.ts";`],
    says: /src\/adapters\/metrics must not import src\/adapters\/postgres/,
    passes: [`import { Counter, Registry } from "prom-client";`, `import type { MetricsPort } from "../../services/ports/metrics.ts";`],
  },
  {
    rule: "prom-client not in the faces or app either",
    file: "src/graphql/plugins/fixture.ts",
    reported: [`import { Histogram } from "prom-client";`],
    says: /prom-client is imported only under src\/adapters\/metrics/,
    passes: [`import type { MetricsPort } from "../../services/ports/metrics.ts";`],
  },
  {
    rule: "main.ts imports app and kernel only",
    file: "src/main.ts",
    reported: [`import { x } from "./services/generation.ts";`, `import { x } from "./adapters/postgres/database.ts";`, `import pg from "pg";`],
    says: /src\/main\.ts must not import|SQL clients/,
    passes: [`import { x } from "./app/gateway.ts";`, `import { x } from "./app/config.ts";`, `import { x } from "./kernel/clock.ts";`],
  },
  {
    rule: "http imports kernel and services types only",
    file: "src/http/fixture.ts",
    reported: [`import { x } from "../services/keys.ts";`],
    says: /src\/http may import src\/services for types only/,
    passes: [`import type { ApiKey } from "../services/keys.ts";`, `import { type ApiKey } from "../services/keys.ts";`, `import { x } from "../kernel/money.ts";`, `import { x } from "./body.ts";`],
  },
  {
    rule: "http imports no faces, app, adapters or pure layers besides kernel",
    file: "src/http/fixture.ts",
    reported: [`import { x } from "../rest/failures.ts";`, `import { x } from "../graphql/context.ts";`, `import { x } from "../app/config.ts";`, `import { x } from "../adapters/postgres/sql.ts";`, `import { x } from "../engine/engine.ts";`],
    says: /src\/http must not import src\/(rest|graphql|app|adapters|engine)/,
    passes: [`import { x } from "../kernel/result.ts";`],
  },
  {
    rule: "rest never imports graphql, adapters, app or generated",
    file: "src/rest/routes/fixture.ts",
    reported: [
      `import { x } from "../../graphql/schema.ts";`,
      `import { x } from "../../adapters/postgres/task-store.ts";`,
      `import { x } from "../../app/config.ts";`,
      `import type { PrismaClient } from "../../generated/prisma/client.ts";`,
    ],
    says: /src\/rest must not import src\/(graphql|adapters|app|generated)/,
    passes: [
      `import { x } from "../../services/gateway-services.ts";`,
      `import { x } from "../../http/body.ts";`,
      `import { x } from "../../kernel/money.ts";`,
      `import { x } from "../../domain/task.ts";`,
      `import { x } from "../../catalog/types.ts";`,
      `import { x } from "../../engine/engine.ts";`,
      `import { x } from "../respond.ts";`,
      `import { parse } from "graphql";`,
    ],
  },
  {
    rule: "graphql never imports rest, adapters, app or generated",
    file: "src/graphql/types/fixture.ts",
    reported: [
      `import { x } from "../../rest/respond.ts";`,
      `import { x } from "../../adapters/postgres/task-store.ts";`,
      `import { x } from "../../app/config.ts";`,
      `import type { PrismaClient } from "../../generated/prisma/client.ts";`,
    ],
    says: /src\/graphql must not import src\/(rest|adapters|app|generated)/,
    passes: [
      `import { x } from "../../services/errors.ts";`,
      `import { x } from "../../http/origin.ts";`,
      `import { x } from "../../kernel/money.ts";`,
      `import { x } from "../../domain/task.ts";`,
      `import { x } from "../../catalog/types.ts";`,
      `import { x } from "../../engine/engine.ts";`,
      `import { builder } from "../builder.ts";`,
    ],
  },
  {
    rule: "re-exports, import() expressions and import() types are checked too",
    file: "src/services/fixture.ts",
    reported: [
      `export { x } from "../adapters/postgres/task-store.ts";`,
      `export * from "../adapters/postgres/task-store.ts";`,
      `export type T = import("../adapters/postgres/task-store.ts").TaskStore;`,
      `export const load = () => import("../adapters/postgres/task-store.ts");`,
    ],
    says: /services depend on ports, not adapters/,
    passes: [`export type R = import("../kernel/result.ts").Result<number, string>;`, `export const load = () => import("./errors.ts");`],
  },
  {
    rule: "any other folder of src: the package rules",
    file: "src/scratch/fixture.ts",
    reported: [`import pg from "pg";`, `import Redis from "ioredis";`, `import { PrismaClient } from "@prisma/client";`],
    says: /only under src\/adapters/,
    passes: [`import { x } from "../kernel/money.ts";`],
  },
  {
    rule: "the web console reaches the gateway only over HTTP: no gateway code, no Node modules",
    file: "console/src/pages/fixture.tsx",
    reported: [
      `import { x } from "../../../src/graphql/schema.ts";`,
      `import type { Task } from "../../../src/domain/task.ts";`,
      `export const load = () => import("../../../src/app/gateway.ts");`,
      `import { readFileSync } from "node:fs";`,
      `import pg from "pg";`,
    ],
    says: /console\/ must not import the gateway's code|console\/ runs in the browser|only under src\/adapters/,
    passes: [`import { graphql } from "../gql/index.ts";`, `import { createClient } from "graphql-ws/client";`, `import { useState } from "preact/hooks";`, `import { Api } from "../api/client.ts";`],
  },
  {
    rule: "tests may import anything",
    file: "test/services/fixture.test.ts",
    reported: [],
    says: /$^/,
    passes: [
      `import { x } from "../../src/adapters/postgres/database.ts";`,
      `import type { PrismaClient } from "../../src/generated/prisma/client.ts";`,
      `import pg from "pg";`,
      `import Redis from "ioredis";`,
      `import { x } from "../../src/app/gateway.ts";`,
    ],
  },
  {
    rule: "benchmarks may import anything",
    file: "bench/fixture.bench.ts",
    reported: [],
    says: /$^/,
    passes: [`import { x } from "../src/adapters/postgres/database.ts";`, `import pg from "pg";`, `import { x } from "../src/services/generation.ts";`],
  },
];

describe("layer import rules (eslint.config.js)", () => {
  for (const { rule, file, reported, says, passes } of rules) {
    describe(`${rule} (${file})`, () => {
      for (const statement of reported) {
        it(`reports ${statement}`, async () => {
          const messages = await lint(file, statement);
          expect(messages.length, JSON.stringify(messages)).toBeGreaterThan(0);
          for (const message of messages) {
            expect(RULES.has(message.ruleId ?? ""), message.message).toBe(true);
            expect(message.message).toMatch(says);
          }
        });
      }
      for (const statement of passes) {
        it(`passes ${statement}`, async () => {
          expect(await lint(file, statement)).toEqual([]);
        });
      }
    });
  }

  it("gives every restricted entry a message", async () => {
    const files = [...new Set(rules.map((r) => r.file))].filter((f) => f.startsWith("src/"));
    for (const file of files) {
      const config = await eslint.calculateConfigForFile(join(root, file));
      const [, options] = config.rules["no-restricted-imports"] as [unknown, { patterns: { regex: string; message?: string }[] }];
      expect(options.patterns.length, file).toBeGreaterThan(0);
      for (const pattern of options.patterns) expect(pattern.message, `${file}: ${pattern.regex}`).toMatch(/\S{3,}.*:/);
    }
  });

  it("ignores generated code and build output", async () => {
    for (const path of ["src/generated/prisma/client.ts", "test/generated/graphql.ts", "console/src/gql/graphql.ts", "dist/main.js", "dist/console/assets/index.js", "coverage/index.js", ".data/x.js"]) {
      expect(await eslint.isPathIgnored(join(root, path)), path).toBe(true);
    }
    expect(await eslint.isPathIgnored(join(root, "src/services/generation.ts"))).toBe(false);
  });
});
