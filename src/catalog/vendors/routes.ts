/**
 * The routing table: for each catalog model, the vendors that can run it (in order of preference),
 * their model id and how our params translate, each entry citing the vendor's model page (its
 * API tab lists the input fields used here). A model without an entry runs on the simulation
 * when the simulation is on, and is refused before any charge otherwise.
 *
 * Vendor protocols: fal queue API https://docs.fal.ai/model-apis/model-endpoints/queue,
 * Replicate predictions https://replicate.com/docs/reference/http#predictions.create,
 * OpenAI Images https://platform.openai.com/docs/api-reference/images/create.
 */
import type { ParamTranslation, VendorRoute } from "./types.ts";

const FAL_RATIOS_IMAGE = ["21:9", "16:9", "4:3", "3:2", "1:1", "2:3", "3:4", "9:16", "9:21"];
const VIDEO_RATIOS = ["16:9", "9:16", "1:1"];
const VIDEO_RATIOS_WIDE = ["16:9", "9:16"];
const FAL_IMAGE_SIZE: ParamTranslation["size"] = { kind: "width-height-object", to: "image_size" };

const fal = (model: string, params: ParamTranslation, withReference?: VendorRoute["withReference"]): VendorRoute => ({
  vendor: "fal",
  model,
  ...(withReference ? { withReference } : {}),
  doc: `https://fal.ai/models/${model}/api`,
  params,
});
const replicate = (model: string, params: ParamTranslation, doc = `https://replicate.com/${model}/api/schema`): VendorRoute => ({ vendor: "replicate", model, doc, params });
const openai = (model: string, params: ParamTranslation): VendorRoute => ({ vendor: "openai", model, doc: "https://platform.openai.com/docs/api-reference/images/create", params });

/** fal's FLUX family: custom image_size, num_images up to 4, seed. */
const falFlux = (extra: ParamTranslation = {}): ParamTranslation => ({
  size: FAL_IMAGE_SIZE,
  quantity: { to: "num_images", max: 4 },
  copy: { seed: "seed", ...extra.copy },
  ...(extra.enums ? { enums: extra.enums } : {}),
  ...(extra.references ? { references: extra.references } : {}),
  fixed: { output_format: "png", ...extra.fixed },
});

/**
 * The OpenAI GPT Image models: size (three shapes), quality, n, output format, transparency. A
 * transparent background needs png or webp (the page's `background`): asked for with jpeg, the
 * catalog's default format, it is made as png.
 */
const gptImage = (model: string, sizes?: readonly string[]): VendorRoute =>
  openai(model, {
    size: sizes ? { kind: "size-string", to: "size", sizes } : { kind: "size-string", to: "size" },
    quantity: { to: "n", max: 10 },
    copy: { quality: "quality", output_format: "output_format" },
    enums: { transparency: { to: "background", values: { true: "transparent", false: "auto" } } },
    fixedWhen: [{ when: { transparency: true, output_format: "jpeg" }, set: { output_format: "png" } }],
  });
const GPT_IMAGE_SIZES = ["1024x1024", "1536x1024", "1024x1536"];

/**
 * Veo on fal: a start frame runs image-to-video (`image_url` only). Veo 3.1 runs a start and an
 * end frame on its first-last-frame endpoint (`first_frame_url`, `last_frame_url`:
 * https://fal.ai/models/fal-ai/veo3.1/fast/first-last-frame-to-video/api); an end frame alone, or
 * on Veo 3.0, has no endpoint and is refused.
 */
const veoFal = (model: string, firstLast: boolean): VendorRoute =>
  Object.assign(
    fal(
      model,
      {
        size: { kind: "aspect-ratio", to: "aspect_ratio", ratios: VIDEO_RATIOS_WIDE },
        resolution: { to: "resolution", byShortSide: { 720: "720p", 1080: "1080p", 2160: "4k" } },
        duration: { to: "duration", as: "seconds" },
        copy: { seed: "seed", negative_prompt: "negative_prompt", motion_has_audio: "generate_audio" },
        references: { start_frame: { to: "image_url", as: "single" } },
      },
      { param: "start_frame", model: `${model}/image-to-video` },
    ),
    firstLast
      ? {
          withAllReferences: {
            params: ["start_frame", "end_frame"],
            model: `${model}/first-last-frame-to-video`,
            references: { start_frame: { to: "first_frame_url", as: "single" }, end_frame: { to: "last_frame_url", as: "single" } },
          },
        }
      : {},
  );
