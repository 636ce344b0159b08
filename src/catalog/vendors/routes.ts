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
const replicate = (model: string, params: ParamTranslation): VendorRoute => ({ vendor: "replicate", model, doc: `https://replicate.com/${model}/api/schema`, params });
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

/** The OpenAI GPT Image models: size (three shapes), quality, n, output format, transparency. */
const gptImage = (model: string, sizes?: readonly string[]): VendorRoute =>
  openai(model, {
    size: sizes ? { kind: "size-string", to: "size", sizes } : { kind: "size-string", to: "size" },
    quantity: { to: "n", max: 10 },
    copy: { quality: "quality", output_format: "output_format" },
    enums: { transparency: { to: "background", values: { true: "transparent", false: "auto" } } },
  });
const GPT_IMAGE_SIZES = ["1024x1024", "1536x1024", "1024x1536"];

const veoFal = (model: string): VendorRoute =>
  fal(
    model,
    {
      size: { kind: "aspect-ratio", to: "aspect_ratio", ratios: VIDEO_RATIOS_WIDE },
      resolution: { to: "resolution", byShortSide: { 720: "720p", 1080: "1080p", 2160: "4k" } },
      duration: { to: "duration", as: "seconds" },
      copy: { seed: "seed", negative_prompt: "negative_prompt" },
      references: { start_frame: { to: "image_url", as: "single" }, end_frame: { to: "last_frame_url", as: "single" } },
      fixed: { generate_audio: true },
    },
    { param: "start_frame", model: `${model}/image-to-video` },
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

const ltxvFal = (t2v: string, i2v: string): VendorRoute =>
  fal(
    t2v,
    {
      copy: { fps: "fps", resolution: "resolution", aspect_ratio: "aspect_ratio", enable_prompt_expansion: "enable_prompt_expansion" },
      duration: { to: "duration", as: "number" },
      references: { start_frame: { to: "image_url", as: "single" } },
      fixed: { generate_audio: true },
    },
    { param: "start_frame", model: i2v },
  );

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
  "gpt-image-1": [gptImage("gpt-image-1", GPT_IMAGE_SIZES)],
  "gpt-image-1.5": [gptImage("gpt-image-1.5", GPT_IMAGE_SIZES)],
  "gpt-image-2": [gptImage("gpt-image-2")],
  "ideogram-v3.0": [
    fal("fal-ai/ideogram/v3", {
      size: FAL_IMAGE_SIZE,
      quantity: { to: "num_images", max: 4 },
      copy: { seed: "seed", style: "style", prompt_enhance: "expand_prompt", negative_prompt: "negative_prompt" },
      enums: { mode: { to: "rendering_speed", values: { TURBO: "TURBO", BALANCED: "BALANCED", QUALITY: "QUALITY" } } },
      references: { image_urls: { to: "image_urls", as: "list" } },
    }),
  ],
  "seedream-4.0": [
    fal("fal-ai/bytedance/seedream/v4/text-to-image", { size: FAL_IMAGE_SIZE, quantity: { to: "num_images", max: 6 }, copy: { seed: "seed" } }),
    replicate("bytedance/seedream-4", { size: { kind: "pixels", width: "width", height: "height" }, quantity: { to: "max_images", max: 15 }, fixed: { size: "custom", sequential_image_generation: "auto" } }),
  ],
  "seedream-4.5": [fal("fal-ai/bytedance/seedream/v4.5/text-to-image", { size: FAL_IMAGE_SIZE, quantity: { to: "num_images", max: 6 }, copy: { seed: "seed" } })],
  "hailuo-2_3": [
    fal(
      "fal-ai/minimax/hailuo-2.3/standard/text-to-video",
      { duration: { to: "duration", as: "string" }, copy: { prompt_optimizer: "prompt_optimizer" }, references: { start_frame: { to: "image_url", as: "single" } } },
      { param: "start_frame", model: "fal-ai/minimax/hailuo-2.3/standard/image-to-video" },
    ),
  ],
  "hailuo-2_3-fast": [
    fal("fal-ai/minimax/hailuo-2.3-fast/standard/image-to-video", { duration: { to: "duration", as: "string" }, copy: { prompt_optimizer: "prompt_optimizer" }, references: { start_frame: { to: "image_url", as: "single" } } }),
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
  "kling-2.6": [
    fal(
      "fal-ai/kling-video/v2.6/pro/text-to-video",
      { size: { kind: "aspect-ratio", to: "aspect_ratio", ratios: VIDEO_RATIOS }, duration: { to: "duration", as: "string" }, references: { start_frame: { to: "image_url", as: "single" } }, fixed: { generate_audio: true } },
      { param: "start_frame", model: "fal-ai/kling-video/v2.6/pro/image-to-video" },
    ),
  ],
  "ltxv-2.0-fast": [ltxvFal("fal-ai/ltxv-2/text-to-video/fast", "fal-ai/ltxv-2/image-to-video/fast")],
  "ltxv-2.0-pro": [ltxvFal("fal-ai/ltxv-2/text-to-video", "fal-ai/ltxv-2/image-to-video")],
  "seedance-1.0-pro": [seedanceFal("fal-ai/bytedance/seedance/v1/pro"), seedanceReplicate("bytedance/seedance-1-pro")],
  "seedance-1.0-pro-fast": [seedanceFal("fal-ai/bytedance/seedance/v1/pro/fast"), seedanceReplicate("bytedance/seedance-1-pro-fast")],
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
  "veo-3.0-fast-generate-001": [veoFal("fal-ai/veo3/fast"), veoReplicate("google/veo-3-fast")],
  "veo-3.0-generate-001": [veoFal("fal-ai/veo3"), veoReplicate("google/veo-3")],
  "veo-3.1-fast-generate-001": [veoFal("fal-ai/veo3.1/fast"), veoReplicate("google/veo-3.1-fast")],
  "veo-3.1-generate-001": [veoFal("fal-ai/veo3.1"), veoReplicate("google/veo-3.1")],
  "rodin-v2": [
    fal("fal-ai/hyper3d/rodin", {
      copy: { seed: "seed", material: "material", ta_pose: "TAPose", bounding_box: "bbox_condition" },
      enums: {
        quality: { to: "quality", values: { extra_low: "extra-low", low: "low", medium: "medium", high: "high" } },
        mesh_mode: { to: "mesh_mode", values: { Quad: "Quad", Triangle: "Raw" } },
      },
      fixed: { geometry_file_format: "glb" },
    }),
  ],
};

/** The routes of a model (none: simulation only). */
export const routesOf = (model: string): readonly VendorRoute[] => VENDOR_ROUTES[model] ?? [];
