// Uploads against the event loop: an embedded gateway (PGlite on disk, files under its data
// directory, as `npm start` runs) takes 10 MiB uploads and 10 MiB inline data: references while
// /healthz is asked in a loop. Prints /healthz latency during the uploads as a ratio to the same
// gateway idle, the worst event-loop lag of the process (the gateway's loop), and upload throughput.
//   npm run bench:uploads            (UPLOADS=5 by default)
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Agent, fetch, FormData } from "undici";
import { loadConfig } from "../src/app/config.ts";
import { createGateway } from "../src/app/gateway.ts";
import { startLoopLag } from "./support/loop-lag.mjs";

const UPLOADS = Number(process.env.UPLOADS ?? 5);
const MIB = 1024 * 1024;
const dispatcher = new Agent({ pipelining: 0 });

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

/** /healthz in a loop until `until` settles; each answer's latency in ms. */
async function healthLatencies(url: string, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const started = performance.now();
    const response = await fetch(`${url}/healthz`, { dispatcher });
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
  }
  return latencies;
}

const png = (size: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size - 8)]);

const dataDir = await mkdtemp(join(tmpdir(), "gateai-bench-uploads-"));
const loaded = loadConfig({ GATEAI_DATA_DIR: dataDir, LOG_LEVEL: "silent", GATEAI_UPLOADS_PER_DAY: "100000", GATEAI_UPLOAD_QUOTA_BYTES: String(100 * 1024 * MIB) });
if (!loaded.ok) throw new Error(loaded.errors.join("; "));
const gateway = await createGateway(loaded.config);
try {
  const { url } = await gateway.listen(0, "127.0.0.1");
  const key = gateway.bootstrapKey ?? (await gateway.services.keys.create({ label: "bench" })).key;
  const file = png(10 * MIB - 1024);

  // Warm-up (first statements, JIT), then the same gateway idle.
  await healthLatencies(url, new Promise((resolve) => setTimeout(resolve, 1_000)));
  const idleLag = startLoopLag(5);
  const idleFrom = Date.now();
  const idle = await healthLatencies(url, new Promise((resolve) => setTimeout(resolve, 2_000)));
  const idleWorst = Math.max(0, ...idleLag.stop(idleFrom));

  const lag = startLoopLag(5);
  const from = Date.now();
  const started = performance.now();
  const uploading = (async () => {
    for (let i = 0; i < UPLOADS; i++) {
      const form = new FormData();
      form.append("file", new Blob([file], { type: "image/png" }), "big.png");
      const response = await fetch(`${url}/api/upload`, { method: "POST", body: form, headers: { authorization: `Bearer ${key}` }, dispatcher });
      if (response.status !== 200) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
    }
  })();
  const busy = await healthLatencies(url, uploading);
  await uploading;
  const uploadSeconds = (performance.now() - started) / 1000;
  const uploadLag = lag.stop(from);

  const inlineLag = startLoopLag(5);
  const inlineFrom = Date.now();
  const inline = `data:image/png;base64,${file.toString("base64")}`;
  const generating = (async () => {
    const response = await fetch(`${url}/api/generate`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "seedance-2.0", params: { prompt: "bench", start_frame: inline } }),
      dispatcher,
    });
    if (response.status !== 200) throw new Error(`generate answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  })();
  const inlineBusy = await healthLatencies(url, generating);
  await generating;
  const inlineWorst = Math.max(0, ...inlineLag.stop(inlineFrom));

  const p99Idle = quantile(idle, 0.99);
  console.log(`uploads: ${UPLOADS} × 10 MiB in ${uploadSeconds.toFixed(2)} s (${((UPLOADS * 10) / uploadSeconds).toFixed(0)} MiB/s), PGlite on disk, filesystem blob store`);
  console.log(`/healthz idle:            p50 ${quantile(idle, 0.5).toFixed(2)} ms, p99 ${p99Idle.toFixed(2)} ms (${idle.length} answers)`);
  console.log(`/healthz during uploads:  p50 ${quantile(busy, 0.5).toFixed(2)} ms, p99 ${quantile(busy, 0.99).toFixed(2)} ms, max ${Math.max(...busy).toFixed(2)} ms (${busy.length} answers); p99 ratio to idle ${(quantile(busy, 0.99) / p99Idle).toFixed(1)}×`);
  console.log(`event-loop lag: worst ${idleWorst.toFixed(1)} ms idle, ${Math.max(0, ...uploadLag).toFixed(1)} ms during uploads (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`);
  console.log(`10 MiB inline data: generate: /healthz answered ${inlineBusy.length} times meanwhile, max ${Math.max(0, ...inlineBusy).toFixed(1)} ms; worst loop lag ${inlineWorst.toFixed(1)} ms`);
} finally {
  await gateway.close();
  await rm(dataDir, { recursive: true, force: true });
}
