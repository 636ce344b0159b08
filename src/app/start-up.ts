import type { Config } from "./config.ts";
import { accountCounts } from "./vendor-config.ts";

const accounts = (n: number) => `${n} account${n === 1 ? "" : "s"}`;

/**
 * Where generations run, as the start-up log says it: the simulation, a GateAI-compatible
 * upstream, or vendor accounts (and whether models no vendor runs are simulated). Counts only,
 * never a key.
 */
export function generationBackend(config: Config): string {
  if (config.upstream) return `upstream ${new URL(config.upstream.url).origin} (${accounts(config.upstream.apiKeys.length)})`;
  if (!config.vendors) return `simulation (${accounts(config.poolSize)})`;
  const vendors = Object.entries(accountCounts(config.vendors)).map(([vendor, n]) => `${vendor} (${accounts(n)})`);
  return `${vendors.join(", ")}; other models ${config.vendors.simulateUnrouted ? "simulated" : "refused (GATEAI_SIMULATE_UNROUTED=false)"}`;
}

/**
 * Why the gateway could not start, in one line for its operator: the error's own message, with
 * the setting to look at for the failures a configuration causes. Nothing of a URL but its host.
 */
export function startFailure(error: unknown, config: Config): string {
  const e = error as { code?: unknown; message?: unknown; syscall?: unknown } | null;
  const message = typeof e?.message === "string" ? e.message : String(error);
  const code = typeof e?.code === "string" ? e.code : undefined;
  if (e?.syscall === "listen" || e?.syscall === "bind") {
    if (code === "EADDRINUSE") return `${config.host}:${config.port} is already in use: stop what listens there, or set PORT (or HOST)`;
    if (code === "EACCES") return `listening on port ${config.port} is not permitted: set PORT above 1023`;
    return `HOST=${config.host}, PORT=${config.port}: ${message}`;
  }
  if (e?.syscall === "getaddrinfo" && code === "ENOTFOUND" && message.includes(config.host)) return `HOST=${config.host} is not an address of this machine: ${message}`;
  return message;
}
