// `priceAcross` as a line chart drawn in SVG: one line per value of `by`, the values of `across`
// evenly spaced on x (they may be words, e.g. "720p"), cost in USD on y from 0. A value the API
// could not price is no point: the line breaks there and the value's label is struck through,
// and when no value could be priced the chart says why instead of drawing empty axes. Legend
// entries are the default text colour beside a swatch of their line's colour (the colours are
// for lines, 3:1 against white; text needs 4.5:1).
import { shortJson, usd } from "../format.ts";

export interface ChartSeries {
  readonly by?: unknown;
  readonly points: readonly { readonly value?: unknown; readonly cost?: number | null; readonly error?: { readonly message: string } | null }[];
}

/** The runs of consecutive priced points: each is drawn as one line. */
const runs = <T,>(points: readonly (T | null)[]): T[][] => {
  const out: T[][] = [[]];
  for (const point of points) {
    if (point === null) out.push([]);
    else out[out.length - 1]!.push(point);
  }
  return out.filter((run) => run.length > 0);
};

const WIDTH = 640;
const HEIGHT = 300;
const PAD = { left: 64, right: 150, top: 16, bottom: 40 };
const COLOURS = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#4d7c0f", "#be185d"];

export function PriceChart(props: { across: string; by?: string | null; series: readonly ChartSeries[] }) {
  const labels = [...new Set(props.series.flatMap((s) => s.points.map((p) => shortJson(p.value))))];
  const costs = props.series.flatMap((s) => s.points.map((p) => p.cost).filter((c): c is number => typeof c === "number"));
  if (costs.length === 0) {
    const why = props.series.flatMap((s) => s.points).find((p) => p.error)?.error?.message;
    return (
      <p class="problem" data-testid="price-chart-empty">
        No value of {props.across} could be priced{why ? `: ${why}` : "."}
      </p>
    );
  }
  const priced = new Set(props.series.flatMap((s) => s.points.filter((p) => typeof p.cost === "number").map((p) => shortJson(p.value))));
  const top = Math.max(...costs, 0) * 1.1 || 1;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (label: string) => PAD.left + (labels.length <= 1 ? plotW / 2 : (labels.indexOf(label) / (labels.length - 1)) * plotW);
  const y = (cost: number) => PAD.top + plotH - (cost / top) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * top);

  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Cost across ${props.across}`} data-testid="price-chart">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={PAD.left} x2={PAD.left + plotW} y1={y(t)} y2={y(t)} class="grid" />
          <text x={PAD.left - 6} y={y(t) + 4} text-anchor="end">
            {usd(t)}
          </text>
        </g>
      ))}
      {labels.map((label) => (
        <text key={label} x={x(label)} y={HEIGHT - PAD.bottom + 18} text-anchor="middle" text-decoration={priced.has(label) ? undefined : "line-through"}>
          {label}
        </text>
      ))}
      <text x={PAD.left + plotW / 2} y={HEIGHT - 4} text-anchor="middle" class="axis-title">
        {props.across}
      </text>
      {props.by && (
        <text x={WIDTH - PAD.right + 8} y={PAD.top + 12} class="axis-title">
          {props.by}
        </text>
      )}
      {props.series.map((series, i) => {
        const colour = COLOURS[i % COLOURS.length];
        const placed = series.points.map((p) => (typeof p.cost === "number" ? ([x(shortJson(p.value)), y(p.cost)] as const) : null));
        const legendY = PAD.top + 30 + i * 16;
        return (
          <g key={shortJson(series.by) + i} data-testid="price-series">
            {runs(placed).map((run) => (
              <polyline key={run[0]![0]} fill="none" stroke={colour} stroke-width={2} points={run.map(([px, py]) => `${px},${py}`).join(" ")} />
            ))}
            {placed.map((point) => point && <circle key={`${point[0]}`} cx={point[0]} cy={point[1]} r={3} fill={colour} />)}
            <line x1={WIDTH - PAD.right + 8} x2={WIDTH - PAD.right + 24} y1={legendY - 4} y2={legendY - 4} stroke={colour} stroke-width={3} data-testid="legend-swatch" />
            <text x={WIDTH - PAD.right + 30} y={legendY}>
              {props.by ? shortJson(series.by) : "cost"}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
