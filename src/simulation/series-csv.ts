import type { PresentedSeries } from "./present.ts";

/** The time series as CSV (RFC 4180: a header row, comma-separated, CRLF line ends). */
export function seriesCsv(series: PresentedSeries): string {
  const rows = ["at,spend_usd,accepted,refused,in_flight,queue_depth"];
  for (const p of series.points) rows.push(`${p.at},${p.spendUsd},${p.accepted},${p.refused},${p.inFlight},${p.queueDepth}`);
  return `${rows.join("\r\n")}\r\n`;
}
