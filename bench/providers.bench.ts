// bench:providers — tasks completed per second through a fake vendor (the fal queue fake in a
// child process), and the gateway-side CPU per completed task: the fal adapter's submit, status
// polls, result and file download, as the task driver runs them (here each status read as soon as
// the last one answered, where the driver leaves STATUS_READ_GAP_MS between two reads of a task, so
// it makes no more of them than here; the files read to their end as the driver reads them into the
// file store, which is not measured here).
// Options: --tasks=N (default 2000), --concurrency=N (default 64: tasks in flight, as pool accounts).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { loadavg } from "node:os";
import { createInterface } from "node:readline";
import { Agent } from "undici";
import { createFalProvider } from "../src/adapters/providers/fal-provider.ts";
import type { ProviderJob } from "../src/services/ports/provider.ts";

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const TASKS = arg("tasks", 2000);
const CONCURRENCY = arg("concurrency", 64);

const loadBefore = loadavg()[0]!;
const child = spawn(process.execPath, ["--import", "tsx", new URL("./support/fake-fal-server.ts", import.meta.url).pathname], { stdio: ["ignore", "pipe", "inherit"] });
const [url] = (await once(createInterface({ input: child.stdout! }), "line")) as [string];

const provider = createFalProvider({ baseUrl: url, keys: ["bench-key-1", "bench-key-2", "bench-key-3", "bench-key-4"], dispatcher: new Agent({ connections: CONCURRENCY * 2 }) });

let next = 0;
let requests = 0;
const runTask = async (n: number) => {
  let job: ProviderJob = {
    taskId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    model: "flux-schnell",
    output: "image",
    params: { prompt: "bench", width: 512, height: 512, quantity: 1 },
    attempt: 1,
    account: (n % 4) + 1,
    startedAt: Date.now(),
  };
  for (;;) {
    const status = await provider.poll(job, Date.now());
    requests++;
    if (status.state === "finished") {
      await status.streamed?.read(async (file) => {
        for await (const _ of file.body);
      });
      return;
    }
    if (status.state === "failed") throw new Error(status.error);
    if (status.upstream !== undefined) job = { ...job, upstream: status.upstream };
  }
};
const worker = async () => {
  while (next < TASKS) await runTask(next++);
};

// Warm-up: connections, JIT.
await Promise.all(Array.from({ length: 8 }, (_, i) => runTask(TASKS + i)));
next = 0;
requests = 0;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await Promise.all(Array.from({ length: CONCURRENCY }, worker));
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
child.kill("SIGTERM");

const cpuMicros = cpu.user + cpu.system;
console.log(`load average (1 min) before: ${loadBefore.toFixed(2)}, after: ${loadavg()[0]!.toFixed(2)}`);
console.log(`| tasks | in flight | tasks/s | polls per task | gateway CPU per task |`);
console.log(`|---|---|---|---|---|`);
console.log(`| ${TASKS} | ${CONCURRENCY} | ${(TASKS / seconds).toFixed(0)} | ${(requests / TASKS).toFixed(2)} | ${(cpuMicros / TASKS).toFixed(0)} µs |`);
