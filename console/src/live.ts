// The signed-in caller's live state: the dashboard from `me`, then every `meUpdated`; each task as
// `myTasks` reports it. Both subscriptions share one graphql-ws connection (console/src/api/client.ts).
import { useEffect, useMemo, useState } from "preact/hooks";
import { ApiError, type Api } from "./api/client.ts";
import { MeQuery, MeUpdatedSubscription, MyTasksSubscription } from "./api/operations.ts";
import type { DashboardFieldsFragment } from "./gql/graphql.ts";
import { mergeTasks as merge, type Task } from "./task-merge.ts";

export type Dashboard = DashboardFieldsFragment;
export type { Task };

export interface Live {
  readonly dashboard: Dashboard | null;
  /** Every task seen (dashboard and updates), newest first. */
  readonly tasks: readonly Task[];
  /** Set when the key is refused or the connection fails. */
  readonly problem: string | null;
  /** Adds a task this tab created before its first update arrives. */
  remember(task: Task): void;
}

/** What the page says while the live connection is being reopened. */
export const RECONNECTING = "The live connection was lost; reconnecting…";

export function useLive(api: Api, onUnauthorized: () => void): Live {
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [tasks, setTasks] = useState<ReadonlyMap<string, Task>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    const fromDashboard = (d: Dashboard) => {
      setDashboard(d);
      setTasks((known) => merge(known, [...d.recentTasks, ...d.activeTasks]));
    };
    // A key refused now (revoked while the page was open, or the gateway answers Unauthorized)
    // signs the page out: nothing more can be shown or done with it.
    const failed = (error: Error) => {
      if (stopped) return;
      if (error instanceof ApiError && error.code === "UNAUTHORIZED") onUnauthorized();
      else setProblem(error.message);
    };
    const load = () =>
      api.request(MeQuery, {}).then(({ me }) => {
        if (stopped) return;
        if (me.__typename === "Dashboard") fromDashboard(me);
        else onUnauthorized();
      }, failed);
    void load();
    const stopMe = api.subscribe(MeUpdatedSubscription, {}, ({ meUpdated }) => {
      if (meUpdated.__typename === "Dashboard") fromDashboard(meUpdated);
      else if (meUpdated.__typename === "Unauthorized") onUnauthorized();
    }, failed);
    const stopTasks = api.subscribe(MyTasksSubscription, {}, ({ myTasks }) => {
      if (myTasks.__typename === "TaskUpdate") setTasks((known) => merge(known, [myTasks.task]));
      else if (myTasks.__typename === "Unauthorized") onUnauthorized();
    }, failed);
    // The connection lost: say so, and once it is back (its subscriptions resume by themselves)
    // read the dashboard again, for what changed while it was away.
    const stopHearing = api.onConnection((state) => {
      if (stopped) return;
      if (state === "reconnecting") setProblem(RECONNECTING);
      else {
        setProblem(null);
        void load();
      }
    });
    return () => {
      stopped = true;
      stopHearing();
      stopMe();
      stopTasks();
    };
  }, [api]);

  const sorted = useMemo(() => [...tasks.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)), [tasks]);
  return {
    dashboard,
    tasks: sorted,
    problem,
    remember: (task) => setTasks((known) => merge(known, [task])),
  };
}
