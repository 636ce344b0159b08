import { useEffect, useState } from "preact/hooks";
import { Meter } from "../components/meter.tsx";
import { TaskCard } from "../components/task-card.tsx";
import { time, usd } from "../format.ts";
import type { Live } from "../live.ts";
import { serverNow } from "../server-clock.ts";

/** The spec's request window: 5 generation requests per key in any 30 s. */
const WINDOW_MS = 30_000;
const WINDOW_MAX = 5;

/** The gateway's current time, once a second, for what depends on it (the 30-s window). */
function useNow(): number {
  const [now, setNow] = useState(serverNow());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(serverNow()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

export function DashboardPage(props: { live: Live }) {
  const { dashboard, tasks } = props.live;
  const now = useNow();
  if (!dashboard) return <p>Loading…</p>;
  const { budget, concurrency } = dashboard;
  // The schema does not expose the window's count: accepted tasks created in the last 30 s are
  // what it counted (docs/spec-notes.md, "Web console").
  const inWindow = tasks.filter((t) => now - Date.parse(t.createdAt) < WINDOW_MS);
  const oldest = Math.min(...inWindow.map((t) => Date.parse(t.createdAt)));
  const frees = inWindow.length >= WINDOW_MAX ? Math.ceil((oldest + WINDOW_MS - now) / 1000) : 0;
  const active = tasks.filter((t) => t.status === "QUEUED" || t.status === "PROCESSING");

  return (
    <section data-testid="dashboard">
      <h1>Dashboard</h1>
      <div class="card">
        <Meter
          testId="budget"
          label="Today's budget"
          value={budget.used}
          max={budget.dailyLimit}
          text={`${usd(budget.used)} of ${usd(budget.dailyLimit)} used, ${usd(budget.remaining)} left (resets ${time(budget.resetsAt)})`}
        />
        <Meter testId="slots" label="Slots in use" value={concurrency.used} max={concurrency.max} text={`${concurrency.used} of ${concurrency.max}`} />
        <Meter
          testId="window"
          label="Requests in the last 30 s"
          value={inWindow.length}
          max={WINDOW_MAX}
          text={`${Math.min(inWindow.length, WINDOW_MAX)} of ${WINDOW_MAX}${frees > 0 ? `, room again in ${frees} s` : ""}`}
        />
      </div>
      <h2>Live tasks</h2>
      {active.length === 0 ? <p class="muted">Nothing running.</p> : active.map((task) => <TaskCard key={task.id} task={task} />)}
      <h2>Today's spending</h2>
      <table>
        <thead>
          <tr>
            <th>Model</th>
            <th>Requests</th>
            <th>Cost</th>
          </tr>
        </thead>
        <tbody>
          {dashboard.todaySpending.map((row) => (
            <tr key={row.model}>
              <td>{row.model}</td>
              <td>{row.requests}</td>
              <td>{usd(row.cost)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Recent</h2>
      {tasks.filter((t) => t.status === "FINISHED" || t.status === "FAILED").slice(0, 10).map((task) => <TaskCard key={task.id} task={task} />)}
    </section>
  );
}
