import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Micros } from "../kernel/money.ts";
import { usedOn } from "../adapters/postgres/usage-ledger.ts";
import type { Clock } from "../kernel/clock.ts";
import type { ApiKeyRecord } from "./keys.ts";

export interface BudgetStatus {
  readonly dailyLimit: Micros;
  readonly used: Micros;
  readonly remaining: Micros;
  /** When the day's budget resets (next midnight UTC), epoch ms. */
  readonly resetsAt: number;
}

/** The UTC day's spend of a key. Budgets reset at midnight UTC (03:00 Turkey time). */
export async function budgetStatus(prisma: PrismaClient, clock: Clock, key: ApiKeyRecord): Promise<BudgetStatus> {
  const now = clock.now();
  const used = Number(await usedOn(prisma, key.id, new Date(now)));
  const midnight = new Date(now);
  midnight.setUTCHours(24, 0, 0, 0);
  return { dailyLimit: key.dailyLimit, used, remaining: Math.max(0, key.dailyLimit - used), resetsAt: midnight.getTime() };
}
