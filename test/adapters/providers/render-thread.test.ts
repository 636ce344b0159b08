import { readdirSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { renderOutputs } from "../../../src/adapters/providers/render/index.ts";
import { threadId as mainThreadId } from "node:worker_threads";
import { createRenderThread, renderWorkerEntry } from "../../../src/adapters/providers/render/render-thread.ts";

const thread = createRenderThread();
afterAll(() => thread.close());

describe("rendering on a worker thread", () => {
  it("starts the worker on the first render, from the compiled worker (no TypeScript loader)", async () => {
    expect(thread.threadId).toBeUndefined(); // an idle gateway holds no worker isolate
    expect(renderWorkerEntry().pathname).toMatch(/\/dist\/adapters\/providers\/render\/render-worker\.js$/);
    expect(renderWorkerEntry("file:///app/dist/adapters/providers/render/render-thread.js").href).toBe(
      "file:///app/dist/adapters/providers/render/render-worker.js",
    );
    await thread.render("flux-dev", "image", { prompt: "x", width: 16, height: 16 });
    expect(thread.threadId).toBeGreaterThan(mainThreadId);
  });

  it("produces the same files, byte for byte, as rendering on the main thread", async () => {
    const params = { prompt: "a red fox in snow", width: 320, height: 200, quantity: 2 };
    const [off, on] = await Promise.all([thread.render("flux-dev", "image", params), renderOutputs("flux-dev", "image", params)]);
    expect(off.result).toEqual(on.result);
    for (const [i, file] of off.files.entries()) expect(Buffer.from(file.data).equals(Buffer.from(on.files[i]!.data))).toBe(true);
  });

  it("answers concurrent requests each with its own outputs", async () => {
    const [video, model] = await Promise.all([
      thread.render("sora-2", "video", { prompt: "waves", width: 1280, height: 720, duration: 4 }),
      thread.render("rodin-v2", "3d", { quality: "low" }),
    ]);
    expect(video.files[0]!.mediaType).toBe("image/gif");
    expect(model.glb).toEqual(["rodin-v2_-0.glb"]);
  });

  it("reports a rendering error as a rejection, and keeps serving afterwards", async () => {
    await expect(thread.render("flux-dev", "image", { prompt: "x", width: 100_000, height: 10 })).rejects.toThrow(/rendering failed/);
    const after = await thread.render("flux-dev", "image", { prompt: "x", width: 16, height: 16 });
    expect(after.files).toHaveLength(1);
  });

  // Linux: /proc lists this process's threads with their nice values (field 19 of stat).
  it.skipIf(process.platform !== "linux")("renders at a lower priority than the threads serving requests", async () => {
    const niceOf = () =>
      readdirSync("/proc/self/task").map((tid) => {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
      });
    await thread.render("flux-dev", "image", { prompt: "x", width: 16, height: 16 });
    const nice = niceOf();
    expect(readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1]!.split(" ")[16]).toBe("0");
    expect(nice.filter((n) => n === 10)).toHaveLength(1); // the render thread, and only it
  });

  it("ends the worker after idleMs without a render, and starts a new one for the next", async () => {
    const idle = createRenderThread({ idleMs: 50 });
    try {
      await idle.render("flux-dev", "image", { prompt: "x", width: 16, height: 16 });
      const first = idle.threadId;
      expect(first).toBeGreaterThan(mainThreadId);
      await expect.poll(() => idle.threadId, { timeout: 5_000 }).toBeUndefined();
      const again = await idle.render("flux-dev", "image", { prompt: "y", width: 16, height: 16 });
      expect(again.files).toHaveLength(1);
      expect(idle.threadId).toBeGreaterThan(first!);
    } finally {
      await idle.close();
    }
  });
});
