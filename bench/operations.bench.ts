/**
 * What operations add to each request, in CPU per request (`npm run bench:operations`;
 * not a test: it prints a table). Measured on this thread, so other processes on the machine do
 * not move the figures the way they move requests per second:
 *
 *  1. the request edge (request id, CORS headers, the access-log line at `info` into a discarding
 *     stream, the route label) on a bare node:http request/response pair;
 *  2. the metrics a request reports: one HTTP histogram observation, one GraphQL operation
 *     observation, one generation counter and one charge;
 *  3. one /metrics scrape (render) with a filled registry.
 *
 * Each figure is the median of 5 runs of N iterations, in microseconds of CPU (user + system).
 */
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { Writable } from "node:stream";
import pino from "pino";
import { createPrometheusMetrics } from "../src/adapters/metrics/prometheus.ts";
import { createRequestEdge } from "../src/http/request-edge.ts";

const arg = (name: string, fallback: string): string => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const N = Number(arg("iterations", "20000"));

const cpuMicros = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
async function measure(label: string, iterations: number, body: (i: number) => unknown): Promise<{ label: string; micros: number }> {
  const runs: number[] = [];
  for (let run = 0; run < 5; run++) {
    const start = cpuMicros();
    for (let i = 0; i < iterations; i++) await body(i);
    runs.push((cpuMicros() - start) / iterations);
  }
  runs.sort((a, b) => a - b);
  return { label, micros: runs[2]! };
}

const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
const metrics = createPrometheusMetrics({
  snapshot: async () => ({ poolAccounts: 12, poolBusy: 3, poolLocked: 0, tasksQueued: 2, tasksProcessing: 3 }),
  now: () => Date.now(),
});
const edge = (observe: boolean, level: string) =>
  createRequestEdge({
    cors: "*",
    logger: pino({ level }, discard),
    keyIdOf: () => "0b0f5c8e-6d9e-4a53-a0f4-0a4c1f3f6f11",
    ...(observe ? { observe: metrics.port.httpRequest } : {}),
  });

/** A request/response pair as node:http makes them, answered and closed. */
async function oneRequest(face: (req: IncomingMessage, res: ServerResponse, path: string) => Promise<boolean>): Promise<void> {
  const socket = new Socket();
  const req = new IncomingMessage(socket);
  req.method = "POST";
  req.url = "/api/estimate";
  req.headers = { origin: "https://app.example", authorization: "Bearer sk-x", "content-type": "application/json" };
  const res = new ServerResponse(req);
  await face(req, res, "/api/estimate");
  res.statusCode = 200;
  res.emit("close");
  socket.destroy();
}

const bare = async (_req: IncomingMessage, _res: ServerResponse, _path: string): Promise<boolean> => false;
const baseline = await measure("a bare request/response pair (no edge)", N, () => oneRequest(bare));
const [quiet, logged, observed] = [edge(false, "warn"), edge(false, "info"), edge(true, "info")];
const rows = [
  baseline,
  await measure("+ edge, access log off (LOG_LEVEL=warn), no metrics", N, () => oneRequest(quiet)),
  await measure("+ edge, access log at info, no metrics", N, () => oneRequest(logged)),
  await measure("+ edge, access log at info, request metrics", N, () => oneRequest(observed)),
  await measure("metrics reported by one generation (HTTP + GraphQL observations, counter, charge)", N, (i) => {
    metrics.port.httpRequest("/api/generate", 200, 0.004);
    metrics.port.graphqlOperation("Generate", "mutation", 0.003);
    metrics.port.generation("accepted", i % 2 ? "gpt-image-2" : "seedance-2.0", "none");
    metrics.port.charged(3000);
  }),
  await measure("one /metrics scrape (render)", 200, () => metrics.render()),
];

console.log(`\n| what | CPU µs per request | over the bare pair |\n|---|---|---|`);
for (const row of rows) console.log(`| ${row.label} | ${row.micros.toFixed(2)} | ${row.label.startsWith("+") ? (row.micros - baseline.micros).toFixed(2) : "-"} |`);
