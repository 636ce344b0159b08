import { loadConfig } from "./app/config.ts";
import { createGateway } from "./app/gateway.ts";
import { generationBackend, startFailure } from "./app/start-up.ts";

// Entry point: `npm start` runs the compiled dist/main.js with plain node, through `exec` so that
// the signals a supervisor sends to npm reach this process. Embedded defaults (PGlite under
// ./.data, in-process limits) unless DATABASE_URL / REDIS_URL say otherwise.
const loaded = loadConfig(process.env);
if (!loaded.ok) {
  console.error(`Invalid configuration:\n${loaded.errors.map((e) => `  - ${e}`).join("\n")}`);
  process.exit(1);
}
const { config } = loaded;
let gateway: Awaited<ReturnType<typeof createGateway>>;
let url: string;
try {
  gateway = await createGateway(config);
  ({ url } = await gateway.listen());
} catch (error) {
  // One line that says what to change, not a stack: the cause's own words, and the variable.
  console.error(`Could not start the gateway: ${startFailure(error, config)}`);
  process.exit(1);
}
const log = gateway.services.logger;
for (const warning of loaded.warnings) log.warn(warning);
log.info(
  {
    url,
    graphql: `${url}/graphql`,
    database: config.databaseUrl ? "postgresql" : `pglite (${config.dataDir})`,
    redis: config.redisUrl ? "yes" : "in-process",
    generation: generationBackend(config),
  },
  "GateAI gateway listening",
);
if (gateway.bootstrapKey) {
  // Shown once: only its hash is stored.
  process.stdout.write(
    `\n  First start: created an API key. It is shown only now, keep it:\n\n    ${gateway.bootstrapKey}\n\n  Try: curl -H "Authorization: Bearer ${gateway.bootstrapKey}" ${url}/credits\n\n`,
  );
}

/** Past the requests' grace, what closing the services may take before the process stops anyway. */
const CLOSE_DEADLINE_MS = 15_000;

let stopping = false;
const stop = async (signal: string) => {
  // A second signal is the operator insisting: stop now.
  if (stopping) {
    log.warn({ signal }, "stopping now, without waiting for the shutdown to end");
    process.exit(1);
  }
  stopping = true;
  log.info({ signal }, `shutting down (requests in flight have ${config.shutdownGraceMs} ms to be answered)`);
  const deadline = setTimeout(() => {
    log.error({ signal }, "the shutdown did not end in time: stopping anyway");
    process.exit(1);
  }, config.shutdownGraceMs + CLOSE_DEADLINE_MS);
  deadline.unref();
  try {
    await gateway.close();
  } catch (error) {
    log.error({ err: error, signal }, "the shutdown failed");
    process.exit(1);
  }
  log.info({ signal }, "stopped");
  process.exit(0);
};
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
