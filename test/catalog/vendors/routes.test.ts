import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalog } from "../../../src/catalog/index.ts";
import { createEngine } from "../../../src/engine/engine.ts";
import { VENDOR_ROUTES, carriedReferences, nearestRatio, specOnRoute, toVendorInput, vendorTableMarkdown } from "../../../src/catalog/vendors/index.ts";

const byId = new Map(catalog.map((m) => [m.id, m]));

describe("the routing table", () => {
  it("routes only catalog models, each entry citing a vendor page", () => {
    for (const [model, routes] of Object.entries(VENDOR_ROUTES)) {
      expect(byId.has(model), model).toBe(true);
      expect(routes.length, model).toBeGreaterThan(0);
      for (const route of routes) expect(route.doc, `${model} on ${route.vendor}`).toMatch(/^https:\/\/(fal\.ai|replicate\.com|platform\.openai\.com)\//);
    }
  });

  it("translates every routed model's spec example (at one output per request) without refusing it", () => {
    for (const [model, routes] of Object.entries(VENDOR_ROUTES)) {
      const example = { ...byId.get(model)!.example.params, quantity: 1 };
      for (const route of routes) {
        const translated = toVendorInput(route, example);
        expect(translated, `${model} on ${route.vendor}: ${translated.ok ? "" : translated.reason}`).toMatchObject({ ok: true });
      }
    }
  });
});

describe("param translation", () => {
  const route = (model: string, vendor: string) => VENDOR_ROUTES[model]!.find((r) => r.vendor === vendor)!;

  it("sends fal FLUX the exact size, the image count and the seed", () => {
    expect(toVendorInput(route("flux-schnell", "fal"), { prompt: "p", width: 1024, height: 768, quantity: 3, seed: 7 })).toEqual({
      ok: true,
      model: "fal-ai/flux/schnell",
      input: { prompt: "p", image_size: { width: 1024, height: 768 }, num_images: 3, seed: 7, output_format: "png" },
    });
  });

  it("turns width/height into the nearest aspect ratio a vendor offers", () => {
    expect(nearestRatio(1920, 1080, ["16:9", "9:16", "1:1"])).toBe("16:9");
    expect(nearestRatio(1000, 1900, ["16:9", "9:16", "1:1"])).toBe("9:16");
    expect(nearestRatio(1100, 1000, ["16:9", "9:16", "1:1"])).toBe("1:1");
    const sora = toVendorInput(route("sora-2", "replicate"), { prompt: "p", width: 720, height: 1280, duration: 8, quantity: 1 });
    expect(sora).toMatchObject({ ok: true, input: { aspect_ratio: "portrait", seconds: 8 } });
  });

  it("writes durations the way each vendor spells them, and a resolution from the short side", () => {
    expect(toVendorInput(route("veo-3.1-generate-001", "fal"), { prompt: "p", width: 1920, height: 1080, duration: 8, quantity: 1 })).toMatchObject({
      ok: true,
      input: { duration: "8s", aspect_ratio: "16:9", resolution: "1080p" },
    });
    expect(toVendorInput(route("kling-2.5", "fal"), { prompt: "p", width: 1080, height: 1920, duration: 10, quantity: 1 })).toMatchObject({ ok: true, input: { duration: "10", aspect_ratio: "9:16" } });
  });

  it("picks the image-to-video endpoint when a start frame is given, and passes the frame", () => {
    const withFrame = toVendorInput(route("seedance-1.0-pro", "fal"), { prompt: "p", width: 1280, height: 720, duration: 5, quantity: 1, start_frame: "https://cdn.example/a.png" });
    expect(withFrame).toMatchObject({ ok: true, model: "fal-ai/bytedance/seedance/v1/pro/image-to-video", input: { image_url: "https://cdn.example/a.png", duration: "5" } });
  });

  it("maps OpenAI sizes to the nearest of the three the API takes, and transparency to background", () => {
    expect(toVendorInput(route("gpt-image-1", "openai"), { prompt: "p", width: 1536, height: 1000, quantity: 2, quality: "low", transparency: true })).toEqual({
      ok: true,
      model: "gpt-image-1",
      input: { prompt: "p", size: "1536x1024", n: 2, quality: "low", background: "transparent" },
    });
  });

  it("runs each Kling 3.0 resolution tier on the fal endpoint serving it, text- or image-to-video, and refuses a tier with no endpoint", () => {
    const kling = route("kling-3.0", "fal");
    expect(toVendorInput(kling, { prompt: "p", mode: "RESOLUTION_1080", width: 1920, height: 1080, durationSeconds: 7, quantity: 1 })).toMatchObject({
      ok: true,
      model: "fal-ai/kling-video/v3/pro/text-to-video",
      input: { aspect_ratio: "16:9", duration: "7" },
    });
    expect(toVendorInput(kling, { prompt: "p", mode: "RESOLUTION_720", quantity: 1, start_frame: "https://cdn.example/a.png" })).toMatchObject({
      ok: true,
      model: "fal-ai/kling-video/v3/standard/image-to-video",
      input: { start_image_url: "https://cdn.example/a.png" },
    });
    expect(toVendorInput(kling, { prompt: "p", mode: "RESOLUTION_2160", quantity: 1 })).toMatchObject({ ok: true, model: "fal-ai/kling-video/v3/4k/text-to-video" });
    expect(toVendorInput(kling, { prompt: "p", mode: "RESOLUTION_480", quantity: 1 })).toMatchObject({ ok: false, reason: expect.stringMatching(/no endpoint for mode=RESOLUTION_480/) });
  });

  it("sends Recraft V4 the listed size nearest in shape, and Veo 3.1 Lite the resolution its mode names", () => {
    expect(toVendorInput(route("recraft-v4", "replicate"), { prompt: "p", width: 1280, height: 896, quantity: 1 })).toEqual({ ok: true, model: "recraft-ai/recraft-v4", input: { prompt: "p", size: "1280x896" } });
    expect(toVendorInput(route("veo-3.1-lite", "replicate"), { prompt: "p", mode: "RESOLUTION_1080", width: 1080, height: 1920, duration: 8, quantity: 1 })).toMatchObject({
      ok: true,
      input: { resolution: "1080p", aspect_ratio: "9:16", duration: 8 },
    });
  });

  it("refuses a resolution above the largest a vendor makes, rather than making a smaller one", () => {
    const fourK = { prompt: "p", width: 3840, height: 2160, duration: 8, quantity: 1 };
    expect(toVendorInput(route("veo-3.1-generate-001", "replicate"), fourK)).toMatchObject({ ok: false, reason: expect.stringMatching(/up to 1080p \(asked for 3840×2160\)/) });
    expect(toVendorInput(route("veo-3.1-generate-001", "fal"), fourK)).toMatchObject({ ok: true, input: { resolution: "4k" } });
    // A 1080p tier's square and 4:3 sizes have the pixels of 1920×1080, not a longer short side's tier.
    for (const [width, height] of [[1440, 1440], [1664, 1248], [1248, 1664]])
      expect(toVendorInput(route("seedance-1.0-pro", "fal"), { prompt: "p", width, height, duration: 5, quantity: 1 }), `${width}×${height}`).toMatchObject({ ok: true, input: { resolution: "1080p" } });
  });

  it("makes a transparent GPT Image as png when asked for jpeg (OpenAI's transparency needs png or webp), and keeps webp", () => {
    const transparent = { prompt: "p", width: 1024, height: 1024, quantity: 1, transparency: true };
    expect(toVendorInput(route("gpt-image-1", "openai"), Object.assign({ output_format: "jpeg" }, transparent))).toMatchObject({ ok: true, input: { background: "transparent", output_format: "png" } });
    expect(toVendorInput(route("gpt-image-1", "openai"), Object.assign({ output_format: "webp" }, transparent))).toMatchObject({ ok: true, input: { output_format: "webp" } });
    expect(toVendorInput(route("gpt-image-1", "openai"), { prompt: "p", width: 1024, height: 1024, quantity: 1, transparency: false, output_format: "jpeg" })).toMatchObject({ ok: true, input: { output_format: "jpeg" } });
  });

  it("asks fal's Veo for audio only when the request wants it", () => {
    const veo = (motion_has_audio: boolean) => toVendorInput(route("veo-3.1-generate-001", "fal"), { prompt: "p", width: 1280, height: 720, duration: 8, quantity: 1, motion_has_audio });
    expect(veo(false)).toMatchObject({ ok: true, input: { generate_audio: false } });
    expect(veo(true)).toMatchObject({ ok: true, input: { generate_audio: true } });
  });

  it("refuses more outputs than a vendor makes per request, and enum values it has no equivalent for", () => {
    expect(toVendorInput(route("flux-kontext-pro", "replicate"), { prompt: "p", width: 1024, height: 1024, quantity: 2 })).toMatchObject({ ok: false, reason: expect.stringMatching(/one output per request/) });
    expect(toVendorInput(route("ltxv-2.0-pro", "fal"), { prompt: "p", fps: 24, quantity: 1 })).toMatchObject({ ok: false, reason: expect.stringMatching(/no equivalent of fps=24/) });
    expect(toVendorInput(route("ideogram-v3.0", "fal"), { prompt: "p", style: "anime", quantity: 1 })).toMatchObject({ ok: false, reason: expect.stringMatching(/no equivalent of style=anime/) });
  });

  it("sends LTX-2 its fps as fal takes them, and Ideogram's style as one of fal's four names", () => {
    expect(toVendorInput(route("ltxv-2.0-pro", "fal"), { prompt: "p", fps: 50, quantity: 1 })).toMatchObject({ ok: true, input: { fps: 50 } });
    expect(toVendorInput(route("ideogram-v3.0", "fal"), { prompt: "p", style: "realistic", quantity: 1 })).toMatchObject({ ok: true, input: { style: "REALISTIC" } });
  });

  it("runs Rodin on fal's Gen-2 endpoint with one mesh option for quality × mesh mode", () => {
    const rodin = (quality: string, mesh_mode: string) => toVendorInput(route("rodin-v2", "fal"), { quality, mesh_mode, material: "All", use_original_alpha: true, quantity: 1 });
    expect(rodin("high", "Triangle")).toMatchObject({ ok: true, model: "fal-ai/hyper3d/rodin/v2", input: { quality_mesh_option: "500K Triangle", material: "All", use_original_alpha: true, geometry_file_format: "glb" } });
    expect(rodin("extra_low", "Quad")).toMatchObject({ ok: true, input: { quality_mesh_option: "4K Quad" } });
    const input = rodin("medium", "Triangle");
    expect(input.ok && input.input).not.toHaveProperty("quality");
    expect(input.ok && input.input).not.toHaveProperty("mesh_mode");
  });

  it("gives Kling 2.6 its frame as start_image_url, and audio only when asked for", () => {
    expect(toVendorInput(route("kling-2.6", "fal"), { prompt: "p", duration: 5, quantity: 1, start_frame: "https://cdn.example/a.png", motion_has_audio: false })).toEqual({
      ok: true,
      model: "fal-ai/kling-video/v2.6/pro/image-to-video",
      input: { prompt: "p", duration: "5", start_image_url: "https://cdn.example/a.png", generate_audio: false },
    });
  });

  it("runs Hailuo 2.3 at 1080p on the Pro endpoint and at 768p on Standard", () => {
    const hailuo = (model: string, resolution: string, start_frame?: string) => toVendorInput(route(model, "fal"), Object.assign({ prompt: "p", durationSeconds: 6, quantity: 1, resolution }, start_frame ? { start_frame } : {}));
    expect(hailuo("hailuo-2_3", "1080p")).toMatchObject({ ok: true, model: "fal-ai/minimax/hailuo-2.3/pro/text-to-video" });
    expect(hailuo("hailuo-2_3", "768p", "https://cdn.example/a.png")).toMatchObject({ ok: true, model: "fal-ai/minimax/hailuo-2.3/standard/image-to-video" });
    expect(hailuo("hailuo-2_3-fast", "1080p", "https://cdn.example/a.png")).toMatchObject({ ok: true, model: "fal-ai/minimax/hailuo-2.3-fast/pro/image-to-video" });
    expect(hailuo("hailuo-2_3-fast", "768p", "https://cdn.example/a.png")).toMatchObject({ ok: true, model: "fal-ai/minimax/hailuo-2.3-fast/standard/image-to-video" });
  });

  it("runs Veo 3.1 with a start and an end frame on fal's first-last-frame endpoint", () => {
    const frames = { prompt: "p", width: 1280, height: 720, duration: 8, quantity: 1, start_frame: "https://cdn.example/a.png", end_frame: "https://cdn.example/b.png" };
    const both = toVendorInput(route("veo-3.1-fast-generate-001", "fal"), frames);
    expect(both).toMatchObject({ ok: true, model: "fal-ai/veo3.1/fast/first-last-frame-to-video", input: { first_frame_url: "https://cdn.example/a.png", last_frame_url: "https://cdn.example/b.png" } });
    expect(both.ok && both.input).not.toHaveProperty("image_url");
    const start = toVendorInput(route("veo-3.1-fast-generate-001", "fal"), Object.assign({}, frames, { end_frame: undefined }));
    expect(start).toMatchObject({ ok: true, model: "fal-ai/veo3.1/fast/image-to-video", input: { image_url: "https://cdn.example/a.png" } });
  });

  it("sends Nano Banana 2 on Replicate the resolution tier of the size asked for", () => {
    const nano = (width: number, height: number) => toVendorInput(route("nano-banana-2", "replicate"), { prompt: "p", width, height, quantity: 1 });
    expect(nano(1024, 1024)).toMatchObject({ ok: true, input: { resolution: "1K", aspect_ratio: "1:1" } });
    expect(nano(3168, 1344)).toMatchObject({ ok: true, input: { resolution: "2K", aspect_ratio: "21:9" } });
    expect(nano(4096, 4096)).toMatchObject({ ok: true, input: { resolution: "4K" } });
  });

  it("sends Seedream 4 on Replicate one image of a custom size within its 1024-4096 sides, and refuses other sizes", () => {
    expect(toVendorInput(route("seedream-4.0", "replicate"), { prompt: "p", width: 2048, height: 1024, quantity: 1 })).toMatchObject({
      ok: true,
      input: { size: "custom", width: 2048, height: 1024, sequential_image_generation: "disabled" },
    });
    expect(toVendorInput(route("seedream-4.0", "replicate"), { prompt: "p", width: 1344, height: 768, quantity: 1 })).toMatchObject({ ok: false, reason: expect.stringMatching(/1024 to 4096/) });
    expect(toVendorInput(route("seedream-4.0", "replicate"), { prompt: "p", width: 2048, height: 2048, quantity: 2 })).toMatchObject({ ok: false, reason: expect.stringMatching(/one output per request/) });
  });

  it("sends Nano Banana Pro (gemini-image-2) on Replicate the resolution tier and aspect ratio of the size, the format, and references as image_input", () => {
    const pro = route("gemini-image-2", "replicate");
    expect(toVendorInput(pro, { prompt: "p", width: 1024, height: 1024, quantity: 1, output_format: "png", image_urls: ["https://cdn.example/a.png", "https://cdn.example/b.png"] })).toEqual({
      ok: true,
      model: "google/nano-banana-pro",
      input: { prompt: "p", aspect_ratio: "1:1", resolution: "1K", output_format: "png", image_input: ["https://cdn.example/a.png", "https://cdn.example/b.png"] },
    });
    expect(toVendorInput(pro, { prompt: "p", width: 2528, height: 1696, quantity: 1, output_format: "jpeg" })).toMatchObject({ ok: true, input: { resolution: "2K", aspect_ratio: "3:2", output_format: "jpg" } });
    expect(toVendorInput(pro, { prompt: "p", width: 6336, height: 2688, quantity: 1 })).toMatchObject({ ok: true, input: { resolution: "4K", aspect_ratio: "21:9" } });
    expect(toVendorInput(pro, { prompt: "p", width: 3072, height: 5504, quantity: 1 })).toMatchObject({ ok: true, input: { resolution: "4K", aspect_ratio: "9:16" } });
  });

  it("sends Gemini's image models on Replicate the resolution tier their price is for, a request without a size included (1K, not the vendor's default)", () => {
    const engine = createEngine();
    for (const model of ["gemini-image-2", "nano-banana-2"]) {
      const base = engine.quote({ model, params: { prompt: "p" } }, 100_000_000);
      if (!base.ok) throw new Error(base.error.message);
      expect(toVendorInput(route(model, "replicate"), base.value.params), `${model} without a size`).toMatchObject({ ok: true, input: { resolution: "1K" } });
      const tierOf: Record<number, string> = { 1: "1K", 2: "2K", 4: "4K" };
      for (const size of byId.get(model)!.resolutions!) {
        const quote = engine.quote({ model, params: { prompt: "p", width: size.width, height: size.height } }, 100_000_000);
        if (!quote.ok) throw new Error(quote.error.message);
        const factor = Math.round(quote.value.cost / base.value.cost);
        expect(toVendorInput(route(model, "replicate"), quote.value.params), `${model} ${size.width}x${size.height}`).toMatchObject({ ok: true, input: { resolution: tierOf[factor] } });
      }
    }
  });

  it("refuses Nano Banana Pro more than one image a request or a size past its 4K tier, and caps the quantity at one", () => {
    const pro = route("gemini-image-2", "replicate");
    expect(toVendorInput(pro, { prompt: "p", width: 1024, height: 1024, quantity: 2 })).toMatchObject({ ok: false, reason: expect.stringMatching(/one output per request \(asked for 2\)/) });
    expect(toVendorInput(pro, { prompt: "p", width: 8192, height: 4096, quantity: 1 })).toMatchObject({ ok: false, reason: expect.stringMatching(/up to 18000000 pixels/) });
    expect(specOnRoute(byId.get("gemini-image-2")!, pro).params.find((p) => p.name === "quantity")).toMatchObject({ max: 1, default: 1 });
  });

  it("sends Recraft V4 Pro the listed size nearest in shape, one image a request", () => {
    const recraft = route("recraft-v4-pro", "replicate");
    expect(toVendorInput(recraft, { prompt: "p", width: 2688, height: 1536, quantity: 1 })).toEqual({ ok: true, model: "recraft-ai/recraft-v4-pro", input: { prompt: "p", size: "2688x1536" } });
    expect(toVendorInput(recraft, { prompt: "p", width: 1792, height: 2432, quantity: 1 })).toMatchObject({ ok: true, input: { size: "1792x2432" } });
    expect(toVendorInput(recraft, { prompt: "p", width: 2048, height: 2048, quantity: 1 })).toMatchObject({ ok: true, input: { size: "2048x2048" } });
    expect(toVendorInput(recraft, { prompt: "p", width: 2048, height: 2048, quantity: 4 })).toMatchObject({ ok: false, reason: expect.stringMatching(/one output per request/) });
    expect(specOnRoute(byId.get("recraft-v4-pro")!, recraft).params.find((p) => p.name === "quantity")).toMatchObject({ max: 1, default: 1 });
  });

  it("runs Seedance 2.0 Fast on Replicate with Seedance 2.0's fields, and refuses 1080p (the fast tier makes 480p and 720p)", () => {
    const fast = route("seedance-2.0-fast", "replicate");
    expect(toVendorInput(fast, { prompt: "p", width: 1280, height: 720, duration: 8, quantity: 1, generate_audio: true, start_frame: "https://cdn.example/a.png", end_frame: "https://cdn.example/b.png" })).toEqual({
      ok: true,
      model: "bytedance/seedance-2.0-fast",
      input: { prompt: "p", aspect_ratio: "16:9", resolution: "720p", duration: 8, generate_audio: true, image: "https://cdn.example/a.png", last_frame_image: "https://cdn.example/b.png" },
    });
    const references = { reference_image_urls: ["https://cdn.example/a.png"], reference_video_urls: ["https://cdn.example/v.mp4"], reference_audio_urls: ["https://cdn.example/s.mp3"] };
    expect(toVendorInput(fast, Object.assign({ prompt: "p", width: 1470, height: 630, duration: 4, quantity: 1 }, references))).toMatchObject({
      ok: true,
      input: { aspect_ratio: "21:9", resolution: "720p", reference_images: ["https://cdn.example/a.png"], reference_videos: ["https://cdn.example/v.mp4"], reference_audios: ["https://cdn.example/s.mp3"] },
    });
    expect(toVendorInput(fast, { prompt: "p", width: 960, height: 960, duration: 5, quantity: 1 })).toMatchObject({ ok: true, input: { aspect_ratio: "1:1", resolution: "720p" } });
    for (const [width, height] of [[1920, 1080], [1440, 1440], [1080, 1920]])
      expect(toVendorInput(fast, { prompt: "p", width, height, duration: 5, quantity: 1 }), `${width}×${height}`).toMatchObject({ ok: false, reason: expect.stringMatching(/up to 720p/) });
    expect(toVendorInput(route("seedance-2.0", "replicate"), { prompt: "p", width: 1920, height: 1080, duration: 5, quantity: 1 })).toMatchObject({ ok: true, input: { resolution: "1080p" } });
  });

  it("carries Seedance 2.0's end frame on Replicate only beside a start frame (the vendor ignores a last frame alone), so one sent alone is not carried", () => {
    for (const model of ["seedance-2.0", "seedance-2.0-fast"]) {
      const r = route(model, "replicate");
      const end = { end_frame: "https://cdn.example/b.png" };
      expect(carriedReferences(r, end), model).not.toHaveProperty("end_frame");
      expect(toVendorInput(r, { prompt: "p", width: 1280, height: 720, duration: 5, quantity: 1, ...end }), model).toMatchObject({ ok: true, input: expect.not.objectContaining({ last_frame_image: expect.anything() }) });
      expect(carriedReferences(r, { start_frame: "https://cdn.example/a.png", ...end }), model).toMatchObject({ start_frame: { to: "image" }, end_frame: { to: "last_frame_image" } });
    }
  });

  it("runs each Kling O3 tier on the fal endpoint serving it, text- or image-to-video, and refuses a tier with no endpoint", () => {
    const o3 = route("kling-video-o-3", "fal");
    expect(toVendorInput(o3, { prompt: "p", mode: "RESOLUTION_1080", width: 1080, height: 1920, durationSeconds: 12, generate_audio: true, quantity: 1 })).toEqual({
      ok: true,
      model: "fal-ai/kling-video/o3/pro/text-to-video",
      input: { prompt: "p", aspect_ratio: "9:16", duration: "12", generate_audio: true },
    });
    expect(toVendorInput(o3, { prompt: "p", mode: "RESOLUTION_720", durationSeconds: 3, quantity: 1 })).toMatchObject({ ok: true, model: "fal-ai/kling-video/o3/standard/text-to-video", input: { duration: "3" } });
    expect(toVendorInput(o3, { prompt: "p", mode: "RESOLUTION_2160", width: 3840, height: 2160, quantity: 1 })).toMatchObject({ ok: true, model: "fal-ai/kling-video/o3/4k/text-to-video", input: { aspect_ratio: "16:9" } });
    // Width and height 0 are "auto": no aspect ratio is sent, the vendor's default applies.
    const auto = toVendorInput(o3, { prompt: "p", mode: "RESOLUTION_1080", width: 0, height: 0, quantity: 1 });
    expect(auto.ok && auto.input).not.toHaveProperty("aspect_ratio");
    expect(toVendorInput(o3, { prompt: "p", mode: "RESOLUTION_480", quantity: 1 })).toMatchObject({ ok: false, reason: expect.stringMatching(/no endpoint for mode=RESOLUTION_480/) });
  });

  it("gives Kling O3 its start frame as image_url on image-to-video, an end frame only beside it, and carries no image or video guidance", () => {
    const o3 = route("kling-video-o-3", "fal");
    const start = { prompt: "p", mode: "RESOLUTION_720", durationSeconds: 5, quantity: 1, start_frame: "https://cdn.example/a.png" };
    expect(toVendorInput(o3, start)).toEqual({ ok: true, model: "fal-ai/kling-video/o3/standard/image-to-video", input: { prompt: "p", duration: "5", image_url: "https://cdn.example/a.png" } });
    expect(toVendorInput(o3, Object.assign({}, start, { mode: "RESOLUTION_2160", end_frame: "https://cdn.example/b.png" }))).toMatchObject({
      ok: true,
      model: "fal-ai/kling-video/o3/4k/image-to-video",
      input: { image_url: "https://cdn.example/a.png", end_image_url: "https://cdn.example/b.png" },
    });
    // An end frame alone, and reference images or videos, are not carried: the gateway refuses them before the charge.
    expect(Object.keys(carriedReferences(o3, { prompt: "p", end_frame: "https://cdn.example/b.png" }))).toEqual(["start_frame"]);
    expect(Object.keys(carriedReferences(o3, { prompt: "p", image_guidance: [{ image_url: "https://cdn.example/a.png" }] }))).not.toContain("image_guidance");
    expect(Object.keys(carriedReferences(o3, { prompt: "p", video_guidance: [{ video_url: "https://cdn.example/v.mp4" }] }))).not.toContain("video_guidance");
  });
});

describe("the README's model × vendor table", () => {
  it("is the one generated from the routing table", () => {
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
    const section = /<!-- vendor-table:start -->\n([\s\S]*?)\n<!-- vendor-table:end -->/.exec(readme);
    expect(section?.[1]).toBe(vendorTableMarkdown(catalog));
  });
});
