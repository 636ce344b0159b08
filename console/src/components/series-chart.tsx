// A simulation's time series (`SimulationReport.series`) as line charts drawn in SVG, in the style of
// the cost explorer's PriceChart: three panels on one UTC time axis — the cumulative spend, the
// requests accepted and refused per step, and the most tasks in flight and queued in a step.
// Pointing at the chart reads out the step under the pointer; so does the keyboard: the chart takes
// the focus, and the arrow keys (Home, End) move the step read out, which a screen reader is told
// as the value of a slider over the steps.
import { useState } from "preact/hooks";
import { usd } from "../format.ts";
import type { ConsoleSimulateQuery } from "../gql/graphql.ts";

/** One step of the series, as the console's simulate query asks for it. */
export type SeriesPoint = Extract<ConsoleSimulateQuery["simulate"], { __typename: "SimulationReport" }>["series"]["points"][number];

const WIDTH = 900;
const PANEL = 140;
const PAD = { left: 64, right: 120, top: 52, gap: 40, bottom: 34 };
const HOUR = 3_600_000;
/** Hours between time ticks: the first that leaves at most 12 ticks. */
const TICK_HOURS = [1, 2, 3, 6, 12, 24, 48];

interface Line {
  readonly name: string;
  readonly label: string;
  readonly colour: string;
  readonly values: readonly number[];
}
interface Panel {
  readonly title: string;
  readonly money: boolean;
  readonly lines: readonly Line[];
}

/** The smallest of 1, 2, 2.5, 5 × 10^k at or above `max`: the top of a panel, so its half is a round number too. */
const niceTop = (max: number): number => {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 2.5, 5, 10].find((f) => f * power >= max) ?? 10) * power;
};
const count = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: n >= 10 ? 0 : 1 });
const hourLabel = (t: number, multiDay: boolean) => {
  const iso = new Date(t).toISOString();
  return multiDay && iso.slice(11, 13) === "00" ? iso.slice(5, 10) : iso.slice(11, 16);
};

