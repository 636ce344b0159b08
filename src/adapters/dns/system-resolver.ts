import { lookup } from "node:dns/promises";
import type { HostResolver } from "../../services/ports/host-resolver.ts";

/** The operating system's resolver: every address a host name has, as the system returns them. */
export const systemResolver: HostResolver = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
