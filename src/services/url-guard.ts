/**
 * The address guard for URLs the gateway accepts (references) or fetches (through a guarded
 * connector, which checks again at connection time: src/adapters/providers/guarded-dispatcher.ts).
 * One predicate decides which addresses are refused: `isBlockedAddress` (src/engine/references.ts).
 */
import { isBlockedAddress } from "../engine/references.ts";
import type { HostResolver } from "./ports/host-resolver.ts";

export { isBlockedAddress };

export interface HostPolicy {
  readonly resolve: HostResolver;
  /** How long a DNS lookup may take (default 3 s). */
  readonly resolveTimeoutMs?: number;
}

/** `localhost` and its subdomains (RFC 6761), with or without the final dot. */
const isLocalhostName = (host: string): boolean => /(^|\.)localhost\.?$/i.test(host);

/**
 * Why a URL's host must not be used, or undefined when it is fine: an address literal must be
 * global unicast; a name must not be localhost, must resolve in time, and every address it
 * resolves to must be global unicast (one private address among public ones is enough to refuse:
 * a fetcher may pick any of them).
 */
export async function refuseHost(hostname: string, policy: HostPolicy): Promise<string | undefined> {
  const literal = hostname.startsWith("[") || /^[\d.]+$/.test(hostname);
  if (literal) return isBlockedAddress(hostname) ? `host ${hostname} is not a public address (loopback, private, link-local or reserved), which is never fetched` : undefined;
  if (isLocalhostName(hostname)) return `host ${hostname} points at this machine (localhost)`;
  let addresses: readonly string[];
  let timer: NodeJS.Timeout | undefined;
  try {
    addresses = await Promise.race([
      policy.resolve(hostname),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), policy.resolveTimeoutMs ?? 3_000);
        timer.unref();
      }),
    ]);
  } catch {
    return `host ${hostname} could not be resolved`;
  } finally {
    clearTimeout(timer);
  }
  if (!addresses.length) return `host ${hostname} could not be resolved`;
  // The address itself is not named: the answer must not map internal names for the caller.
  if (addresses.some((address) => isBlockedAddress(address)))
    return `host ${hostname} resolves to a loopback, private, link-local or reserved address, which is never fetched`;
  return undefined;
}
