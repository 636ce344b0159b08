import { describe, expect, it } from "vitest";
import { loadConfig, type Config } from "../../src/app/config.ts";
import { generationBackend, startFailure } from "../../src/app/start-up.ts";

const configOf = (env: Record<string, string>): Config => {
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(loaded.errors.join("; "));
  return loaded.config;
};

describe("what the start-up says", () => {
  it("names where generations run, with account counts and never a key", () => {
    expect(generationBackend(configOf({ GATEAI_POOL_SIZE: "7" }))).toBe("simulation (7 accounts)");
    expect(generationBackend(configOf({ GATEAI_UPSTREAM_URL: "https://user:pw@up.example/api", GATEAI_UPSTREAM_KEYS: "k1,k2" }))).toBe("upstream https://up.example (2 accounts)");
    const vendors = generationBackend(configOf({ FAL_KEYS: "fal-secret-1,fal-secret-2", OPENAI_KEYS: "sk-secret" }));
    expect(vendors).toBe("fal (2 accounts), openai (1 account); other models simulated");
    expect(generationBackend(configOf({ FAL_KEYS: "f", GATEAI_SIMULATE_UNROUTED: "false" }))).toBe("fal (1 account); other models refused (GATEAI_SIMULATE_UNROUTED=false)");
  });

  it("says in one line which setting a failed start is about: a port in use, a host that is no address, the database", () => {
    const config = configOf({ PORT: "4100", HOST: "127.0.0.1" });
    const inUse = Object.assign(new Error("listen EADDRINUSE: address already in use 127.0.0.1:4100"), { code: "EADDRINUSE", syscall: "listen" });
    expect(startFailure(inUse, config)).toBe("127.0.0.1:4100 is already in use: stop what listens there, or set PORT (or HOST)");
    const badHost = configOf({ HOST: "not-a-host.invalid" });
    const notFound = Object.assign(new Error("getaddrinfo ENOTFOUND not-a-host.invalid"), { code: "ENOTFOUND", syscall: "getaddrinfo" });
    expect(startFailure(notFound, badHost)).toBe("HOST=not-a-host.invalid is not an address of this machine: getaddrinfo ENOTFOUND not-a-host.invalid");
    expect(startFailure(new Error("DATABASE_URL (PostgreSQL at 127.0.0.1:1): connect ECONNREFUSED 127.0.0.1:1"), config)).toBe("DATABASE_URL (PostgreSQL at 127.0.0.1:1): connect ECONNREFUSED 127.0.0.1:1");
  });
});
