import { lookup as systemLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { isIP } from "node:net";
import { Agent, buildConnector } from "undici";
import { isBlockedAddress } from "../../engine/references.ts";

/** Every address of a host name (injectable: tests have no DNS). */
export type ResolveAll = (hostname: string, callback: (error: NodeJS.ErrnoException | null, addresses: readonly LookupAddress[]) => void) => void;

export interface GuardedAgentOptions {
  /** Default: the system resolver (`dns.lookup`, all addresses). */
  readonly resolve?: ResolveAll;
  /** Default: `isBlockedAddress`, the one predicate references are checked with. */
  readonly isBlocked?: (address: string) => boolean;
  /** Connection (TCP + TLS) time limit; default 10 s. */
  readonly connectTimeoutMs?: number;
}

/** A connection refused because the address it would reach is not public. */
export class BlockedAddressError extends Error {
  readonly code = "EADDRBLOCKED";
}

const systemResolveAll: ResolveAll = (hostname, callback) =>
  systemLookup(hostname, { all: true, verbatim: true }, (error, addresses) => callback(error, addresses ?? []));

/**
 * An undici Agent for fetching URLs the gateway does not control (an upstream's result files on
 * another origin): the address is checked when the connection is made, not only when the URL
 * was accepted, so a name that resolves to a public address first and to a private one later
 * (DNS rebinding) is still refused. Address literals are checked by the connector (Node does not
 * look them up); names by the `lookup` the sockets use, which refuses the connection when any
 * address of the name is blocked, and connects only to the addresses it checked.
 */
export function createGuardedAgent(options: GuardedAgentOptions = {}): Agent {
  const resolveAll = options.resolve ?? systemResolveAll;
  const isBlocked = options.isBlocked ?? isBlockedAddress;

  const lookup = (
    hostname: string,
    lookupOptions: LookupOptions,
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    resolveAll(hostname, (error, addresses) => {
      if (error) return callback(error, "");
      if (addresses.some((a) => isBlocked(a.address))) return callback(new BlockedAddressError(`${hostname} resolves to a non-public address: not fetched`), "");
      const family = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : undefined;
      const usable = family ? addresses.filter((a) => a.family === family) : [...addresses];
      if (!usable.length) return callback(Object.assign(new Error(`${hostname} has no usable address`), { code: "ENOTFOUND" }), "");
      if (lookupOptions.all) return callback(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  };

  const connect = buildConnector({ lookup, timeout: options.connectTimeoutMs ?? 10_000 });
  return new Agent({
    connect: (connectOptions, callback) => {
      const host = connectOptions.hostname.replace(/^\[|\]$/g, "");
      if (isIP(host) && isBlocked(host)) return callback(new BlockedAddressError(`${host} is not a public address: not fetched`), null);
      connect(connectOptions, callback);
    },
  });
}