const veoReplicate = (model: string): VendorRoute =>
  replicate(model, {
    size: { kind: "aspect-ratio", to: "aspect_ratio", ratios: VIDEO_RATIOS_WIDE },
    resolution: { to: "resolution", byShortSide: { 720: "720p", 1080: "1080p" } },
    duration: { to: "duration", as: "number" },
    copy: { seed: "seed", negative_prompt: "negative_prompt" },
    references: { start_frame: { to: "image", as: "single" }, end_frame: { to: "last_frame", as: "single" } },
  });

const seedanceFal = (base: string): VendorRoute =>
  fal(
    `${base}/text-to-video`,
    {
      size: { kind: "aspect-ratio", to: "aspect_ratio", ratios: ["21:9", "16:9", "4:3", "1:1", "3:4", "9:16"] },
      resolution: { to: "resolution", byShortSide: { 480: "480p", 720: "720p", 1080: "1080p" } },
      duration: { to: "duration", as: "string" },
      copy: { seed: "seed", camera_fixed: "camera_fixed", enable_safety_checker: "enable_safety_checker" },
      references: { start_frame: { to: "image_url", as: "single" }, end_frame: { to: "end_image_url", as: "single" } },
    },
    { param: "start_frame", model: `${base}/image-to-video` },
  );
const seedanceReplicate = (model: string): VendorRoute =>
  replicate(model, {
    size: { kind: "aspect-ratio", to: "aspect_ratio", ratios: ["21:9", "16:9", "4:3", "1:1", "3:4", "9:16", "9:21"] },
    resolution: { to: "resolution", byShortSide: { 480: "480p", 720: "720p", 1080: "1080p" } },
    duration: { to: "duration", as: "number" },
    copy: { seed: "seed", camera_fixed: "camera_fixed" },
    references: { start_frame: { to: "image", as: "single" }, end_frame: { to: "last_frame_image", as: "single" } },
  });

/**
 * Seedance 2.0 on Replicate: one model for text, first (and last) frame and reference input
 * (`image`, `last_frame_image`, `reference_images`/`_videos`/`_audios`), resolution by tier,
 * duration in whole seconds. `tiers`: short side → the tiers this model makes. The page says
 * `last_frame_image` "only works if a first frame image is also provided": an end frame is
 * carried only beside a start frame, so one sent alone is refused before the charge rather than
 * ignored by the vendor.
 */
const seedance2Replicate = (model: string, tiers: Readonly<Record<number, string>>, ratios: readonly string[], doc?: string): VendorRoute => {
  const references = {
    start_frame: { to: "image", as: "single" },
    reference_image_urls: { to: "reference_images", as: "list" },
    reference_video_urls: { to: "reference_videos", as: "list" },
    reference_audio_urls: { to: "reference_audios", as: "list" },
  } as const;
  return Object.assign(
    replicate(
      model,
      {
        size: { kind: "aspect-ratio", to: "aspect_ratio", ratios },
        resolution: { to: "resolution", byShortSide: tiers },
        duration: { to: "duration", as: "number" },
        copy: { generate_audio: "generate_audio" },
        references,
      },
      doc,
    ),
    { withAllReferences: { params: ["start_frame", "end_frame"], model, references: Object.assign({}, references, { end_frame: { to: "last_frame_image", as: "single" } as const }) } },
  );
};

/** LTX-2 on fal takes 25 or 50 fps (https://fal.ai/models/fal-ai/ltx-2/image-to-video/api); our other rates have no equivalent. */
const ltxvFal = (t2v: string, i2v: string): VendorRoute =>
  fal(
    t2v,
    {
      copy: { resolution: "resolution", aspect_ratio: "aspect_ratio" },
      enums: { fps: { to: "fps", values: { 25: 25, 50: 50 } } },
      duration: { to: "duration", as: "number" },
      references: { start_frame: { to: "image_url", as: "single" } },
      fixed: { generate_audio: true },
    },
    { param: "start_frame", model: i2v },
  );

