/**
 * Money is integer micro-dollars everywhere inside the gateway (1 USD = 1_000_000), so sums and
 * comparisons are exact. Dollars appear only at the edges (JSON numbers, GraphQL Float).
 */
export type Micros = number;

export const MICROS_PER_USD = 1_000_000;

/** Rounds half up to the micro-dollar; monotone, so a larger price never rounds below a smaller one. */
export const usdToMicros = (usd: number): Micros => Math.round(usd * MICROS_PER_USD);

export const microsToUsd = (micros: Micros): number => micros / MICROS_PER_USD;


/** The smallest and largest daily limit, in dollars: one micro-dollar to a billion dollars. */
export const DAILY_LIMIT_USD = { min: 0.000001, max: 1_000_000_000 } as const;

/** What a daily limit must be, as configuration errors and INVALID_PARAMS say it. */
export const DAILY_LIMIT_RULE = `a finite number of dollars from $${DAILY_LIMIT_USD.min} to $1,000,000,000, with at most 6 decimals`;

/**
 * A daily limit in dollars as micro-dollars, or undefined when it is not one: the one rule of
 * GATEAI_DAILY_LIMIT, `setDailyLimit` and `createApiKey` (DAILY_LIMIT_RULE). No value rounds:
 * $0.0000001 is refused rather than set to $0, 1e300 rather than overflowing.
 */
export function dailyLimitMicros(usd: number): Micros | undefined {
  if (!Number.isFinite(usd) || usd < DAILY_LIMIT_USD.min || usd > DAILY_LIMIT_USD.max) return undefined;
  if (Number(usd.toFixed(6)) !== usd) return undefined;
  return usdToMicros(usd);
}
