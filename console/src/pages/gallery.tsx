// Results: the caller's finished tasks (a page from `tasks`, then every one `myTasks` finishes).
import { useEffect, useState } from "preact/hooks";
import type { Api } from "../api/client.ts";
import { TasksQuery } from "../api/operations.ts";
import { TaskResults } from "../components/task-results.tsx";
import { time, usd } from "../format.ts";
import type { Live } from "../live.ts";

const PAGE = 30;

export function GalleryPage(props: { api: Api; live: Live }) {
  const { api, live } = props;
  const [problem, setProblem] = useState<string | null>(null);
  /** The next page's cursor; null when there is none. */
  const [after, setAfter] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (cursor: string | null, current: () => boolean = () => true) => {
    setBusy(true);
    try {
      const { tasks } = await api.request(TasksQuery, { first: PAGE, status: ["FINISHED"], after: cursor });
      if (!current()) return;
      if (tasks.__typename !== "TaskConnection") return setProblem(tasks.message);
      tasks.nodes.forEach(live.remember);
      setAfter(tasks.pageInfo.hasNextPage ? (tasks.pageInfo.endCursor ?? null) : null);
    } catch (error) {
      if (current()) setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    let current = true;
    void load(null, () => current);
    return () => {
      current = false;
    };
  }, [api]);

  const finished = live.tasks.filter((t) => t.status === "FINISHED");
  return (
    <section data-testid="gallery">
      <h1>Results</h1>
      {problem && <p class="problem">{problem}</p>}
      {finished.length === 0 && <p class="muted">No finished tasks yet.</p>}
      {finished.map((task) => (
        <article key={task.id} class="card">
          <header class="task-head">
            <code>{task.model}</code>
            <span>{time(task.finishedAt)}</span>
            <span>{usd(task.cost)}</span>
          </header>
          <TaskResults task={task} />
        </article>
      ))}
      {after && (
        <button type="button" disabled={busy} onClick={() => void load(after)}>
          Older results
        </button>
      )}
    </section>
  );
}
