import type { PresentedSeries } from "./present.ts";

/**
 * The time series as a self-contained SVG chart (SVG 1.1, no scripts, no external resources):
 * the cumulative spend on top, accepted, refused and in-flight per step below, on a shared time
 * axis. Text is escaped, so a chart can be served or opened as it is.
 */
const WIDTH = 960;
const PANEL = 220;
const MARGIN = { left: 70, right: 20, top: 30, gap: 50, bottom: 40 };

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const fixed = (n: number) => (Math.round(n * 10) / 10).toString();

function polyline(values: readonly number[], max: number, top: number, color: string): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const n = Math.max(1, values.length - 1);
  const points = values.map((v, i) => `${fixed(MARGIN.left + (i / n) * plotWidth)},${fixed(top + PANEL - (max > 0 ? v / max : 0) * PANEL)}`);
  return `<polyline fill="none" stroke="${color}" stroke-width="1.5" points="${points.join(" ")}"/>`;
}

function axes(top: number, max: number, label: string): string {
  const x0 = MARGIN.left;
  const x1 = WIDTH - MARGIN.right;
  return [
    `<line x1="${x0}" y1="${top + PANEL}" x2="${x1}" y2="${top + PANEL}" stroke="#999"/>`,
    `<line x1="${x0}" y1="${top}" x2="${x0}" y2="${top + PANEL}" stroke="#999"/>`,
    `<text x="${x0 - 6}" y="${top + 4}" text-anchor="end" font-size="11">${escape(max.toLocaleString("en-US", { maximumFractionDigits: 2 }))}</text>`,
    `<text x="${x0 - 6}" y="${top + PANEL}" text-anchor="end" font-size="11">0</text>`,
    `<text x="${x0 + 4}" y="${top - 8}" font-size="13" font-weight="bold">${escape(label)}</text>`,
  ].join("");
}

export function seriesSvg(series: PresentedSeries, title: string): string {
  const points = series.points;
  let running = 0;
  const cumulative = points.map((p) => (running += p.spendUsd));
  const spendMax = Math.max(0, ...cumulative);
  const countMax = Math.max(0, ...points.map((p) => Math.max(p.accepted, p.refused, p.inFlight)));
  const top1 = MARGIN.top + 20;
  const top2 = top1 + PANEL + MARGIN.gap;
  const height = top2 + PANEL + MARGIN.bottom;
  const first = points[0]?.at ?? "";
  const last = points[points.length - 1]?.at ?? "";
  const legend = [
    ["accepted", "#2a7"],
    ["refused", "#d33"],
    ["in flight (max)", "#36c"],
  ]
    .map(([name, color], i) => `<text x="${MARGIN.left + 200 + i * 130}" y="${top2 - 8}" font-size="12" fill="${color}">${escape(name!)}</text>`)
    .join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${MARGIN.left}" y="${MARGIN.top}" font-size="15" font-weight="bold">${escape(title)}</text>`,
    axes(top1, spendMax, "Cumulative spend (USD)"),
    polyline(cumulative, spendMax, top1, "#a60"),
    axes(top2, countMax, `Requests per ${series.step === "HOUR" ? "hour" : "minute"}`),
    legend,
    polyline(points.map((p) => p.accepted), countMax, top2, "#2a7"),
    polyline(points.map((p) => p.refused), countMax, top2, "#d33"),
    polyline(points.map((p) => p.inFlight), countMax, top2, "#36c"),
    `<text x="${MARGIN.left}" y="${height - 12}" font-size="11">${escape(first)}</text>`,
    `<text x="${WIDTH - MARGIN.right}" y="${height - 12}" font-size="11" text-anchor="end">${escape(last)}</text>`,
    `</svg>`,
    "",
  ].join("\n");
}
