import { percent, usd } from "../format.ts";
import type { Task } from "../live.ts";

/** A task's state, progress bar and cost; `data-status` lets a reader (or a test) follow it. */
export function TaskCard(props: { task: Task }) {
  const { task } = props;
  return (
    <div class="task" data-testid="task" data-task-id={task.id} data-status={task.status}>
      <div class="task-head">
        <code>{task.model}</code>
        <span class={`status ${task.status.toLowerCase()}`}>{task.status}</span>
        <span>{usd(task.cost)}{task.refunded ? " (refunded)" : ""}</span>
      </div>
      <progress max={1} value={task.progress} title={percent(task.progress)} aria-label={`${task.model} progress, ${percent(task.progress)}`} />
      {task.error && <p class="problem">{task.error}</p>}
    </div>
  );
}
