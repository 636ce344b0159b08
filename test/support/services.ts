/**
 * External services for integration tests. A suite runs against a service only when its URL
 * is set; in CI a missing URL is an error, so a misconfigured CI fails instead of skipping.
 */
import { randomUUID } from "node:crypto";

export const testRedisUrl: string | undefined = process.env.TEST_REDIS_URL;
export const testDatabaseUrl: string | undefined = process.env.TEST_DATABASE_URL;

const urls = {
  redis: { variable: "TEST_REDIS_URL", url: testRedisUrl },
  postgres: { variable: "TEST_DATABASE_URL", url: testDatabaseUrl },
} as const;

/** True when the service's URL is set; use with `describe.skipIf(!requireService(...))`. Throws in CI when unset. */
export function requireService(name: "redis" | "postgres"): boolean {
  const { variable, url } = urls[name];
  if (url !== undefined && url !== "") return true;
  if (process.env.CI === "true") {
    throw new Error(`${name} is required in CI: set ${variable} (tests must not skip it there).`);
  }
  return false;
}

/** A fresh namespace for Redis keys and channels, so parallel test files never see each other. */
export function uniquePrefix(): string {
  return `test:${randomUUID()}:`;
}