export function SeriesChart(props: { step: "MINUTE" | "HOUR"; points: readonly SeriesPoint[] }) {
  const { points } = props;
  const [hover, setHover] = useState<number | null>(null);
  const unit = props.step === "HOUR" ? "hour" : "minute";
  let running = 0;
  const panels: Panel[] = [
    { title: "Spend (USD, cumulative)", money: true, lines: [{ name: "spend", label: "spend", colour: "#b45309", values: points.map((p) => (running += p.spendUsd)) }] },
    {
      title: `Requests per ${unit}`,
      money: false,
      lines: [
        { name: "accepted", label: "accepted", colour: "#16a34a", values: points.map((p) => p.accepted) },
        { name: "refused", label: "refused", colour: "#dc2626", values: points.map((p) => p.refused) },
      ],
    },
    {
      title: `Tasks at once (most in the ${unit})`,
      money: false,
      lines: [
        { name: "inFlight", label: "in flight", colour: "#2563eb", values: points.map((p) => p.inFlight) },
        { name: "queueDepth", label: "queued", colour: "#9333ea", values: points.map((p) => p.queueDepth) },
      ],
    },
  ];

  const plotW = WIDTH - PAD.left - PAD.right;
  const height = PAD.top + panels.length * PANEL + (panels.length - 1) * PAD.gap + PAD.bottom;
  const t0 = points.length > 0 ? Date.parse(points[0]!.at) : 0;
  const t1 = points.length > 1 ? Date.parse(points[points.length - 1]!.at) : t0 + HOUR;
  const x = (t: number) => PAD.left + ((t - t0) / (t1 - t0)) * plotW;
  const xs = points.map((p) => x(Date.parse(p.at)));
  const every = TICK_HOURS.find((h) => (t1 - t0) / (h * HOUR) <= 12) ?? 48;
  const ticks: number[] = [];
  for (let t = Math.ceil(t0 / (every * HOUR)) * every * HOUR; t <= t1; t += every * HOUR) ticks.push(t);
  const multiDay = t1 - t0 > 24 * HOUR;
  const bottom = height - PAD.bottom;

  const onMove = (e: MouseEvent) => {
    const svg = e.currentTarget as SVGSVGElement;
    const rect = svg.getBoundingClientRect();
    const sx = ((e.clientX - rect.left) / rect.width) * WIDTH;
    if (points.length === 0 || sx < PAD.left || sx > PAD.left + plotW) return setHover(null);
    const t = t0 + ((sx - PAD.left) / plotW) * (t1 - t0);
    const step = props.step === "HOUR" ? HOUR : 60_000;
    setHover(Math.max(0, Math.min(points.length - 1, Math.round((t - t0) / step))));
  };
  const hovered = hover === null ? null : points[hover];
  const KEYS: Readonly<Record<string, (at: number) => number>> = {
    ArrowRight: (at) => at + 1,
    ArrowUp: (at) => at + 1,
    ArrowLeft: (at) => at - 1,
    ArrowDown: (at) => at - 1,
    PageUp: (at) => at + 6,
    PageDown: (at) => at - 6,
    Home: () => 0,
    End: () => points.length - 1,
  };
  const onKey = (e: KeyboardEvent) => {
    const move = KEYS[e.key];
    if (!move || points.length === 0) return;
    e.preventDefault();
    // The first key press reads the first step (End: the last), and each next one moves from there.
    setHover(Math.max(0, Math.min(points.length - 1, hover === null ? (e.key === "End" ? points.length - 1 : 0) : move(hover))));
  };
  const readout =
    hovered && hover !== null
      ? `${hovered.at.slice(0, 16).replace("T", " ")} UTC — spent ${usd(panels[0]!.lines[0]!.values[hover])} so far, ${hovered.accepted} accepted, ${hovered.refused} refused, ${hovered.inFlight} in flight, ${hovered.queueDepth} queued`
      : `One point per ${unit}, UTC; point at the chart, or focus it and press the arrow keys, to read a ${unit}.`;

  return (
    <svg
      class="chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="slider"
      tabIndex={0}
      aria-label={`The simulated day over time, ${unit} by ${unit}`}
      aria-orientation="horizontal"
      aria-valuemin={0}
      aria-valuemax={Math.max(0, points.length - 1)}
      aria-valuenow={hover ?? 0}
      aria-valuetext={readout}
      data-testid="series-chart"
      onMouseMove={onMove}
      onMouseLeave={() => setHover(null)}
      onKeyDown={onKey}
      onBlur={() => setHover(null)}
    >
      <text x={PAD.left} y={16} class="axis-title" data-testid="series-readout">
        {readout}
      </text>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={PAD.top} y2={bottom} class="grid" />
          <text x={x(t)} y={bottom + 16} text-anchor="middle">
            {hourLabel(t, multiDay)}
          </text>
        </g>
      ))}
      {panels.map((panel, i) => {
        const top = PAD.top + i * (PANEL + PAD.gap);
        const max = Math.max(0, ...panel.lines.flatMap((l) => l.values));
        const scale = niceTop(max);
        const y = (v: number) => top + PANEL - (v / scale) * PANEL;
        return (
          <g key={panel.title} data-testid="series-panel">
            <text x={PAD.left} y={top - 6} class="axis-title">
              {panel.title}
            </text>
            {[0, 0.5, 1].map((f) => (
              <g key={f}>
                <line x1={PAD.left} x2={PAD.left + plotW} y1={y(f * scale)} y2={y(f * scale)} class="grid" />
                <text x={PAD.left - 6} y={y(f * scale) + 4} text-anchor="end">
                  {panel.money ? usd(f * scale) : count(f * scale)}
                </text>
              </g>
            ))}
            {panel.lines.map((line, j) => (
              <g key={line.name}>
                <polyline
                  fill="none"
                  stroke={line.colour}
                  stroke-width={1.5}
                  data-testid="series-line"
                  data-series={line.name}
                  points={line.values.map((v, k) => `${xs[k]!.toFixed(1)},${y(v).toFixed(1)}`).join(" ")}
                />
                <line x1={WIDTH - PAD.right + 8} x2={WIDTH - PAD.right + 24} y1={top + 8 + j * 16} y2={top + 8 + j * 16} stroke={line.colour} stroke-width={3} data-testid="legend-swatch" />
                <text x={WIDTH - PAD.right + 30} y={top + 12 + j * 16}>
                  {line.label}
                </text>
              </g>
            ))}
          </g>
        );
      })}
      {hover !== null && <line x1={xs[hover]} x2={xs[hover]} y1={PAD.top} y2={bottom} stroke="#6b7280" stroke-dasharray="3 3" />}
    </svg>
  );
}
