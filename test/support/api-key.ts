import { randomUUID } from "node:crypto";
import type { ApiKeyRecord } from "../../src/services/keys.ts";

/** A fresh key record with its own daily limit (micro-dollars), for services driven without the key service. */
export const apiKeyRecord = (dailyLimit: number, createdAt: number): ApiKeyRecord => ({
  id: randomUUID(),
  prefix: "sk-test",
  label: null,
  dailyLimitOverride: dailyLimit,
  dailyLimit,
  createdAt: new Date(createdAt),
  revokedAt: null,
});
