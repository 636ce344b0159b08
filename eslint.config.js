// ESLint enforces the layer rules of src/ (README "How it is built"): which folder may import which,
// and where Prisma, the SQL clients and ioredis may be used. Only import rules, nothing type-aware,
// so `npm run lint` stays fast. test/** and bench/** may import anything.
//
// Every restriction is a regex on the import specifier. Imports between layers are relative
// (`../../adapters/postgres/task-store.ts`), and a relative path that reaches another folder of src
// walks up with `../` and then names it, so "imports layer X" = `^(../)+(src/)?X(/|$)`.
// `no-restricted-imports` checks `import`, `export … from` and `import x = require()`;
// `architecture/no-restricted-import-expressions` applies the same entries to `import("…")`, both
// the dynamic import and the type `import("…").T`.
import { readdirSync } from "node:fs";
import tseslint from "typescript-eslint";

const SOURCE = "**/*.{ts,mts,cts,tsx,js,mjs,cjs}";

/** Folders (and main.ts) directly under src; folders that exist but are not listed are forbidden to every layer with rules. */
const KNOWN_LAYERS = ["app", "main", "kernel", "catalog", "engine", "domain", "simulation", "services", "adapters", "http", "rest", "graphql", "generated"];
const KNOWN_ADAPTERS = ["postgres", "limits", "pubsub", "providers", "files", "metrics", "redis"];
/**
 * Adapter folders of connection plumbing that the adapters of one backing service share (the
 * Redis heartbeat), not adapters of a port: any adapter folder may import them, and they import
 * no other adapter folder.
 */
const SHARED_ADAPTERS = ["redis"];

