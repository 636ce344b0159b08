/**
 * Money is integer micro-dollars everywhere inside the gateway (1 USD = 1_000_000), so sums and
 * comparisons are exact. Dollars appear only at the edges (JSON numbers, GraphQL Float).
 */
export type Micros = number;

export const MICROS_PER_USD = 1_000_000;

/** Rounds half up to the micro-dollar; monotone, so a larger price never rounds below a smaller one. */
export const usdToMicros = (usd: number): Micros => Math.round(usd * MICROS_PER_USD);

export const microsToUsd = (micros: Micros): number => micros / MICROS_PER_USD;

