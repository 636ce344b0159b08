// `priceAcross` as a line chart drawn in SVG: one line per value of `by`, the values of `across`
// evenly spaced on x (they may be words, e.g. "720p"), cost in USD on y from 0.
import { shortJson, usd } from "../format.ts";

export interface ChartSeries {
  readonly by?: unknown;
  readonly points: readonly { readonly value?: unknown; readonly cost?: number | null }[];
}

const WIDTH = 640;
const HEIGHT = 300;
const PAD = { left: 64, right: 150, top: 16, bottom: 40 };
const COLOURS = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#4d7c0f", "#be185d"];

export function PriceChart(props: { across: string; by?: string | null; series: readonly ChartSeries[] }) {
  const labels = [...new Set(props.series.flatMap((s) => s.points.map((p) => shortJson(p.value))))];
  const costs = props.series.flatMap((s) => s.points.map((p) => p.cost).filter((c): c is number => typeof c === "number"));
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
        <text key={label} x={x(label)} y={HEIGHT - PAD.bottom + 18} text-anchor="middle">
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
        const points = series.points.filter((p) => typeof p.cost === "number").map((p) => [x(shortJson(p.value)), y(p.cost as number)] as const);
        return (
          <g key={shortJson(series.by) + i} data-testid="price-series">
            <polyline fill="none" stroke={colour} stroke-width={2} points={points.map(([px, py]) => `${px},${py}`).join(" ")} />
            {points.map(([px, py]) => (
              <circle key={`${px}`} cx={px} cy={py} r={3} fill={colour} />
            ))}
            <text x={WIDTH - PAD.right + 8} y={PAD.top + 30 + i * 16} fill={colour}>
              {props.by ? shortJson(series.by) : "cost"}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
