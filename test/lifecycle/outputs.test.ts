// What a finished generation gives back, end to end: real files behind absolute result URLs
// (PNG of the size that ran, one per quantity; an animated GIF for video; a JPG preview plus a
// .glb for Rodin), media references (uploads, data: URIs, https URLs that are checked but never
// fetched), and /get + /api/me agreeing with what the subscribers saw.
import { createServer, type Server } from "node:net";
import jpeg from "jpeg-js";
import { afterAll, beforeAll, describe, test } from "vitest";
import {
  Cleanup,
  call,
  describeEvents,
  fetchBytes,
  generate,
  get,
  gifInfo,
  glbHeader,
  isJpeg,
  launch,
  makePng,
  postgresDatabase,
  pngSize,
  setups,
  waitForFinal,
  watchTask,
  type Launched,
} from "./support.ts";


const PUBLIC_URL = "https://cdn.gateai.test";
const UPLOAD_MAX_BYTES = 4096;
/** Scale 100: images 0.1-0.3 s, 3D 0.3-1.2 s, videos 0.6-3 s. */
const SCALE = 100;

/** DNS stand-in (there is none here): which host names resolve to what. */
const DNS: Record<string, string[]> = {
  "cdn.example.com": ["93.184.215.14"],
  "intranet.example.com": ["10.1.2.3"],
  "metadata.example.com": ["169.254.169.254"],
  "sneaky.example.com": ["93.184.215.14", "127.0.0.1"],
};

async function upload(base: string, key: string, bytes: Uint8Array, type: string, name = "ref.png") {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type }), name);
  const response = await fetch(`${base}/api/upload`, { method: "POST", headers: { authorization: `Bearer ${key}` }, body: form });
  return { status: response.status, body: (await response.json()) as any };
}