/** LTX-2.3 on fal: fps, resolution and aspect ratio are our enums verbatim; a start frame picks image-to-video. */
const ltxv23Fal = (t2v: string, i2v: string): VendorRoute =>
  fal(
    t2v,
    {
      copy: { fps: "fps", resolution: "resolution", aspect_ratio: "aspect_ratio", generate_audio: "generate_audio" },
      duration: { to: "duration", as: "number" },
      references: { start_frame: { to: "image_url", as: "single" } },
    },
    { param: "start_frame", model: i2v },
  );

/** Veo 3.1 Lite's tiers are 720p and 1080p only; our `mode` names the tier. */
const VEO_LITE_RESOLUTION = { to: "resolution", values: { RESOLUTION_720: "720p", RESOLUTION_1080: "1080p" } };

/**
 * Kling 3.0 on fal: each resolution tier is its own endpoint (standard 720p, pro 1080p, 4k), with
 * a text-to-video and an image-to-video id each; the ids and fields follow
 * https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-v3-pro.md.
 */
const KLING_3_TIERS: Readonly<Record<string, string>> = { RESOLUTION_720: "standard", RESOLUTION_1080: "pro", RESOLUTION_2160: "4k" };
const klingTierIds = (family: string, kind: string): Record<string, string> =>
  Object.fromEntries(Object.entries(KLING_3_TIERS).map(([mode, tier]) => [mode, `fal-ai/kling-video/${family}/${tier}/${kind}`]));
const kling3Ids = (kind: string): Record<string, string> => klingTierIds("v3", kind);
const kling3Fal: VendorRoute = Object.assign(
  fal(
    "fal-ai/kling-video/v3/pro/text-to-video",
    {
      size: { kind: "aspect-ratio", to: "aspect_ratio", ratios: VIDEO_RATIOS },
      duration: { to: "duration", as: "string" },
      copy: { generate_audio: "generate_audio" },
      references: { start_frame: { to: "start_image_url", as: "single" }, end_frame: { to: "end_image_url", as: "single" } },
    },
    { param: "start_frame", model: "fal-ai/kling-video/v3/pro/image-to-video" },
  ),
  { endpointBy: { param: "mode", models: kling3Ids("text-to-video"), withReference: kling3Ids("image-to-video") } },
);

/**
 * Kling O3 on fal: the tiers of Kling 3.0 (standard 720p, pro 1080p, 4k), each a text-to-video
 * and an image-to-video endpoint. Text-to-video takes prompt, duration "3"–"15", aspect_ratio
 * 16:9/9:16/1:1 and generate_audio (the page cited); image-to-video takes the start frame as
 * `image_url` (required) and an optional `end_image_url`
 * (https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-o3-standard-image-to-video,
 * https://fal.ai/models/fal-ai/kling-video/o3/4k/image-to-video). So an end frame runs only beside
 * a start frame (an end frame alone is refused, as on Veo); our `image_guidance`/`video_guidance`
 * (fal's reference-to-video and video edit endpoints) are not carried, so a request with them is
 * refused before its charge rather than run without them.
 */
const klingO3Fal: VendorRoute = Object.assign(
  fal(
    "fal-ai/kling-video/o3/pro/text-to-video",
    {
      size: { kind: "aspect-ratio", to: "aspect_ratio", ratios: VIDEO_RATIOS },
      duration: { to: "duration", as: "string" },
      copy: { generate_audio: "generate_audio" },
      references: { start_frame: { to: "image_url", as: "single" } },
    },
    { param: "start_frame", model: "fal-ai/kling-video/o3/pro/image-to-video" },
  ),
  {
    withAllReferences: {
      params: ["start_frame", "end_frame"],
      model: "fal-ai/kling-video/o3/pro/image-to-video",
      references: { start_frame: { to: "image_url", as: "single" }, end_frame: { to: "end_image_url", as: "single" } },
    },
    endpointBy: { param: "mode", models: klingTierIds("o3", "text-to-video"), withReference: klingTierIds("o3", "image-to-video") },
    doc: "https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-o3-pro-text-to-video",
  },
);

