// The fake fal queue (test/fakes/fal.ts) as a child process for bench:providers and
// `bench:api --upstream=fal`, so the bench's own CPU figures are the gateway side only. Prints its
// URL on the first line of stdout. Environment: FAKE_FAL_KEYS (accounts: keys bench-key-1..N,
// default 4), STEPS (status polls until COMPLETED, default 2) or COMPLETE_AFTER_MS (a fixed
// latency from submit instead). Spawned with an IPC channel, it answers a "stats" message with
// `FakeFalStats`.
import { startFakeFal } from "../../test/fakes/fal.ts";

/** What the fake saw since it started: requests by kind and, per task, its polls and running time. */
export interface FakeFalStats {
  readonly calls: { submit: number; status: number; result: number; files: number };
  /** Requests submitted. */
  readonly submitted: number;
  /** Requests whose result was read. */
  readonly completed: number;
  /** Over the completed ones: submit + status requests, and ms from submit to the first COMPLETED status. */
  readonly completedPolls: number;
  readonly completedRunningMs: number;
  /** This process's CPU (user + system, µs). */
  readonly cpuMicros: number;
}

const accounts = Number(process.env.FAKE_FAL_KEYS ?? 4);
const fake = await startFakeFal({ keys: Array.from({ length: accounts }, (_, i) => `bench-key-${i + 1}`) });
fake.stepsToComplete = Number(process.env.STEPS ?? 2);
if (process.env.COMPLETE_AFTER_MS) fake.completeAfterMs = Number(process.env.COMPLETE_AFTER_MS);

function stats(): FakeFalStats {
  let completed = 0;
  let completedPolls = 0;
  let completedRunningMs = 0;
  for (const r of fake.requests.values()) {
    if (r.resultAt === undefined || r.completedAt === undefined) continue;
    completed++;
    completedPolls += 1 + r.statusPolls;
    completedRunningMs += r.completedAt - r.submittedAt;
  }
  const cpu = process.cpuUsage();
  return { calls: { ...fake.calls }, submitted: fake.requests.size, completed, completedPolls, completedRunningMs, cpuMicros: cpu.user + cpu.system };
}

process.on("message", (message: unknown) => {
  if (message === "stats") process.send?.(stats());
});
// The bench that started it is gone (its IPC channel closed): no orphan server.
process.on("disconnect", () => void fake.close().then(() => process.exit(0)));
process.stdout.write(`${fake.url}\n`);
process.on("SIGTERM", () => void fake.close().then(() => process.exit(0)));