for (const setup of setups()) {
  describe.skipIf(!setup.available)(`results, references and views [${setup.name}]`, { concurrent: true }, () => {
    // Per setup: its gateways stop (and databases go) before the next setup starts.
    const cleanup = new Cleanup();
    afterAll(() => cleanup.run(), 60_000);
    let gw: Launched;
    const lookups: string[] = [];
    /** The served bytes behind an absolute (public) result URL. */
    const served = (url: string) => fetchBytes(url.replace(PUBLIC_URL, gw.url));

    beforeAll(async () => {
      gw = await launch(cleanup, {
        ...(setup.postgres ? { databaseUrl: await postgresDatabase(cleanup) } : {}),
        redis: setup.redis,
        env: { GATEAI_TIME_SCALE: String(SCALE), GATEAI_PUBLIC_URL: PUBLIC_URL, GATEAI_UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES) },
        options: {
          resolveHost: async (host) => {
            lookups.push(host);
            const addresses = DNS[host];
            if (!addresses) throw new Error(`ENOTFOUND ${host}`);
            return addresses;
          },
        },
      });
    });

    test("image results are files of the size that ran, one per quantity, at absolute public URLs: PNG, or JPEG where output_format says so", async ({ expect }) => {
      const { key } = await gw.createKey();
      const flux = await generate(gw.url, key, "flux-dev", { prompt: "three landscapes", width: 640, height: 480, quantity: 3 });
      const gpt = await generate(gw.url, key, "gpt-image-2", { prompt: "one square" });
      const [fluxTask, gptTask] = await Promise.all([waitForFinal(gw.url, key, flux.taskId, 15_000), waitForFinal(gw.url, key, gpt.taskId, 15_000)]);

      // The size that ran is what the acceptance said (unchanged here: no adjustments).
      expect(flux.body).toMatchObject({ params: { width: 640, height: 480, quantity: 3 }, adjustments: [] });
      expect(fluxTask).toMatchObject({ status: "FINISHED", adjustments: [] });
      expect(fluxTask.result).toHaveLength(3);
      expect(new Set(fluxTask.result).size).toBe(3);
      for (const url of fluxTask.result) {
        expect(url.startsWith(`${PUBLIC_URL}/files/${flux.taskId}/`), url).toBe(true);
        const file = await served(url);
        expect(file.status).toBe(200);
        expect(file.contentType).toBe("image/png");
        expect(pngSize(file.bytes)).toEqual({ width: 640, height: 480 });
      }
      expect(fluxTask).not.toHaveProperty("glb_urls");

      expect(gptTask.status).toBe("FINISHED");
      expect(gptTask.result).toHaveLength(1);
      const square = await served(gptTask.result[0]);
      // gpt-image-2's output_format defaults to jpeg (catalog): the file is the format that ran.
      expect(gpt.body.params).toMatchObject({ width: 1024, height: 1024, output_format: "jpeg" });
      expect(square.contentType).toBe("image/jpeg");
      const decoded = jpeg.decode(square.bytes, { useTArray: true });
      expect({ width: decoded.width, height: decoded.height }).toEqual({ width: 1024, height: 1024 });
    }, 30_000);

    test("a video result is an animated GIF", async ({ expect }) => {
      const { key } = await gw.createKey();
      const video = await generate(gw.url, key, "hailuo-2_3", { prompt: "waves rolling in", durationSeconds: 6 });
      const task = await waitForFinal(gw.url, key, video.taskId, 20_000);
      expect(task.status).toBe("FINISHED");
      expect(task.result).toHaveLength(1);
      expect(task.result[0]).toMatch(new RegExp(`^${PUBLIC_URL}/files/${video.taskId}/[^/]+\\.gif$`));
      const file = await served(task.result[0]);
      expect(file.status).toBe(200);
      expect(file.contentType).toBe("image/gif");
      const gif = gifInfo(file.bytes);
      expect(gif.frames).toBeGreaterThan(1);
      expect(gif.loops).toBe(true);
      expect(gif.width).toBeGreaterThan(gif.height); // 16:9 by default
    }, 30_000);

    test("rodin-v2: result is the JPG preview, glb_urls the same URL with .glb, both served", async ({ expect }) => {
      const { key } = await gw.createKey();
      const model = await generate(gw.url, key, "rodin-v2", { quality: "low" });
      const task = await waitForFinal(gw.url, key, model.taskId, 20_000);
      expect(task.status).toBe("FINISHED");
      expect(task.result).toHaveLength(1);
      expect(task.result[0]).toMatch(new RegExp(`^${PUBLIC_URL}/files/${model.taskId}/[^/]+\\.jpg$`));
      expect(task.glb_urls).toEqual(task.result.map((url: string) => url.replace(/\.jpg$/, ".glb")));

      const preview = await served(task.result[0]);
      expect(preview.status).toBe(200);
      expect(preview.contentType).toBe("image/jpeg");
      expect(isJpeg(preview.bytes)).toBe(true);
      const glb = await served(task.glb_urls[0]);
      expect(glb.status).toBe(200);
      expect(glb.contentType).toBe("model/gltf-binary");
      expect(glbHeader(glb.bytes)).toEqual({ magic: "glTF", version: 2, length: glb.bytes.byteLength });
    }, 30_000);

    test("an uploaded image is a reference by id; hailuo-2_3-fast needs its start frame", async ({ expect }) => {
      const { key } = await gw.createKey();
      const png = makePng(16, 9);
      const stored = await upload(gw.url, key, png, "image/png");
      expect(stored).toEqual({ status: 200, body: { id: expect.any(String), media_type: "image/png", size_bytes: png.byteLength } });
      const id: string = stored.body.id;

      const withImages = await generate(gw.url, key, "gpt-image-2", { prompt: "in the style of the reference", images: [id] });
      expect(withImages.body.params.images).toEqual([id]);

      const missing = await call(gw.url, "POST", "/api/generate", { key, body: { model: "hailuo-2_3-fast", params: { prompt: "no first frame" } } });
      expect(missing.status).toBe(400);
      expect(missing.body.code).toBe("INVALID_PARAMS");
      expect(JSON.stringify(missing.body.issues ?? missing.body)).toContain("start_frame");

      const framed = await generate(gw.url, key, "hailuo-2_3-fast", { prompt: "from the uploaded frame", start_frame: id });
      // Another key cannot use this upload.
      const other = await gw.createKey();
      const foreign = await call(gw.url, "POST", "/api/generate", { key: other.key, body: { model: "hailuo-2_3-fast", params: { prompt: "not mine", start_frame: id } } });
      expect(foreign.status).toBe(400);
      expect(foreign.body.code).toBe("INVALID_PARAMS");

      const [a, b] = await Promise.all([waitForFinal(gw.url, key, withImages.taskId, 15_000), waitForFinal(gw.url, key, framed.taskId, 20_000)]);
      expect(a.status).toBe("FINISHED");
      expect(b.status).toBe("FINISHED");
      expect(gifInfo((await served(b.result[0])).bytes).frames).toBeGreaterThan(1);
    }, 30_000);

    test("inline references: a data: URI over the limit is refused naming it; loopback, private and link-local hosts are never fetched", async ({ expect }) => {
      const { key } = await gw.createKey();
      const big = Buffer.alloc(UPLOAD_MAX_BYTES + 1, 7);
      big.set(makePng(1, 1).subarray(0, 8));
      const oversized = await call(gw.url, "POST", "/api/generate", {
        key,
        body: { model: "hailuo-2_3-fast", params: { prompt: "too big", start_frame: `data:image/png;base64,${big.toString("base64")}` } },
      });
      expect(oversized.status).toBe(400);
      expect(oversized.body.code).toBe("INVALID_PARAMS");
      expect(JSON.stringify(oversized.body)).toContain(String(UPLOAD_MAX_BYTES));
      const tooLargeUpload = await upload(gw.url, key, big, "image/png");
      expect(tooLargeUpload.status).toBe(413);
      expect(JSON.stringify(tooLargeUpload.body)).toContain(String(UPLOAD_MAX_BYTES));

      // A listener on loopback: a gateway that fetched the reference would connect to it.
      const connections: number[] = [];
      const trap: Server = createServer((socket) => {
        connections.push(Date.now());
        socket.destroy();
      });
      await new Promise<void>((resolveListen) => trap.listen(0, "127.0.0.1", resolveListen));
      cleanup.add(() => new Promise<void>((resolveClose) => trap.close(() => resolveClose())));
      const port = (trap.address() as { port: number }).port;

      const refused = [
        "https://127.0.0.1/x.png",
        `https://127.0.0.1:${port}/x.png`,
        `http://127.0.0.1:${port}/x.png`,
        "https://localhost/x.png",
        "https://[::1]/x.png",
        "https://169.254.169.254/latest/meta-data",
        "https://10.0.0.8/x.png",
        "https://intranet.example.com/x.png",
        "https://metadata.example.com/x.png",
        "https://sneaky.example.com/x.png",
      ];
      for (const url of refused) {
        const reply = await call(gw.url, "POST", "/api/generate", { key, body: { model: "hailuo-2_3-fast", params: { prompt: "reference", start_frame: url } } });
        expect(reply.status, url).toBe(400);
        expect(reply.body.code, url).toBe("INVALID_PARAMS");
        expect(JSON.stringify(reply.body.issues), url).toContain("start_frame");
      }
      // A public host is accepted (checked by resolving it, not fetched: the gateway only checks references).
      const accepted = await generate(gw.url, key, "hailuo-2_3-fast", { prompt: "public frame", start_frame: "https://cdn.example.com/frame.png" });
      expect(accepted.body.params.start_frame).toBe("https://cdn.example.com/frame.png");
      expect(lookups).toEqual(expect.arrayContaining(["cdn.example.com", "intranet.example.com", "metadata.example.com", "sneaky.example.com"]));
      expect(lookups).not.toContain("127.0.0.1");
      expect(lookups).not.toContain("localhost");
      expect((await waitForFinal(gw.url, key, accepted.taskId, 20_000)).status).toBe("FINISHED");
      expect(connections).toEqual([]);
    }, 30_000);

    test("/get and /api/me agree with what the subscriber saw, during processing and after FINISHED", async ({ expect }) => {
      const { key } = await gw.createKey();
      // A video (0.6-3 s here), so that PROCESSING lasts long enough to look at.
      const video = await generate(gw.url, key, "hailuo-2_3", { prompt: "a slow pan", durationSeconds: 6 });
      const watch = watchTask(cleanup, gw.url, key, video.taskId);

      const processing = await watch.until((e) => e.status === "PROCESSING", 10_000, "a PROCESSING state");
      const meDuring = (await get(gw.url, `/api/me?key=${key}`)).body;
      const during = (await get(gw.url, `/get/${video.taskId}`, key)).body;
      // The task may have moved on since the event, but only forward.
      const active = meDuring.active_tasks.find((t: any) => t.task_id === video.taskId);
      if (active) {
        expect(active).toMatchObject({ task_id: video.taskId, status: "PROCESSING", model: "hailuo-2_3", cost: video.cost / 1e6 });
        expect(meDuring.concurrency.active_slots.map((s: any) => s.taskId)).toContain(video.taskId);
        expect(meDuring.recent_tasks.map((t: any) => t.task_id)).not.toContain(video.taskId);
      } else expect(meDuring.recent_tasks, "a 0.6-3 s generation finished before /api/me was asked").toContainEqual(expect.objectContaining({ task_id: video.taskId, status: "FINISHED" }));
      expect(["PROCESSING", "FINISHED"]).toContain(during.status);
      expect(during.progress).toBeGreaterThanOrEqual(Math.round(processing.progress * 100));

      const finished = await watch.until((e) => e.type === "FINISHED", 15_000, "FINISHED event");
      await watch.completed;
      // Statuses only move forward, progress never goes back, one final event, last.
      const order = ["QUEUED", "PROCESSING", "FINISHED"];
      const statuses = watch.events.map((e) => order.indexOf(e.status));
      expect(statuses.every((s, i) => s >= 0 && (i === 0 || s >= statuses[i - 1]!)), describeEvents(watch.events)).toBe(true);
      expect(watch.events.every((e, i) => i === 0 || e.progress >= watch.events[i - 1]!.progress)).toBe(true);
      expect(watch.events.filter((e) => e.type === "FINISHED")).toHaveLength(1);
      expect(watch.events.at(-1)).toBe(finished);

      const after = (await get(gw.url, `/get/${video.taskId}`, key)).body;
      expect(after).toMatchObject({ status: "FINISHED", result: finished.result, progress: 100, refunded: false, cost: video.cost / 1e6 });
      expect(finished.result.every((url) => url.startsWith(`${PUBLIC_URL}/files/${video.taskId}/`))).toBe(true);
      const meAfter = (await get(gw.url, `/api/me?key=${key}`)).body;
      expect(meAfter.recent_tasks).toContainEqual({ task_id: video.taskId, model: "hailuo-2_3", status: "FINISHED", cost: video.cost / 1e6, result_count: finished.result.length });
      expect(meAfter.active_tasks.map((t: any) => t.task_id)).not.toContain(video.taskId);
      expect(meAfter.concurrency.active_slots.map((s: any) => s.taskId)).not.toContain(video.taskId);

      // A subscriber that connects after the end gets the final state at once, and nothing more.
      const late = watchTask(cleanup, gw.url, key, video.taskId);
      const subscribedAt = Date.now();
      await late.completed;
      expect(Date.now() - subscribedAt).toBeLessThan(5_000);
      expect(late.events).toHaveLength(1);
      expect(late.events[0]).toMatchObject({ type: "FINISHED", status: "FINISHED", result: finished.result, progress: 1 });
    }, 30_000);
  });
}
