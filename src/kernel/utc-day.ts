const digits = (n: number, width: number): string => String(n).padStart(width, "0");

/**
 * 'YYYY-MM-DD' of the UTC day of an instant: budgets are per UTC day, and spelling the day out
 * keeps a database's session time zone from shifting it. Built from its parts (`toISOString`
 * costs more, and every estimate asks).
 */
export function utcDay(day: Date): string {
  if (Number.isNaN(day.getTime())) throw new RangeError("utcDay: invalid Date");
  return `${digits(day.getUTCFullYear(), 4)}-${digits(day.getUTCMonth() + 1, 2)}-${digits(day.getUTCDate(), 2)}`;
}
