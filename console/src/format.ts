// How the console prints money, times and parameter values.

/** USD with enough decimals for sub-cent prices ($0.003), at most 4. */
export const usd = (amount: number | null | undefined): string => {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return "—";
  const digits = Math.abs(amount) >= 1 || amount === 0 ? 2 : 4;
  return `$${amount.toFixed(digits)}`;
};

/** A JSON value as one short line. */
export const shortJson = (value: unknown): string => {
  if (value === null || value === undefined) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

export const time = (iso: string | null | undefined): string => (iso ? new Date(iso).toLocaleTimeString() : "—");

/** 0..1 as a whole percentage. */
export const percent = (fraction: number): string => `${Math.round(Math.min(1, Math.max(0, fraction)) * 100)}%`;