/** Hailuo 2.3's endpoints by our resolution: Standard is 768p, Pro 1080p. */
const hailuoIds = (family: string, kind: string): Record<string, string> => ({
  "768p": `fal-ai/minimax/${family}/standard/${kind}`,
  "1080p": `fal-ai/minimax/${family}/pro/${kind}`,
});

/** Rodin's polygon budgets: Quad 4K/8K/18K/50K, Triangle 2K/20K/150K/500K, from extra_low to high. */
const RODIN_MESH_OPTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Quad: { extra_low: "4K Quad", low: "8K Quad", medium: "18K Quad", high: "50K Quad" },
  Triangle: { extra_low: "2K Triangle", low: "20K Triangle", medium: "150K Triangle", high: "500K Triangle" },
};

/** Recraft V4's sizes, as Recraft's API lists them (https://www.recraft.ai/docs/api-reference/appendix); Replicate's `size` takes one of them. */
const RECRAFT_V4_SIZES = ["1024x1024", "1536x768", "768x1536", "1280x832", "832x1280", "1216x896", "896x1216", "1152x896", "896x1152", "832x1344", "1280x896", "896x1280", "1344x768", "768x1344"];

/** Recraft V4 Pro's sizes, from the same appendix (the catalog's recraft-v4-pro resolutions are exactly these). */
const RECRAFT_V4_PRO_SIZES = ["2048x2048", "3072x1536", "1536x3072", "2560x1664", "1664x2560", "2432x1792", "1792x2432", "2304x1792", "1792x2304", "1664x2688", "2560x1792", "1792x2560", "2688x1536", "1536x2688"];

/** The aspect ratios Gemini's image models take (Nano Banana on Replicate passes them through). */
const GEMINI_IMAGE_RATIOS = ["21:9", "16:9", "4:3", "3:2", "5:4", "1:1", "4:5", "2:3", "3:4", "9:16"];

/**
 * Not routed (simulation only), and why:
 * - `auto-image`, `auto-video`: the gateway's own meta-models. The spec prices them flat and names
 *   no model behind them, and neither the catalog nor the engine resolves them to a concrete model,
 *   so there is no vendor model to translate to; routing one would be choosing a model the spec
 *   does not name.
 * - `kino-xl`, `lucid-origin`, `lucid-realism`, `cortex_1.0`, `cortex_2.0`, `cortex_2.0-fast`,
 *   `cortex-v0.9`, `cortex-v1.0`: Leonardo.ai's own models (Kino XL, Lucid, Phoenix, Motion); no
 *   documented API for them at fal, Replicate or OpenAI.
 * - `ltxv-2.0-ultra`: fal's LTX-2 comes as fast and pro only; no "ultra" endpoint is documented.
 * - `kling-2.1-pro`: fal (fal-ai/kling-video/v2.1/pro/image-to-video) and Replicate serve Kling 2.1
 *   Pro as image-to-video only, while our kling-2.1-pro takes no start frame.
 * - `kling-video-o-1`: fal runs Kling O1 only from a start frame, references or a video
 *   (image-to-video, reference-to-video, video edit), not from a prompt alone as ours does.
 * - `happy-horse`: fal documents Happy Horse 1.1 (alibaba/happy-horse/v1.1/…); the version ours
 *   is, and its input schema at a vendor, are not documented where we could confirm them.
 */
