import { Resolver } from "node:dns/promises";
import type { HostResolver } from "../../services/ports/host-resolver.ts";

export interface DnsResolverOptions {
  /** How long one query may wait for its answer (one try). */
  readonly timeoutMs: number;
  /** Name servers (`host` or `host:port`); default the system's (/etc/resolv.conf). */
  readonly servers?: readonly string[];
}

/**
 * A host name's addresses (A and AAAA) as DNS gives them, through Node's `dns.Resolver` (c-ares),
 * which queries on sockets of the event loop. Not `dns.lookup`: the system's getaddrinfo runs on
 * libuv's thread pool, two of whose threads at most take name lookups, and a name whose name
 * server never answers holds one until the system gives up (about 10 s), whatever the caller's
 * own timeout. One request naming a few dozen such hosts would then stall every lookup of the
 * process, every client's, for minutes. A query here waits on its socket at no cost and gives up
 * at `timeoutMs`.
 * DNS only, as the vendor that fetches a reference sees the name: this machine's /etc/hosts is
 * not read (a name only it knows is refused as unresolvable).
 * https://nodejs.org/docs/latest-v20.x/api/dns.html#implementation-considerations
 */
export function createDnsResolver(options: DnsResolverOptions): HostResolver {
  const resolver = new Resolver({ timeout: options.timeoutMs, tries: 1 });
  if (options.servers) resolver.setServers([...options.servers]);
  return async (host) => {
    const [v4, v6] = await Promise.allSettled([resolver.resolve4(host), resolver.resolve6(host)]);
    const addresses = [...(v4.status === "fulfilled" ? v4.value : []), ...(v6.status === "fulfilled" ? v6.value : [])];
    if (addresses.length > 0) return addresses;
    throw v4.status === "rejected" ? v4.reason : new Error(`${host} has no address`);
  };
}
