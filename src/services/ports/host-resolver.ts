/** Resolves a host name to its addresses (injectable: tests have no DNS). */
export type HostResolver = (host: string) => Promise<readonly string[]>;