export const VENDOR_ROUTES: Readonly<Record<string, readonly VendorRoute[]>> = {
  "flux-dev": [
    fal("fal-ai/flux/dev", falFlux({ copy: { guidance_scale: "guidance_scale", num_inference_steps: "num_inference_steps" } })),
    replicate("black-forest-labs/flux-dev", {
      size: { kind: "aspect-ratio", to: "aspect_ratio", ratios: FAL_RATIOS_IMAGE },
      quantity: { to: "num_outputs", max: 4 },
      copy: { seed: "seed", guidance_scale: "guidance", num_inference_steps: "num_inference_steps" },
      fixed: { output_format: "png" },
    }),
  ],
  "flux-kontext-max": [
    fal("fal-ai/flux-pro/kontext/max/text-to-image", Object.assign({}, falFlux(), { size: { kind: "aspect-ratio", to: "aspect_ratio", ratios: FAL_RATIOS_IMAGE } })),
    replicate("black-forest-labs/flux-kontext-max", { size: { kind: "aspect-ratio", to: "aspect_ratio", ratios: FAL_RATIOS_IMAGE }, copy: { seed: "seed" }, fixed: { output_format: "png" } }),
  ],
  "flux-kontext-pro": [
    fal("fal-ai/flux-pro/kontext/text-to-image", Object.assign({}, falFlux(), { size: { kind: "aspect-ratio", to: "aspect_ratio", ratios: FAL_RATIOS_IMAGE } })),
    replicate("black-forest-labs/flux-kontext-pro", { size: { kind: "aspect-ratio", to: "aspect_ratio", ratios: FAL_RATIOS_IMAGE }, copy: { seed: "seed" }, fixed: { output_format: "png" } }),
  ],
  "flux-pro-2.0": [fal("fal-ai/flux-2-pro", { size: FAL_IMAGE_SIZE, copy: { seed: "seed" }, fixed: { output_format: "png" } })],
  "flux-schnell": [
    fal("fal-ai/flux/schnell", falFlux()),
    replicate("black-forest-labs/flux-schnell", {
      size: { kind: "aspect-ratio", to: "aspect_ratio", ratios: FAL_RATIOS_IMAGE },
      quantity: { to: "num_outputs", max: 4 },
      copy: { seed: "seed" },
      fixed: { output_format: "png" },
    }),
  ],
  "gemini-2.5-flash-image": [
    fal("fal-ai/gemini-25-flash-image", { size: { kind: "aspect-ratio", to: "aspect_ratio", ratios: FAL_RATIOS_IMAGE }, quantity: { to: "num_images", max: 4 }, fixed: { output_format: "png" } }),
    replicate("google/nano-banana", { size: { kind: "aspect-ratio", to: "aspect_ratio", ratios: FAL_RATIOS_IMAGE }, fixed: { output_format: "png" } }),
  ],
  // Leonardo's `gemini-image-2` is Nano Banana Pro (Gemini 3 Pro Image: https://docs.leonardo.ai/docs/nano-banana-pro),
  // whose sizes are the catalog's: 1K, 2K and 4K tiers at ten aspect ratios. Replicate's
  // google/nano-banana-pro takes them as `resolution` and `aspect_ratio`, references as
  // `image_input` (up to 14), and makes one image a request. Its page names the fields without
  // their values; 1K/2K/4K, these ten ratios (and match_input_image) and png/jpg are the values its
  // schema lists (as mirrored at https://api.core.today/v1/models/google/nano-banana-pro/llms.txt).
  "gemini-image-2": [
    replicate(
      "google/nano-banana-pro",
      {
        size: { kind: "aspect-ratio", to: "aspect_ratio", ratios: GEMINI_IMAGE_RATIOS },
        resolution: { to: "resolution", byPixels: { 2_000_000: "1K", 8_000_000: "2K", 18_000_000: "4K" } },
        // Without a size, the tier the request is priced at (the vendor's default is 2K).
        fixed: { resolution: "1K" },
        enums: { output_format: { to: "output_format", values: { jpeg: "jpg", png: "png" } } },
        references: { image_urls: { to: "image_input", as: "list" } },
      },
      "https://replicate.com/google/nano-banana-pro/versions/f5318740f60d79bf0c480216aaf9ca7614977553170eacd19ff8cbcda2409ac8/api",
    ),
  ],
  "gpt-image-1": [gptImage("gpt-image-1", GPT_IMAGE_SIZES)],
  "gpt-image-1.5": [gptImage("gpt-image-1.5", GPT_IMAGE_SIZES)],
  "gpt-image-2": [gptImage("gpt-image-2")],
  "ideogram-v3.0": [
    fal("fal-ai/ideogram/v3", {
      size: FAL_IMAGE_SIZE,
      quantity: { to: "num_images", max: 4 },
      copy: { seed: "seed", prompt_enhance: "expand_prompt", negative_prompt: "negative_prompt" },
      // Our style is free text; fal's `style` takes these four (https://fal.ai/docs/model-api-reference/image-generation-api/ideogram-v3).
      enums: {
        mode: { to: "rendering_speed", values: { TURBO: "TURBO", BALANCED: "BALANCED", QUALITY: "QUALITY" } },
        style: { to: "style", values: Object.fromEntries(["AUTO", "GENERAL", "REALISTIC", "DESIGN"].flatMap((v) => [[v, v], [v.toLowerCase(), v], [v[0] + v.slice(1).toLowerCase(), v]])) },
      },
      references: { image_urls: { to: "image_urls", as: "list" } },
    }),
  ],
  "nano-banana-2": [
    // `resolution` 1K/2K/4K (https://replicate.com/google/nano-banana-2/api/schema): the catalog's
    // sizes come in three tiers of about 1, 4 and 16 megapixels at every aspect ratio. A request
    // without a size is priced at the first tier, so it is sent as 1K, not left to the vendor's default.
    replicate("google/nano-banana-2", {
      size: { kind: "aspect-ratio", to: "aspect_ratio", ratios: GEMINI_IMAGE_RATIOS },
      resolution: { to: "resolution", byPixels: { 2_000_000: "1K", 8_000_000: "2K", 18_000_000: "4K" } },
      fixed: { resolution: "1K" },
      enums: { output_format: { to: "output_format", values: { jpeg: "jpg", png: "png" } } },
      references: { image_urls: { to: "image_input", as: "list" } },
    }),
  ],
  "recraft-v4": [replicate("recraft-ai/recraft-v4", { size: { kind: "size-string", to: "size", sizes: RECRAFT_V4_SIZES } })],
  // `size` (default 2048x2048; ignored when `aspect_ratio` is set, so that is never sent); one image a request.
  "recraft-v4-pro": [
    replicate(
      "recraft-ai/recraft-v4-pro",
      { size: { kind: "size-string", to: "size", sizes: RECRAFT_V4_PRO_SIZES } },
      "https://replicate.com/recraft-ai/recraft-v4-pro/versions/da14602f43a83d1a85654e8cbce5afc0d4cca59b41c0c13f73be8ca84d54d6b6/api",
    ),
  ],
  "seedream-4.0": [
    fal("fal-ai/bytedance/seedream/v4/text-to-image", { size: FAL_IMAGE_SIZE, quantity: { to: "num_images", max: 6 }, copy: { seed: "seed" } }),
    // Custom sizes take sides of 1024 to 4096; `auto` lets the model choose how many images (up to
    // max_images), so one image a request, as charged (https://replicate.com/bytedance/seedream-4/api/schema).
    replicate("bytedance/seedream-4", { size: { kind: "pixels", width: "width", height: "height", min: 1024, max: 4096 }, fixed: { size: "custom", sequential_image_generation: "disabled" } }),
  ],
  "seedream-4.5": [fal("fal-ai/bytedance/seedream/v4.5/text-to-image", { size: FAL_IMAGE_SIZE, quantity: { to: "num_images", max: 6 }, copy: { seed: "seed" } })],
  // Standard is 768p, Pro 1080p (6 s only, as the catalog's own rule has it): each its own endpoint
  // (https://fal.ai/models/fal-ai/minimax/hailuo-2.3/pro/text-to-video/api); Fast is image-to-video only (the catalog requires its start frame).
  "hailuo-2_3": [
    Object.assign(
      fal(
        "fal-ai/minimax/hailuo-2.3/standard/text-to-video",
        { duration: { to: "duration", as: "string" }, copy: { prompt_optimizer: "prompt_optimizer" }, references: { start_frame: { to: "image_url", as: "single" } } },
        { param: "start_frame", model: "fal-ai/minimax/hailuo-2.3/standard/image-to-video" },
      ),
      { endpointBy: { param: "resolution", models: hailuoIds("hailuo-2.3", "text-to-video"), withReference: hailuoIds("hailuo-2.3", "image-to-video") } },
    ),
  ],
  "hailuo-2_3-fast": [
    Object.assign(
      fal("fal-ai/minimax/hailuo-2.3-fast/standard/image-to-video", {
        duration: { to: "duration", as: "string" },
        copy: { prompt_optimizer: "prompt_optimizer" },
        references: { start_frame: { to: "image_url", as: "single" } },
      }),
      { endpointBy: { param: "resolution", models: hailuoIds("hailuo-2.3-fast", "image-to-video"), withReference: hailuoIds("hailuo-2.3-fast", "image-to-video") } },
    ),
  ],
  "kling-2.5": [
    fal("fal-ai/kling-video/v2.5-turbo/pro/text-to-video", { size: { kind: "aspect-ratio", to: "aspect_ratio", ratios: VIDEO_RATIOS }, duration: { to: "duration", as: "string" } }),
  ],
  "kling-2.5-turbo-standard": [
    fal("fal-ai/kling-video/v2.5-turbo/standard/image-to-video", {
      duration: { to: "duration", as: "string" },
      copy: { cfg_scale: "cfg_scale", negative_prompt: "negative_prompt" },
      references: { start_frame: { to: "image_url", as: "single" } },
    }),
  ],
  // Image-to-video takes its frame as `start_image_url` (https://fal.ai/models/fal-ai/kling-video/v2.6/pro/image-to-video/api).
  "kling-2.6": [
    fal(
      "fal-ai/kling-video/v2.6/pro/text-to-video",
      {
        size: { kind: "aspect-ratio", to: "aspect_ratio", ratios: VIDEO_RATIOS },
        duration: { to: "duration", as: "string" },
        copy: { motion_has_audio: "generate_audio" },
        references: { start_frame: { to: "start_image_url", as: "single" } },
      },
      { param: "start_frame", model: "fal-ai/kling-video/v2.6/pro/image-to-video" },
    ),
  ],
  "kling-3.0": [kling3Fal],
  "kling-video-o-3": [klingO3Fal],
  "ltxv-2.0-fast": [ltxvFal("fal-ai/ltxv-2/text-to-video/fast", "fal-ai/ltxv-2/image-to-video/fast")],
  "ltxv-2.0-pro": [ltxvFal("fal-ai/ltxv-2/text-to-video", "fal-ai/ltxv-2/image-to-video")],
  "ltxv-2.3-fast": [ltxv23Fal("fal-ai/ltx-2.3/text-to-video/fast", "fal-ai/ltx-2.3/image-to-video/fast")],
  "ltxv-2.3-pro": [ltxv23Fal("fal-ai/ltx-2.3/text-to-video", "fal-ai/ltx-2.3/image-to-video")],
  "seedance-1.0-pro": [seedanceFal("fal-ai/bytedance/seedance/v1/pro"), seedanceReplicate("bytedance/seedance-1-pro")],
  "seedance-1.0-pro-fast": [seedanceFal("fal-ai/bytedance/seedance/v1/pro/fast"), seedanceReplicate("bytedance/seedance-1-pro-fast")],
  "seedance-2.0": [seedance2Replicate("bytedance/seedance-2.0", { 480: "480p", 720: "720p", 1080: "1080p" }, ["21:9", "16:9", "4:3", "1:1", "3:4", "9:16", "9:21"])],
  // The fast tier has the fields of seedance-2.0 on Replicate (the page cited) but makes 480p and
  // 720p only (fal's same model: https://fal.ai/models/bytedance/seedance-2.0/fast/text-to-video/llms.txt,
  // `resolution` 480p/720p; Replicate's page prints no values), so our RESOLUTION_1080 is refused
  // before its charge; its ratios are those fal lists and our tiers' sizes have.
  "seedance-2.0-fast": [
    seedance2Replicate(
      "bytedance/seedance-2.0-fast",
      { 480: "480p", 720: "720p" },
      ["21:9", "16:9", "4:3", "1:1", "3:4", "9:16"],
      "https://replicate.com/bytedance/seedance-2.0-fast/versions/90388a62748fab7edda739f1df78e8cbc66cc9275cfe232888ce53dea3d5e7b5/api",
    ),
  ],
  "sora-2": [
    fal(
      "fal-ai/sora-2/text-to-video",
      { size: { kind: "aspect-ratio", to: "aspect_ratio", ratios: VIDEO_RATIOS_WIDE }, duration: { to: "duration", as: "number" }, references: { start_frame: { to: "image_url", as: "single" } }, fixed: { resolution: "720p" } },
      { param: "start_frame", model: "fal-ai/sora-2/image-to-video" },
    ),
    replicate("openai/sora-2", {
      size: { kind: "aspect-ratio", to: "aspect_ratio", ratios: VIDEO_RATIOS_WIDE, names: { "16:9": "landscape", "9:16": "portrait" } },
      duration: { to: "seconds", as: "number" },
      references: { start_frame: { to: "input_reference", as: "single" } },
    }),
  ],
  "sora-2-pro": [
    fal(
      "fal-ai/sora-2/text-to-video/pro",
      {
        size: { kind: "aspect-ratio", to: "aspect_ratio", ratios: VIDEO_RATIOS_WIDE },
        duration: { to: "duration", as: "number" },
        enums: { mode: { to: "resolution", values: { RESOLUTION_720: "720p", RESOLUTION_1080: "1080p" } } },
        references: { start_frame: { to: "image_url", as: "single" } },
      },
      { param: "start_frame", model: "fal-ai/sora-2/image-to-video/pro" },
    ),
  ],
  "veo-3.0-fast-generate-001": [veoFal("fal-ai/veo3/fast", false), veoReplicate("google/veo-3-fast")],
  "veo-3.0-generate-001": [veoFal("fal-ai/veo3", false), veoReplicate("google/veo-3")],
  "veo-3.1-fast-generate-001": [veoFal("fal-ai/veo3.1/fast", true), veoReplicate("google/veo-3.1-fast")],
  "veo-3.1-generate-001": [veoFal("fal-ai/veo3.1", true), veoReplicate("google/veo-3.1")],
  "veo-3.1-lite": [
    fal(
      "fal-ai/veo3.1/lite",
      {
        size: { kind: "aspect-ratio", to: "aspect_ratio", ratios: VIDEO_RATIOS_WIDE },
        enums: { mode: VEO_LITE_RESOLUTION },
        duration: { to: "duration", as: "seconds" },
        copy: { negative_prompt: "negative_prompt", motion_has_audio: "generate_audio" },
        references: { start_frame: { to: "image_url", as: "single" } },
      },
      { param: "start_frame", model: "fal-ai/veo3.1/lite/image-to-video" },
    ),
    replicate("google/veo-3.1-lite", {
      size: { kind: "aspect-ratio", to: "aspect_ratio", ratios: VIDEO_RATIOS_WIDE },
      enums: { mode: VEO_LITE_RESOLUTION },
      duration: { to: "duration", as: "number" },
      copy: { seed: "seed" },
      references: { start_frame: { to: "image", as: "single" }, end_frame: { to: "last_frame", as: "single" } },
    }),
  ],
  // Rodin Gen-2 (fal-ai/hyper3d/rodin/v2: material PBR/Shaded/All, use_original_alpha); its one
  // `quality_mesh_option` is our quality × mesh_mode, at Hyper3D's face counts for each.
  "rodin-v2": [
    fal("fal-ai/hyper3d/rodin/v2", {
      copy: { seed: "seed", material: "material", ta_pose: "TAPose", bounding_box: "bbox_condition", use_original_alpha: "use_original_alpha" },
      fixedWhen: Object.entries(RODIN_MESH_OPTIONS).flatMap(([mesh_mode, byQuality]) =>
        Object.entries(byQuality).map(([quality, option]) => ({ when: { quality, mesh_mode }, set: { quality_mesh_option: option } })),
      ),
      fixed: { geometry_file_format: "glb" },
    }),
  ],
};

/** The routes of a model (none: simulation only). */
export const routesOf = (model: string): readonly VendorRoute[] => VENDOR_ROUTES[model] ?? [];