function subfolders(path) {
  try {
    return readdirSync(new URL(path, import.meta.url), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return [];
  }
}
const unique = (names) => [...new Set(names)];
const LAYERS = unique([...KNOWN_LAYERS, ...subfolders("./src/")]);
const ADAPTERS = unique([...KNOWN_ADAPTERS, ...subfolders("./src/adapters/")]);

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const UP = String.raw`^(?:\.\./)+(?:src/)?`;
/** A relative import that leaves the current folder and enters src/<layer>. */
const intoLayer = (layer) =>
  layer === "main" ? String.raw`${UP}main(?:\.[cm]?[jt]sx?)?$` : `${UP}${escape(layer)}(?:/|$)`;
/** A relative import into src/services that is not services/ports. */
const intoServicesButPorts = String.raw`${UP}services(?:/(?!ports(?:/|$))|$)`;
/** From a file in src/adapters/<a>/…: a relative import into another adapter folder. */
const intoAdapter = (adapter) => String.raw`^(?:\.\./)+(?:(?:src/)?adapters/)?${escape(adapter)}(?:/|$)`;

const PRISMA = String.raw`^(?:@prisma/|prisma(?:/|$)|pglite-prisma-adapter(?:/|$))`;
const SQL_CLIENTS = String.raw`^(?:pg(?:-[\w.-]+)?|@electric-sql/pglite)(?:/|$)`;
const IOREDIS = String.raw`^ioredis(?:/|$)`;
const PROM_CLIENT = String.raw`^prom-client(?:/|$)`;

const PRISMA_MESSAGE = "Prisma (src/generated, @prisma/*, pglite-prisma-adapter) is imported only under src/adapters/postgres: go through a port in services/ports.";
const SQL_MESSAGE = "SQL clients (pg, @electric-sql/pglite) are imported only under src/adapters/postgres: go through a port in services/ports.";
const REDIS_MESSAGE = "ioredis is imported only under src/adapters/** and src/app: go through a port in services/ports.";
const METRICS_MESSAGE = "prom-client is imported only under src/adapters/metrics: report through the MetricsPort in services/ports/metrics.ts.";

const INWARD = "dependencies point inward (kernel <- catalog <- engine <- domain <- services <- adapters/faces <- app): move the shared code down a layer";
/** Why layer `from` may not import `to`; the default per target, then specific pairs. */
function reason(from, to) {
  const specific = {
    "services>adapters": "services depend on ports, not adapters: add a port in services/ports and let app wire the adapter in",
    "services>http": "services take plain values, not requests: parse the request in http/rest/graphql and pass the values in",
    "rest>graphql": "the faces are independent: share the code through http, services or a pure layer",
    "graphql>rest": "the faces are independent: share the code through http, services or a pure layer",
    "http>rest": "http is the request edge shared by both faces: move the code into http",
    "http>graphql": "http is the request edge shared by both faces: move the code into http",
    "http>app": "http is the request edge: pass configuration in as parameters",
  }[`${from}>${to}`];
  if (specific) return specific;
  switch (to) {
    case "app": return "app is the composition root: nothing imports it, pass what you need in as parameters";
    case "main": return "main.ts is the entry point: nothing imports it";
    case "adapters": return "only app wires adapters: depend on a port in services/ports";
    case "generated": return "Prisma code stays in src/adapters/postgres: go through a port in services/ports";
    case "rest":
    case "graphql": return "the faces (rest, graphql) sit on top: nothing below them imports them";
    case "http": return "http is the request edge of the faces: nothing below them imports it";
    default: return KNOWN_LAYERS.includes(to) ? INWARD : `src/${to} is not a layer of the architecture: move the code into one`;
  }
}

const layerName = (layer) => (layer === "main" ? "src/main.ts" : `src/${layer}`);

/**
 * `no-restricted-imports` options for files of `layer`, which may import `allowed` (layer names,
 * besides itself). `extra` adds entries.
 */
function layerRestrictions(layer, allowed, { packages = {}, extra = [], skip = [], mayImport = undefined } = {}) {
  mayImport ??= allowed.length === 0 ? "nothing else from src" : `only ${[...allowed, layer].join(", ")}`;
  const patterns = LAYERS.filter((to) => to !== layer && !allowed.includes(to) && !skip.includes(to)).map((to) => ({
    regex: intoLayer(to),
    message: `${layerName(layer)} must not import ${layerName(to)}: ${reason(layer, to)} (${layerName(layer)} may import ${mayImport}).`,
  }));
  patterns.push(...extra);
  patterns.push(...packageRestrictions(packages));
  return { patterns };
}

/** The package entries; `allow.x: true` lifts one. */
function packageRestrictions(allow) {
  return [
    ...(allow.prisma ? [] : [{ regex: PRISMA, message: PRISMA_MESSAGE }]),
    ...(allow.sql ? [] : [{ regex: SQL_CLIENTS, message: SQL_MESSAGE }]),
    ...(allow.redis ? [] : [{ regex: IOREDIS, message: REDIS_MESSAGE }]),
    ...(allow.metrics ? [] : [{ regex: PROM_CLIENT, message: METRICS_MESSAGE }]),
  ];
}

/** A config object applying `options` with both rules to `files`. */
function restrict(name, files, options) {
  return {
    name: `architecture/${name}`,
    files,
    rules: {
      "no-restricted-imports": ["error", options],
      "architecture/no-restricted-import-expressions": ["error", options],
    },
  };
}

/** `no-restricted-imports`' regex patterns, applied to `import("…")` expressions and `import("…")` types. */
const noRestrictedImportExpressions = {
  meta: {
    type: "problem",
    docs: { description: "no-restricted-imports' `patterns[].regex` entries, for import() expressions and import() types" },
    schema: [{ type: "object", properties: { patterns: { type: "array" } }, additionalProperties: true }],
    messages: { restricted: "'{{source}}' import is restricted from being used by a pattern. {{message}}" },
  },
  create(context) {
    const patterns = (context.options[0]?.patterns ?? [])
      .filter((p) => typeof p === "object" && p.regex)
      .map((p) => ({ regex: new RegExp(p.regex, p.caseSensitive ? "u" : "iu"), message: p.message ?? "", typeOnlyAllowed: Boolean(p.allowTypeImports) }));
    const check = (node, literal, isType) => {
      if (!literal || literal.type !== "Literal" || typeof literal.value !== "string") return;
      const source = literal.value.trim();
      for (const p of patterns) {
        if (isType && p.typeOnlyAllowed) continue;
        if (p.regex.test(source)) context.report({ node, messageId: "restricted", data: { source, message: p.message } });
      }
    };
    return {
      ImportExpression: (node) => check(node, node.source, false),
      // typescript-estree 8: `source`; older versions: `argument.literal`.
      TSImportType: (node) => check(node, node.source ?? node.argument?.literal, true),
    };
  },
};

const pure = ["kernel", "catalog", "engine", "domain"];
/** The pure layers and the workload simulator (pure too, on top of them): what services and faces may read. */
const core = [...pure, "simulation"];

/** Node's I/O modules: the core and the services reach the outside world only through ports. */
const NODE_IO = [
  {
    regex: String.raw`^(?:node:)?(?:fs|dns|net|http|https|http2|tls|dgram|child_process|cluster|worker_threads)(?:/|$)`,
    message: "The core and the services do no I/O of their own: take a port (services/ports) and let an adapter do it.",
  },
];

export default [
  { name: "architecture/ignores", ignores: ["dist/", "coverage/", ".data/", ".tmp/", "src/generated/", "test/generated/", "console/src/gql/", "test-results/"] },
  {
    name: "architecture/typescript",
    files: [SOURCE],
    languageOptions: { parser: tseslint.parser, ecmaVersion: "latest", sourceType: "module" },
    plugins: { architecture: { rules: { "no-restricted-import-expressions": noRestrictedImportExpressions } } },
  },

  // Any other file under src (a folder that is not a layer yet): the package rules only.
  restrict("src", ["src/**"], { patterns: packageRestrictions({}) }),

  // app wires everything: any layer; ioredis yes; Prisma and SQL clients only through adapters/postgres.
  restrict("app", ["src/app/**"], layerRestrictions("app", LAYERS.filter((l) => l !== "generated"), { packages: { redis: true } })),
  restrict("main", ["src/main.{ts,mts,cts,tsx,js,mjs,cjs}"], {
    patterns: [
      ...LAYERS.filter((to) => !["app", "kernel", "main"].includes(to)).map((to) => ({
        regex: `^\\./${escape(to)}(?:/|$)`,
        message: `src/main.ts must not import ${layerName(to)}: main.ts only starts the app (src/main.ts may import only app, kernel).`,
      })),
      ...packageRestrictions({}),
    ],
  }),

  restrict("kernel", ["src/kernel/**"], layerRestrictions("kernel", [], { extra: NODE_IO })),
  restrict("catalog", ["src/catalog/**"], layerRestrictions("catalog", ["kernel"], { extra: NODE_IO })),
  restrict("engine", ["src/engine/**"], layerRestrictions("engine", ["kernel", "catalog"], { extra: NODE_IO })),
  restrict("domain", ["src/domain/**"], layerRestrictions("domain", ["kernel", "catalog", "engine"], { extra: NODE_IO })),
  restrict("simulation", ["src/simulation/**"], layerRestrictions("simulation", pure, { extra: NODE_IO })),
  restrict("services", ["src/services/**"], layerRestrictions("services", core, { extra: NODE_IO })),

  // http: kernel, and services for types only.
  restrict(
    "http",
    ["src/http/**"],
    layerRestrictions("http", ["kernel"], {
      mayImport: "only kernel, services (types), http",
      skip: ["services"],
      extra: [
        {
          regex: intoLayer("services"),
          allowTypeImports: true,
          message: "src/http may import src/services for types only (`import type`): http is the request edge, the faces call the services (src/http may import only kernel, services (types), http).",
        },
      ],
    }),
  ),

  // The faces: services, http and the pure layers; never adapters, app, Prisma, or the other face.
  restrict("rest", ["src/rest/**"], layerRestrictions("rest", [...core, "services", "http"])),
  restrict("graphql", ["src/graphql/**"], layerRestrictions("graphql", [...core, "services", "http"])),

  // The web console is browser code beside src: it reaches the gateway only over HTTP, through the
  // client generated from schema.graphql (console/src/gql) and graphql-ws, never by importing it.
  restrict("console", ["console/src/**"], {
    patterns: [
      {
        regex: String.raw`^(?:\.\./)+(?:src|test|bench|scripts)/`,
        message: "console/ must not import the gateway's code (src, test, bench, scripts): it talks to the gateway only through the generated client (console/src/gql) and graphql-ws.",
      },
      {
        regex: String.raw`^node:`,
        message: "console/ runs in the browser: Node's modules are not there (console/ may import only its own files and browser packages).",
      },
      ...packageRestrictions({}),
    ],
  }),

  // Adapters: the pure layers and services/ports, their own folder, and no other adapter folder.
  restrict("adapters", ["src/adapters/**"], adapterRestrictions(undefined)),
  ...ADAPTERS.map((adapter) => restrict(`adapters/${adapter}`, [`src/adapters/${adapter}/**`], adapterRestrictions(adapter))),
];

/** Options for files in src/adapters/<adapter> (or directly in src/adapters when `adapter` is undefined). */
function adapterRestrictions(adapter) {
  const mayImport = `only kernel, catalog, engine, domain, services/ports, its own adapter folder and the shared ${SHARED_ADAPTERS.map((a) => `adapters/${a}`).join(", ")}`;
  const postgres = adapter === "postgres";
  const others = adapter === undefined ? [] : ADAPTERS.filter((a) => a !== adapter && (SHARED_ADAPTERS.includes(adapter) || !SHARED_ADAPTERS.includes(a)));
  return layerRestrictions("adapters", pure, {
    mayImport,
    // services: ports only (below); generated: postgres only; a top-level folder named like an adapter
    // folder (`../providers`) is ambiguous from here, the adapter entries below cover it.
    skip: ["services", ...(postgres ? ["generated"] : []), ...ADAPTERS],
    packages: { prisma: postgres, sql: postgres, redis: true, metrics: adapter === "metrics" },
    extra: [
      {
        regex: intoServicesButPorts,
        message: `src/adapters must not import src/services other than services/ports: adapters implement ports, they do not call use cases (src/adapters may import ${mayImport}).`,
      },
      ...others.map((other) => ({
        regex: intoAdapter(other),
        message: `src/adapters/${adapter} must not import src/adapters/${other}: each adapter folder stands alone, share code through a port or a pure layer (src/adapters may import ${mayImport}).`,
      })),
    ],
  });
}
