import { afterAll, describe, expect, it } from "vitest";
import { renderOutputs } from "../../src/providers/render/index.ts";
import { createRenderThread } from "../../src/providers/render/render-thread.ts";

const thread = createRenderThread();
afterAll(() => thread.close());

describe("rendering on a worker thread", () => {
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
});
