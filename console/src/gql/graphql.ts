/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Why the gateway changed a parameter from what was sent. */
export type AdjustmentReason =
  /** Lowered so that the request fits today's remaining budget. */
  | 'BUDGET_DOWNGRADE'
  /** A value sent in another letter case, replaced by its canonical spelling. */
  | 'CANONICAL_SPELLING'
  /** A value outside an allowed list (a duration, an fps) moved to the nearest allowed one. */
  | 'NEAREST_ALLOWED_VALUE'
  /** A rule between parameters the spec states (e.g. "1080P supports only 6 seconds"). */
  | 'PARAM_RULE'
  /** A width or height moved to the nearest valid size or step. */
  | 'SNAPPED_TO_VALID_SIZE';

/** When a stream's requests arrive; the fields that apply depend on `kind`. */
export type ArrivalInput = {
  /** BURST: hours from the start. */
  atHour?: number | null | undefined;
  /** LIST: at most 10000 instants (a GraphQL variable list holds at most 200; POST /api/simulate takes more). */
  atSeconds?: Array<number> | null | undefined;
  /** BURST: how many requests. */
  count?: number | null | undefined;
  /** Fixed rate, Poisson rate, a burst, or a list of instants. */
  kind: ArrivalKind;
  /** BURST (default 0). */
  overSeconds?: number | null | undefined;
  /** FIXED, POISSON: requests an hour. */
  perHour?: number | null | undefined;
};

/** How a stream's requests arrive. */
export type ArrivalKind =
  /** `count` requests at `atHour`, spread over `overSeconds` (0: at once). */
  | 'BURST'
  /** Evenly spaced, `perHour` an hour. */
  | 'FIXED'
  /** One request at each of `atSeconds` (seconds from the start). */
  | 'LIST'
  /** A Poisson process of `perHour` an hour on average. */
  | 'POISSON';

/** Typed parameters of Auto Image (auto-image). ~$0.02 per generation. */
export type AutoImageParams = {
  /** The spec's `height` parameter of Auto Image. Default: 1024. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `prompt` parameter of Auto Image. */
  prompt: string;
  /** The spec's `quantity` parameter of Auto Image. Default: 1. */
  quantity?: number | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Auto Image. Default: 1024. */
  width?: number | null | undefined;
};

/** Typed parameters of Auto Video (auto-video). ~$0.13 per generation. */
export type AutoVideoParams = {
  /** The spec's `duration` parameter of Auto Video. One of 6, 8; other values snap to the nearest. Default: 8. */
  duration?: number | null | undefined;
  /** The spec's `height` parameter of Auto Video. Default: 720. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `prompt` parameter of Auto Video. */
  prompt: string;
  /** The spec's `quantity` parameter of Auto Video. Default: 1. */
  quantity?: number | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Auto Video. Default: 1280. */
  width?: number | null | undefined;
};

/** Typed parameters of Cortex 1.0 (cortex_1.0). ~$0.01 per generation. */
export type Cortex10Params = {
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `motion_strength` parameter of Cortex 1.0. */
  motionStrength?: unknown;
  /** The spec's `quantity` parameter of Cortex 1.0. Default: 1. */
  quantity?: number | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
};

/** The values of Cortex 2.0 Fast's `mode` parameter (REST sends the value each names). */
export type Cortex20FastMode =
  /** `mode`: "RESOLUTION_480". */
  | 'RESOLUTION_480'
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720';

/** Typed parameters of Cortex 2.0 Fast (cortex_2.0-fast). ~$0.03 per generation. */
export type Cortex20FastParams = {
  /** The spec's `controls` parameter of Cortex 2.0 Fast. */
  controls?: unknown;
  /** The spec's `elements` parameter of Cortex 2.0 Fast. */
  elements?: unknown;
  /** The spec's `frame_interpolation` parameter of Cortex 2.0 Fast. */
  frameInterpolation?: unknown;
  /** The spec's `height` parameter of Cortex 2.0 Fast. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `mode` parameter of Cortex 2.0 Fast. Default: "RESOLUTION_480". */
  mode?: Cortex20FastMode | null | undefined;
  /** The spec's `negative_prompt` parameter of Cortex 2.0 Fast. */
  negativePrompt?: string | null | undefined;
  /** The spec's `prompt` parameter of Cortex 2.0 Fast. */
  prompt: string;
  /** The spec's `prompt_enhance` parameter of Cortex 2.0 Fast. */
  promptEnhance?: boolean | null | undefined;
  /** The spec's `quantity` parameter of Cortex 2.0 Fast. Default: 1. */
  quantity?: number | null | undefined;
  /** The spec's `seed` parameter of Cortex 2.0 Fast. */
  seed?: number | null | undefined;
  /** The spec's `start_frame` parameter of Cortex 2.0 Fast. */
  startFrame?: string | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Cortex 2.0 Fast. */
  width?: number | null | undefined;
};

/** The values of Cortex 2.0's `mode` parameter (REST sends the value each names). */
export type Cortex20Mode =
  /** `mode`: "RESOLUTION_480". */
  | 'RESOLUTION_480'
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720';

/** Typed parameters of Cortex 2.0 (cortex_2.0). ~$0.08 per generation. */
export type Cortex20Params = {
  /** The spec's `controls` parameter of Cortex 2.0. */
  controls?: unknown;
  /** The spec's `elements` parameter of Cortex 2.0. */
  elements?: unknown;
  /** The spec's `frame_interpolation` parameter of Cortex 2.0. */
  frameInterpolation?: unknown;
  /** The spec's `height` parameter of Cortex 2.0. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `mode` parameter of Cortex 2.0. Default: "RESOLUTION_480". */
  mode?: Cortex20Mode | null | undefined;
  /** The spec's `negative_prompt` parameter of Cortex 2.0. */
  negativePrompt?: string | null | undefined;
  /** The spec's `prompt` parameter of Cortex 2.0. */
  prompt: string;
  /** The spec's `prompt_enhance` parameter of Cortex 2.0. */
  promptEnhance?: boolean | null | undefined;
  /** The spec's `quantity` parameter of Cortex 2.0. Default: 1. */
  quantity?: number | null | undefined;
  /** The spec's `seed` parameter of Cortex 2.0. */
  seed?: number | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Cortex 2.0. */
  width?: number | null | undefined;
};

/** The values of Cortex v0.9's `mode` parameter (REST sends the value each names). */
export type CortexV09Mode =
  /** `mode`: "FAST". */
  | 'FAST'
  /** `mode`: "QUALITY". */
  | 'QUALITY'
  /** `mode`: "ULTRA". */
  | 'ULTRA';

/** Typed parameters of Cortex v0.9 (cortex-v0.9). ~$0.00 per 1024×1024 image (min $0.00). */
export type CortexV09Params = {
  /** The spec's `contrast` parameter of Cortex v0.9. */
  contrast?: unknown;
  /** The spec's `height` parameter of Cortex v0.9. Default: 1024. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `mode` parameter of Cortex v0.9. Default: "FAST". */
  mode?: CortexV09Mode | null | undefined;
  /** The spec's `negative_prompt` parameter of Cortex v0.9. */
  negativePrompt?: string | null | undefined;
  /** The spec's `prompt` parameter of Cortex v0.9. */
  prompt: string;
  /** The spec's `prompt_enhance` parameter of Cortex v0.9. */
  promptEnhance?: boolean | null | undefined;
  /** The spec's `quantity` parameter of Cortex v0.9. Default: 4. */
  quantity?: number | null | undefined;
  /** The spec's `seed` parameter of Cortex v0.9. */
  seed?: number | null | undefined;
  /** The spec's `tiling` parameter of Cortex v0.9. */
  tiling?: unknown;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Cortex v0.9. Default: 1024. */
  width?: number | null | undefined;
};

/** The values of Cortex v1.0's `mode` parameter (REST sends the value each names). */
export type CortexV10Mode =
  /** `mode`: "FAST". */
  | 'FAST'
  /** `mode`: "QUALITY". */
  | 'QUALITY'
  /** `mode`: "ULTRA". */
  | 'ULTRA';

/** Typed parameters of Cortex v1.0 (cortex-v1.0). ~$0.00 per 1024×1024 image (min $0.00). */
export type CortexV10Params = {
  /** The spec's `contrast` parameter of Cortex v1.0. */
  contrast?: unknown;
  /** The spec's `height` parameter of Cortex v1.0. Default: 1024. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `mode` parameter of Cortex v1.0. Default: "FAST". */
  mode?: CortexV10Mode | null | undefined;
  /** The spec's `negative_prompt` parameter of Cortex v1.0. */
  negativePrompt?: string | null | undefined;
  /** The spec's `prompt` parameter of Cortex v1.0. */
  prompt: string;
  /** The spec's `prompt_enhance` parameter of Cortex v1.0. */
  promptEnhance?: boolean | null | undefined;
  /** The spec's `quantity` parameter of Cortex v1.0. Default: 4. */
  quantity?: number | null | undefined;
  /** The spec's `seed` parameter of Cortex v1.0. */
  seed?: number | null | undefined;
  /** The spec's `tiling` parameter of Cortex v1.0. */
  tiling?: unknown;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Cortex v1.0. Default: 1024. */
  width?: number | null | undefined;
};

/** Stable codes, the same as the REST API's `code`. */
export type ErrorCode =
  /** The operation needs the admin token (REST 403). */
  | 'FORBIDDEN'
  /** The first request with this idempotency key is still being accepted (REST 409). */
  | 'IDEMPOTENCY_IN_PROGRESS'
  /** The idempotency key was used with another request (REST 422). */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** Not even the cheapest downgrade fits today's remaining budget (REST 402). */
  | 'INSUFFICIENT_BUDGET'
  /** Parameters the model cannot take (REST 400). */
  | 'INVALID_PARAMS'
  /** No API key has that id (admin operations). */
  | 'KEY_NOT_FOUND'
  /** No model has that id (REST 404). */
  | 'MODEL_NOT_FOUND'
  /** The model exists but nothing this gateway is configured with runs it (no vendor routes it, simulation of such models is off); nothing is charged (REST 422). */
  | 'MODEL_UNAVAILABLE'
  /** The prompt is over 1,500 characters (REST 400). */
  | 'PROMPT_TOO_LONG'
  /** More outputs than 8 or than the model allows (REST 400). */
  | 'QUANTITY_TOO_HIGH'
  /** A per-key generation limit, or the failed-authentication throttle (REST 429). */
  | 'RATE_LIMITED'
  /** No task with that id belongs to this key (REST 404). */
  | 'TASK_NOT_FOUND'
  /** No valid API key was presented (REST 401). */
  | 'UNAUTHORIZED'
  /** An upload over the size limit or of a media type not taken (REST 413 or 415). */
  | 'UPLOAD_REJECTED';

/** The values of Flux Dev's `mode` parameter (REST sends the value each names). */
export type FluxDevMode =
  /** `mode`: "FAST". */
  | 'FAST'
  /** `mode`: "ULTRA". */
  | 'ULTRA';

/** Typed parameters of Flux Dev (flux-dev). ~$0.00 per 1024×1024 image. */
export type FluxDevParams = {
  /** How closely the model follows the prompt Default: 3.5. */
  guidanceScale?: number | null | undefined;
  /** The spec's `height` parameter of Flux Dev. Default: 1024. */
  height?: number | null | undefined;
  /** Image guidance configurations for StyleTransfer and LoraDepthMidas */
  imageGuidances?: Array<unknown> | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** LoRA models to apply during generation */
  loras?: Array<unknown> | null | undefined;
  /** The spec's `mode` parameter of Flux Dev. Default: "FAST". */
  mode?: FluxDevMode | null | undefined;
  /** Number of denoising steps Default: 28. */
  numInferenceSteps?: number | null | undefined;
  /** The prompt to use for the generation */
  prompt: string;
  /** The spec's `quantity` parameter of Flux Dev. Default: 1. */
  quantity?: number | null | undefined;
  /** The spec's `seed` parameter of Flux Dev. */
  seed?: number | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Flux Dev. Default: 1024. */
  width?: number | null | undefined;
};

/** Typed parameters of Flux Kontext Max (flux-kontext-max). ~$0.04 per generation. */
export type FluxKontextMaxParams = {
  /** The spec's `height` parameter of Flux Kontext Max. Default: 1024. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `prompt` parameter of Flux Kontext Max. */
  prompt: string;
  /** The spec's `prompt_enhance` parameter of Flux Kontext Max. */
  promptEnhance?: boolean | null | undefined;
  /** The spec's `quantity` parameter of Flux Kontext Max. Default: 4. */
  quantity?: number | null | undefined;
  /** The spec's `seed` parameter of Flux Kontext Max. */
  seed?: number | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Flux Kontext Max. Default: 1024. */
  width?: number | null | undefined;
};

/** Typed parameters of Flux Kontext Pro (flux-kontext-pro). ~$0.02 per generation. */
export type FluxKontextProParams = {
  /** The spec's `height` parameter of Flux Kontext Pro. Default: 1024. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `prompt` parameter of Flux Kontext Pro. */
  prompt: string;
  /** The spec's `prompt_enhance` parameter of Flux Kontext Pro. */
  promptEnhance?: boolean | null | undefined;
  /** The spec's `quantity` parameter of Flux Kontext Pro. Default: 4. */
  quantity?: number | null | undefined;
  /** The spec's `seed` parameter of Flux Kontext Pro. */
  seed?: number | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Flux Kontext Pro. Default: 1024. */
  width?: number | null | undefined;
};

/** Typed parameters of Flux Pro 2.0 (flux-pro-2.0). ~$0.01 per 1024×1024 image. */
export type FluxPro20Params = {
  /** The spec's `height` parameter of Flux Pro 2.0. Default: 1440. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `prompt` parameter of Flux Pro 2.0. */
  prompt: string;
  /** The spec's `prompt_enhance` parameter of Flux Pro 2.0. */
  promptEnhance?: boolean | null | undefined;
  /** The spec's `quantity` parameter of Flux Pro 2.0. Default: 4. */
  quantity?: number | null | undefined;
  /** The spec's `seed` parameter of Flux Pro 2.0. */
  seed?: number | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Flux Pro 2.0. Default: 1440. */
  width?: number | null | undefined;
};

/** Typed parameters of Flux Schnell (1) (flux-schnell). ~$0.00 per 1024×1024 image. */
export type FluxSchnellParams = {
  /** The spec's `height` parameter of Flux Schnell (1). Default: 1024. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `prompt` parameter of Flux Schnell (1). */
  prompt: string;
  /** The spec's `prompt_enhance` parameter of Flux Schnell (1). */
  promptEnhance?: boolean | null | undefined;
  /** The spec's `quantity` parameter of Flux Schnell (1). Default: 4. */
  quantity?: number | null | undefined;
  /** The spec's `seed` parameter of Flux Schnell (1). */
  seed?: number | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Flux Schnell (1). Default: 1024. */
  width?: number | null | undefined;
};

/** Typed parameters of Gemini 2.5 Flash (Nano Banana) Image (gemini-2.5-flash-image). ~$0.02 per generation. */
export type Gemini25FlashImageParams = {
  /** The spec's `height` parameter of Gemini 2.5 Flash (Nano Banana) Image. One of 0, 672, 768, 832, 864, 896, 1024, 1152, 1184, 1248, 1344; other values snap to the nearest. Default: 1024. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `prompt` parameter of Gemini 2.5 Flash (Nano Banana) Image. */
  prompt: string;
  /** The spec's `prompt_enhance` parameter of Gemini 2.5 Flash (Nano Banana) Image. */
  promptEnhance?: boolean | null | undefined;
  /** The spec's `quantity` parameter of Gemini 2.5 Flash (Nano Banana) Image. Default: 1. */
  quantity?: number | null | undefined;
  /** The spec's `seed` parameter of Gemini 2.5 Flash (Nano Banana) Image. */
  seed?: number | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Gemini 2.5 Flash (Nano Banana) Image. One of 0, 768, 832, 864, 896, 1024, 1152, 1184, 1248, 1344, 1536; other values snap to the nearest. Default: 1024. */
  width?: number | null | undefined;
};

/** The values of Gemini Image 2's `output_format` parameter (REST sends the value each names). */
export type GeminiImage2OutputFormat =
  /** `output_format`: "jpeg". */
  | 'JPEG'
  /** `output_format`: "png". */
  | 'PNG';

/** Typed parameters of Gemini Image 2 (gemini-image-2). ~$0.06 per generation. */
export type GeminiImage2Params = {
  /** Height of the generated image One of 672, 768, 848, 896, 928, 1024, 1152, 1200, 1264, 1344, 1376, 1536, 1696, 1792, 1856, 2048, 2304, 2400, 2528, 2688, 2752, 3072, 3392, 3584, 3712, 4096, 4608, 4800, 5056, 5504; other values snap to the nearest. */
  height?: number | null | undefined;
  /** The spec's `image_urls` parameter of Gemini Image 2. */
  imageUrls?: Array<unknown> | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** Output image format Default: "png". */
  outputFormat?: GeminiImage2OutputFormat | null | undefined;
  /** Text prompt for image generation */
  prompt: string;
  /** Number of images to generate Default: 1. */
  quantity?: number | null | undefined;
  /** What types of content to generate Default: ["IMAGE"]. */
  responseModalities?: Array<unknown> | null | undefined;
  /** Seed for reproducible image generation */
  seed?: number | null | undefined;
  /** Controls randomness in generation (0.0=deterministic, 2.0=very creative) */
  temperature?: number | null | undefined;
  /** Nucleus sampling parameter (lower=more focused, higher=more diverse) */
  topP?: number | null | undefined;
  /** Internal flag indicating dimensions should not be sent to provider */
  useAutoDimensions?: boolean | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** Width of the generated image One of 768, 848, 896, 928, 1024, 1152, 1200, 1264, 1376, 1536, 1584, 1696, 1792, 1856, 2048, 2304, 2400, 2528, 2752, 3072, 3168, 3392, 3584, 3712, 4096, 4608, 4800, 5056, 5504, 6336; other values snap to the nearest. */
  width?: number | null | undefined;
};

/** Exactly one of: `raw` ({ model, params } as REST takes it) or one model's typed parameters. */
export type GenerateInput =
  {   /** Auto Image */
  autoImage: AutoImageParams; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never;   /** Auto Video */
  autoVideo: AutoVideoParams; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never;   /** Cortex 1.0 */
  cortex10: Cortex10Params; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never;   /** Cortex 2.0 */
  cortex20: Cortex20Params; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never;   /** Cortex 2.0 Fast */
  cortex20Fast: Cortex20FastParams; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never;   /** Cortex v0.9 */
  cortexV09: CortexV09Params; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never;   /** Cortex v1.0 */
  cortexV10: CortexV10Params; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never;   /** Flux Dev */
  fluxDev: FluxDevParams; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never;   /** Flux Kontext Max */
  fluxKontextMax: FluxKontextMaxParams; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never;   /** Flux Kontext Pro */
  fluxKontextPro: FluxKontextProParams; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never;   /** Flux Pro 2.0 */
  fluxPro20: FluxPro20Params; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never;   /** Flux Schnell (1) */
  fluxSchnell: FluxSchnellParams; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never;   /** Gemini 2.5 Flash (Nano Banana) Image */
  gemini25FlashImage: Gemini25FlashImageParams; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never;   /** Gemini Image 2 */
  geminiImage2: GeminiImage2Params; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never;   /** GPT Image 1 */
  gptImage1: GptImage1Params; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never;   /** GPT Image 2 */
  gptImage2: GptImage2Params; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never;   /** GPT Image 1.5 */
  gptImage15: GptImage15Params; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never;   /** Hailuo-2.3 Video Gen */
  hailuo23: Hailuo23Params; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never;   /** Hailuo-2.3-fast Video Gen */
  hailuo23Fast: Hailuo23FastParams; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never;   /** Happy Horse Video Gen */
  happyHorse: HappyHorseParams; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never;   /** Ideogram V3 */
  ideogramV30: IdeogramV30Params; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never;   /** 'Cinematic Kino' (Kino XL) */
  kinoXl: KinoXlParams; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never;   /** Kling 2.1 Pro */
  kling21Pro: Kling21ProParams; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never;   /** Kling 2.5 Turbo */
  kling25: Kling25Params; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never;   /** Kling 2.5 Turbo Standard Video Gen */
  kling25TurboStandard: Kling25TurboStandardParams; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never;   /** Kling 2.6 */
  kling26: Kling26Params; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never;   /** Kling 3.0 Video Gen */
  kling30: Kling30Params; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never;   /** Kling Video O 1 Gen */
  klingVideoO1: KlingVideoO1Params; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never;   /** Kling Video O 3 Gen */
  klingVideoO3: KlingVideoO3Params; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never;   /** LTXV 2 Fast Video Gen */
  ltxv20Fast: Ltxv20FastParams; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never;   /** LTXV 2 Pro Video Gen */
  ltxv20Pro: Ltxv20ProParams; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never;   /** LTX 2.0 Ultra */
  ltxv20Ultra: Ltxv20UltraParams; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never;   /** LTXV 2.3 Fast Video Gen */
  ltxv23Fast: Ltxv23FastParams; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never;   /** LTXV 2.3 Pro Video Gen */
  ltxv23Pro: Ltxv23ProParams; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never;   /** Cortex 1.5 */
  lucidOrigin: LucidOriginParams; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never;   /** Lucid Realism */
  lucidRealism: LucidRealismParams; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never;   /** Nano Banana 2 */
  nanoBanana2: NanoBanana2Params; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never;   /** Any model's request as REST takes it ({ model, params }). */
  raw: RawGenerationInput; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never;   /** Recraft V4 */
  recraftV4: RecraftV4Params; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never;   /** Recraft V4 Pro */
  recraftV4Pro: RecraftV4ProParams; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never;   /** Rodin V2 */
  rodinV2: RodinV2Params; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never;   /** Seedance 1.0 Pro Video Gen */
  seedance10Pro: Seedance10ProParams; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never;   /** Seedance 1.0 Pro Fast Video Gen */
  seedance10ProFast: Seedance10ProFastParams; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never;   /** Seedance 2.0 Video Gen */
  seedance20: Seedance20Params; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never;   /** Seedance 2.0 Fast Video Gen */
  seedance20Fast: Seedance20FastParams; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never;   /** Seedream 4.0 Image */
  seedream40: Seedream40Params; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never;   /** Seedream 4.5 Image */
  seedream45: Seedream45Params; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never;   /** Sora 2 */
  sora2: Sora2Params; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never;   /** Sora 2 Pro */
  sora2Pro: Sora2ProParams; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never;   /** Veo 3 Fast */
  veo30FastGenerate001: Veo30FastGenerate001Params; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never;   /** Veo 3 */
  veo30Generate001: Veo30Generate001Params; veo31FastGenerate001?: never; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never;   /** Veo 3.1 Fast */
  veo31FastGenerate001: Veo31FastGenerate001Params; veo31Generate001?: never; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never;   /** Veo 3.1 */
  veo31Generate001: Veo31Generate001Params; veo31Lite?: never; }
  |  { autoImage?: never; autoVideo?: never; cortex10?: never; cortex20?: never; cortex20Fast?: never; cortexV09?: never; cortexV10?: never; fluxDev?: never; fluxKontextMax?: never; fluxKontextPro?: never; fluxPro20?: never; fluxSchnell?: never; gemini25FlashImage?: never; geminiImage2?: never; gptImage1?: never; gptImage2?: never; gptImage15?: never; hailuo23?: never; hailuo23Fast?: never; happyHorse?: never; ideogramV30?: never; kinoXl?: never; kling21Pro?: never; kling25?: never; kling25TurboStandard?: never; kling26?: never; kling30?: never; klingVideoO1?: never; klingVideoO3?: never; ltxv20Fast?: never; ltxv20Pro?: never; ltxv20Ultra?: never; ltxv23Fast?: never; ltxv23Pro?: never; lucidOrigin?: never; lucidRealism?: never; nanoBanana2?: never; raw?: never; recraftV4?: never; recraftV4Pro?: never; rodinV2?: never; seedance10Pro?: never; seedance10ProFast?: never; seedance20?: never; seedance20Fast?: never; seedream40?: never; seedream45?: never; sora2?: never; sora2Pro?: never; veo30FastGenerate001?: never; veo30Generate001?: never; veo31FastGenerate001?: never; veo31Generate001?: never;   /** Veo 3.1 Lite */
  veo31Lite: Veo31LiteParams; };

/** The values of GPT Image 1's `output_format` parameter (REST sends the value each names). */
export type GptImage1OutputFormat =
  /** `output_format`: "jpeg". */
  | 'JPEG'
  /** `output_format`: "png". */
  | 'PNG'
  /** `output_format`: "webp". */
  | 'WEBP';

/** Typed parameters of GPT Image 1 (gpt-image-1). ~$0.01 per 1024×1024 image. */
export type GptImage1Params = {
  /** The spec's `height` parameter of GPT Image 1. Default: 1024. */
  height?: number | null | undefined;
  /** The spec's `image_guidances` parameter of GPT Image 1. */
  imageGuidances?: Array<unknown> | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The format in which the generated images are returned. Default: "jpeg". */
  outputFormat?: GptImage1OutputFormat | null | undefined;
  /** The spec's `prompt` parameter of GPT Image 1. */
  prompt: string;
  /** The quality of the generated images. Default: "medium". */
  quality?: GptImage1Quality | null | undefined;
  /** The spec's `quantity` parameter of GPT Image 1. Default: 1. */
  quantity?: number | null | undefined;
  /** The spec's `transparency` parameter of GPT Image 1. */
  transparency?: boolean | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of GPT Image 1. Default: 1024. */
  width?: number | null | undefined;
};

/** The values of GPT Image 1's `quality` parameter (REST sends the value each names). */
export type GptImage1Quality =
  /** `quality`: "high". */
  | 'HIGH'
  /** `quality`: "low". */
  | 'LOW'
  /** `quality`: "medium". */
  | 'MEDIUM';

/** The values of GPT Image 2's `output_format` parameter (REST sends the value each names). */
export type GptImage2OutputFormat =
  /** `output_format`: "jpeg". */
  | 'JPEG'
  /** `output_format`: "png". */
  | 'PNG';

/** Typed parameters of GPT Image 2 (gpt-image-2). ~$0.00 per 1024×1024 image. */
export type GptImage2Params = {
  /** Image height in pixels. Must be a multiple of 16. Each edge must be between 256 and 3840 px inclusive. Default: 1024. */
  height?: number | null | undefined;
  /** The spec's `image_guidances` parameter of GPT Image 2. */
  imageGuidances?: Array<unknown> | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The format in which the generated images are returned. Default: "jpeg". */
  outputFormat?: GptImage2OutputFormat | null | undefined;
  /** The spec's `prompt` parameter of GPT Image 2. */
  prompt: string;
  /** The quality of the generated images. Default: "low". */
  quality?: GptImage2Quality | null | undefined;
  /** The spec's `quantity` parameter of GPT Image 2. Default: 1. */
  quantity?: number | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** Image width in pixels. Must be a multiple of 16. Each edge must be between 256 and 3840 px inclusive. Default: 1024. */
  width?: number | null | undefined;
};

/** The values of GPT Image 2's `quality` parameter (REST sends the value each names). */
export type GptImage2Quality =
  /** `quality`: "high". */
  | 'HIGH'
  /** `quality`: "low". */
  | 'LOW'
  /** `quality`: "medium". */
  | 'MEDIUM';

/** The values of GPT Image 1.5's `output_format` parameter (REST sends the value each names). */
export type GptImage15OutputFormat =
  /** `output_format`: "jpeg". */
  | 'JPEG'
  /** `output_format`: "png". */
  | 'PNG'
  /** `output_format`: "webp". */
  | 'WEBP';

/** Typed parameters of GPT Image 1.5 (gpt-image-1.5). ~$0.01 per 1024×1024 image. */
export type GptImage15Params = {
  /** The spec's `height` parameter of GPT Image 1.5. Default: 1024. */
  height?: number | null | undefined;
  /** The spec's `image_guidances` parameter of GPT Image 1.5. */
  imageGuidances?: Array<unknown> | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The format in which the generated images are returned. Default: "jpeg". */
  outputFormat?: GptImage15OutputFormat | null | undefined;
  /** The spec's `prompt` parameter of GPT Image 1.5. */
  prompt: string;
  /** The quality of the generated images. Default: "medium". */
  quality?: GptImage15Quality | null | undefined;
  /** The spec's `quantity` parameter of GPT Image 1.5. Default: 1. */
  quantity?: number | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of GPT Image 1.5. Default: 1024. */
  width?: number | null | undefined;
};

/** The values of GPT Image 1.5's `quality` parameter (REST sends the value each names). */
export type GptImage15Quality =
  /** `quality`: "high". */
  | 'HIGH'
  /** `quality`: "low". */
  | 'LOW'
  /** `quality`: "medium". */
  | 'MEDIUM';

/** Typed parameters of Hailuo-2.3-fast Video Gen (hailuo-2_3-fast). ~$0.03 per generation. */
export type Hailuo23FastParams = {
  /** Video duration in seconds. 1080P supports only 6 seconds One of 6, 10; other values snap to the nearest. Default: 6. */
  durationSeconds?: number | null | undefined;
  /** Reduce processing time during prompt optimization Default: false. */
  fastPretreatment?: boolean | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** Text description for video generation */
  prompt: string;
  /** Auto-optimize prompt for better video quality Default: true. */
  promptOptimizer?: boolean | null | undefined;
  /** Number of videos to generate Default: 1. */
  quantity?: number | null | undefined;
  /** Video resolution Default: "1080p". */
  resolution?: Hailuo23FastResolution | null | undefined;
  /** First frame image for image-to-video generation (required for fast variant) */
  startFrame: string;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
};

/** The values of Hailuo-2.3-fast Video Gen's `resolution` parameter (REST sends the value each names). */
export type Hailuo23FastResolution =
  /** `resolution`: "768p". */
  | 'P768'
  /** `resolution`: "1080p". */
  | 'P1080';

/** Typed parameters of Hailuo-2.3 Video Gen (hailuo-2_3). ~$0.04 per generation. */
export type Hailuo23Params = {
  /** Video duration in seconds. 1080P supports only 6 seconds One of 6, 10; other values snap to the nearest. Default: 6. */
  durationSeconds?: number | null | undefined;
  /** Reduce processing time during prompt optimization Default: false. */
  fastPretreatment?: boolean | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** Text description for video generation */
  prompt: string;
  /** Auto-optimize prompt for better video quality Default: true. */
  promptOptimizer?: boolean | null | undefined;
  /** Number of videos to generate Default: 1. */
  quantity?: number | null | undefined;
  /** Video resolution Default: "1080p". */
  resolution?: Hailuo23Resolution | null | undefined;
  /** First frame image for image-to-video generation */
  startFrame?: string | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
};

/** The values of Hailuo-2.3 Video Gen's `resolution` parameter (REST sends the value each names). */
export type Hailuo23Resolution =
  /** `resolution`: "768p". */
  | 'P768'
  /** `resolution`: "1080p". */
  | 'P1080';

/** The values of Happy Horse Video Gen's `audio_setting` parameter (REST sends the value each names). */
export type HappyHorseAudioSetting =
  /** `audio_setting`: "auto". */
  | 'AUTO'
  /** `audio_setting`: "origin". */
  | 'ORIGIN';

/** Typed parameters of Happy Horse Video Gen (happy-horse). ~$0.06 per generation. */
export type HappyHorseParams = {
  /** Audio handling for video-edit: auto (model decides) or origin (preserve input audio). Default: "auto". */
  audioSetting?: HappyHorseAudioSetting | null | undefined;
  /** Output video duration in seconds. Not applicable for video-edit (inherits from source video). One of 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15; other values snap to the nearest. Default: 5. */
  duration?: number | null | undefined;
  /** Enable content moderation for input and output Default: false. */
  enableSafetyChecker?: boolean | null | undefined;
  /** Video height in pixels Default: 1080. */
  height?: number | null | undefined;
  /** Reference images for reference-to-video (1-9, referenced as character1-character9) or video-edit (0-5, referenced as … */
  imageGuidance?: Array<unknown> | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** Text prompt describing the desired video */
  prompt?: string | null | undefined;
  /** Number of videos to generate Default: 1. */
  quantity?: number | null | undefined;
  /** Random seed for reproducibility */
  seed?: number | null | undefined;
  /** Image to use as first frame for image-to-video generation */
  startFrame?: string | null | undefined;
  /** Source video for video-edit mode. Maximum 1 item. */
  videoGuidance?: Array<unknown> | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** Video width in pixels Default: 1920. */
  width?: number | null | undefined;
};

/** The values of Ideogram V3's `mode` parameter (REST sends the value each names). */
export type IdeogramV30Mode =
  /** `mode`: "BALANCED". */
  | 'BALANCED'
  /** `mode`: "QUALITY". */
  | 'QUALITY'
  /** `mode`: "TURBO". */
  | 'TURBO';

/** Typed parameters of Ideogram V3 (ideogram-v3.0). ~$0.01 per generation. */
export type IdeogramV30Params = {
  /** The spec's `height` parameter of Ideogram V3. Default: 1024. */
  height?: number | null | undefined;
  /** The spec's `image_urls` parameter of Ideogram V3. */
  imageUrls?: Array<unknown> | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `mode` parameter of Ideogram V3. Default: "BALANCED". */
  mode?: IdeogramV30Mode | null | undefined;
  /** The spec's `negative_prompt` parameter of Ideogram V3. Default: "". */
  negativePrompt?: string | null | undefined;
  /** The spec's `prompt` parameter of Ideogram V3. */
  prompt: string;
  /** The spec's `prompt_enhance` parameter of Ideogram V3. Default: false. */
  promptEnhance?: boolean | null | undefined;
  /** The spec's `quantity` parameter of Ideogram V3. Default: 1. */
  quantity?: number | null | undefined;
  /** The spec's `seed` parameter of Ideogram V3. */
  seed?: number | null | undefined;
  /** The spec's `style` parameter of Ideogram V3. */
  style?: string | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Ideogram V3. Default: 1024. */
  width?: number | null | undefined;
};

/** Typed parameters of 'Cinematic Kino' (Kino XL) (kino-xl). ~$0.00 per 1024×1024 image. */
export type KinoXlParams = {
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
};

/** Typed parameters of Kling 2.1 Pro (kling-2.1-pro). ~$0.04 per generation. */
export type Kling21ProParams = {
  /** The spec's `duration` parameter of Kling 2.1 Pro. One of 5, 10; other values snap to the nearest. Default: 5. */
  duration?: number | null | undefined;
  /** The spec's `height` parameter of Kling 2.1 Pro. Default: 1080. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `prompt` parameter of Kling 2.1 Pro. */
  prompt: string;
  /** The spec's `prompt_enhance` parameter of Kling 2.1 Pro. */
  promptEnhance?: boolean | null | undefined;
  /** The spec's `quantity` parameter of Kling 2.1 Pro. Default: 1. */
  quantity?: number | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Kling 2.1 Pro. Default: 1920. */
  width?: number | null | undefined;
};

/** The values of Kling 2.5 Turbo's `mode` parameter (REST sends the value each names). */
export type Kling25Mode =
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720'
  /** `mode`: "RESOLUTION_1080". */
  | 'RESOLUTION_1080';

/** Typed parameters of Kling 2.5 Turbo (kling-2.5). ~$0.03 per generation. */
export type Kling25Params = {
  /** The spec's `duration` parameter of Kling 2.5 Turbo. One of 5, 10; other values snap to the nearest. Default: 5. */
  duration?: number | null | undefined;
  /** The spec's `height` parameter of Kling 2.5 Turbo. Default: 1080. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `mode` parameter of Kling 2.5 Turbo. Default: "RESOLUTION_1080". */
  mode?: Kling25Mode | null | undefined;
  /** The spec's `prompt` parameter of Kling 2.5 Turbo. */
  prompt: string;
  /** The spec's `prompt_enhance` parameter of Kling 2.5 Turbo. */
  promptEnhance?: boolean | null | undefined;
  /** The spec's `quantity` parameter of Kling 2.5 Turbo. Default: 1. */
  quantity?: number | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Kling 2.5 Turbo. Default: 1920. */
  width?: number | null | undefined;
};

/** Typed parameters of Kling 2.5 Turbo Standard Video Gen (kling-2.5-turbo-standard). ~$0.02 per generation. */
export type Kling25TurboStandardParams = {
  /** Guidance scale for generation strength Default: 0.5. */
  cfgScale?: number | null | undefined;
  /** Video duration in seconds One of 5, 10; other values snap to the nearest. Default: 5. */
  durationSeconds?: number | null | undefined;
  /** Video height in pixels One of 720, 1280, 960; other values snap to the nearest. Default: 720. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** Elements to exclude from generation Default: "blur, distort, and low quality". */
  negativePrompt?: string | null | undefined;
  /** Text description for video generation */
  prompt: string;
  /** Number of videos to generate Default: 1. */
  quantity?: number | null | undefined;
  /** Start frame image for video generation */
  startFrame: string;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** Video width in pixels One of 1280, 720, 960; other values snap to the nearest. Default: 1280. */
  width?: number | null | undefined;
};

/** Typed parameters of Kling 2.6 (kling-2.6). ~$0.06 per generation. */
export type Kling26Params = {
  /** The spec's `audio` parameter of Kling 2.6. */
  audio?: unknown;
  /** The spec's `duration` parameter of Kling 2.6. One of 5, 10; other values snap to the nearest. Default: 5. */
  duration?: number | null | undefined;
  /** The spec's `height` parameter of Kling 2.6. One of 1080, 1920, 1440, 0; other values snap to the nearest. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `motion_has_audio` parameter of Kling 2.6. Default: true. */
  motionHasAudio?: boolean | null | undefined;
  /** The spec's `prompt` parameter of Kling 2.6. */
  prompt: string;
  /** The spec's `quantity` parameter of Kling 2.6. Default: 1. */
  quantity?: number | null | undefined;
  /** The spec's `start_frame` parameter of Kling 2.6. */
  startFrame?: string | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Kling 2.6. One of 1920, 1080, 1440, 0; other values snap to the nearest. */
  width?: number | null | undefined;
};

/** The values of Kling 3.0 Video Gen's `mode` parameter (REST sends the value each names). */
export type Kling30Mode =
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720'
  /** `mode`: "RESOLUTION_1080". */
  | 'RESOLUTION_1080'
  /** `mode`: "RESOLUTION_2160". */
  | 'RESOLUTION_2160';

/** Typed parameters of Kling 3.0 Video Gen (kling-3.0). ~$0.03 per generation. */
export type Kling30Params = {
  /** Video duration in seconds (3-15s) One of 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15; other values snap to the nearest. Default: 5. */
  durationSeconds?: number | null | undefined;
  /** Elements (characters/objects) to include. Reference in prompt as @Element1, @Element2. */
  elements?: Array<unknown> | null | undefined;
  /** End frame image for frame interpolation. */
  endFrame?: string | null | undefined;
  /** Whether to generate native audio for the video. Default: true. */
  generateAudio?: boolean | null | undefined;
  /** Video height in pixels One of 1080, 1920, 1440, 720, 1280, 960, 0, 2160, 3840, 2880; other values snap to the nearest. Default: 1080. */
  height?: number | null | undefined;
  /** Reference images for style/appearance. Reference in prompt as @Image1, @Image2, etc. */
  imageUrls?: Array<unknown> | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** Video resolution mode. Default: "RESOLUTION_1080". */
  mode?: Kling30Mode | null | undefined;
  /** Text description for video generation. Can include dialogue, narration, sound effects, and ambient audio descriptions. */
  prompt: string;
  /** Number of videos to generate Default: 1. */
  quantity?: number | null | undefined;
  /** Start frame image for image-to-video mode. Accepted formats: jpg, jpeg, png, webp, gif, avif. Max size: 10MB. */
  startFrame?: string | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** Voice IDs for voice control. Reference in prompt using <<>>, <<>> */
  voiceIds?: Array<unknown> | null | undefined;
  /** Video width in pixels One of 1920, 1080, 1440, 1280, 720, 960, 0, 3840, 2160, 2880; other values snap to the nearest. Default: 1920. */
  width?: number | null | undefined;
};

/** Typed parameters of Kling Video O 1 Gen (kling-video-o-1). ~$0.04 per generation. */
export type KlingVideoO1Params = {
  /** Guidance scale for generation strength Default: 0.5. */
  cfgScale?: number | null | undefined;
  /** Video duration in seconds One of 3, 4, 5, 6, 7, 8, 9, 10; other values snap to the nearest. Default: 5. */
  durationSeconds?: number | null | undefined;
  /** The spec's `end_frame` parameter of Kling Video O 1 Gen. */
  endFrame?: string | null | undefined;
  /** Video height in pixels (0 for auto) */
  height?: number | null | undefined;
  /** Additional reference images for guidance. */
  imageGuidance?: Array<unknown> | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** Whether to keep the original audio from the video. Defaults to false (matches Fal API default). Default: false. */
  keepAudio?: boolean | null | undefined;
  /** Text description for video generation */
  prompt: string;
  /** Number of videos to generate Default: 1. */
  quantity?: number | null | undefined;
  /** The spec's `start_frame` parameter of Kling Video O 1 Gen. */
  startFrame?: string | null | undefined;
  /** Video guidance for video-to-video editing. Maximum 1 video allowed. */
  videoGuidance?: Array<unknown> | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** Video width in pixels (0 for auto) */
  width?: number | null | undefined;
};

/** The values of Kling Video O 3 Gen's `mode` parameter (REST sends the value each names). */
export type KlingVideoO3Mode =
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720'
  /** `mode`: "RESOLUTION_1080". */
  | 'RESOLUTION_1080'
  /** `mode`: "RESOLUTION_2160". */
  | 'RESOLUTION_2160';

/** Typed parameters of Kling Video O 3 Gen (kling-video-o-3). ~$0.07 per generation. */
export type KlingVideoO3Params = {
  /** Video duration in seconds (3-15s) One of 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15; other values snap to the nearest. Default: 5. */
  durationSeconds?: number | null | undefined;
  /** End frame image for image-to-video generation */
  endFrame?: string | null | undefined;
  /** Whether to generate native audio for the video Default: false. */
  generateAudio?: boolean | null | undefined;
  /** Video height in pixels (0 for auto) */
  height?: number | null | undefined;
  /** Reference images for style/appearance. Reference in prompt as @Image1, @Image2, etc. */
  imageGuidance?: Array<unknown> | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** Whether to preserve audio from the reference video (video-to-video only) Default: false. */
  keepAudio?: boolean | null | undefined;
  /** Video resolution mode. Default: "RESOLUTION_1080". */
  mode?: KlingVideoO3Mode | null | undefined;
  /** Text description for video generation */
  prompt: string;
  /** Number of videos to generate Default: 1. */
  quantity?: number | null | undefined;
  /** Start frame image for image-to-video generation */
  startFrame?: string | null | undefined;
  /** Video guidance for video-to-video transformations. */
  videoGuidance?: Array<unknown> | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** Video width in pixels (0 for auto) */
  width?: number | null | undefined;
};

/** How long the upstream takes for one kind of output, at time scale 1. */
export type LatencyRangeInput = {
  /** Default: minSeconds (a fixed latency). */
  maxSeconds?: number | null | undefined;
  /** The shortest latency in seconds. */
  minSeconds: number;
  /** The kind of output this range applies to. */
  output: OutputKind;
};

/** Where simulated upstream latencies come from. */
export type LatencySource =
  /** As observed in this gateway's own FINISHED tasks of the output kind (the newest 2,000 accepted in the last 7 days, from the attempt's start to FINISHED); a kind with fewer than 20 keeps its range. */
  | 'OBSERVED'
  /** Uniform over the provider's `latency` range for the output kind (or the simulated provider's default). */
  | 'RANGE';

/** The values of LTXV 2 Fast Video Gen's `aspect_ratio` parameter (REST sends the value each names). */
export type Ltxv20FastAspectRatio =
  /** `aspect_ratio`: "9:16". */
  | 'RATIO_9_16'
  /** `aspect_ratio`: "16:9". */
  | 'RATIO_16_9';

/** Typed parameters of LTXV 2 Fast Video Gen (ltxv-2.0-fast). ~$0.02 per generation. */
export type Ltxv20FastParams = {
  /** Video aspect ratio Default: "16:9". */
  aspectRatio?: Ltxv20FastAspectRatio | null | undefined;
  /** Video duration in seconds One of 6, 8; other values snap to the nearest. Default: 6. */
  durationSeconds?: number | null | undefined;
  /** Enable automatic prompt expansion Default: true. */
  enablePromptExpansion?: boolean | null | undefined;
  /** Frames per second One of 25, 50; other values snap to the nearest. Default: 50. */
  fps?: number | null | undefined;
  /** Video height in pixels */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** Text description for video generation */
  prompt: string;
  /** Number of videos to generate Default: 1. */
  quantity?: number | null | undefined;
  /** Video resolution Default: "1080p". */
  resolution?: Ltxv20FastResolution | null | undefined;
  /** Start frame image for image-to-video generation */
  startFrame?: string | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** Video width in pixels */
  width?: number | null | undefined;
};

/** The values of LTXV 2 Fast Video Gen's `resolution` parameter (REST sends the value each names). */
export type Ltxv20FastResolution =
  /** `resolution`: "1080p". */
  | 'P1080'
  /** `resolution`: "1440p". */
  | 'P1440'
  /** `resolution`: "2160p". */
  | 'P2160';

/** The values of LTXV 2 Pro Video Gen's `aspect_ratio` parameter (REST sends the value each names). */
export type Ltxv20ProAspectRatio =
  /** `aspect_ratio`: "9:16". */
  | 'RATIO_9_16'
  /** `aspect_ratio`: "16:9". */
  | 'RATIO_16_9';

/** Typed parameters of LTXV 2 Pro Video Gen (ltxv-2.0-pro). ~$0.02 per generation. */
export type Ltxv20ProParams = {
  /** Video aspect ratio Default: "16:9". */
  aspectRatio?: Ltxv20ProAspectRatio | null | undefined;
  /** Video duration in seconds One of 6, 8; other values snap to the nearest. Default: 6. */
  durationSeconds?: number | null | undefined;
  /** Enable automatic prompt expansion Default: true. */
  enablePromptExpansion?: boolean | null | undefined;
  /** Frames per second One of 24, 30, 50; other values snap to the nearest. Default: 50. */
  fps?: number | null | undefined;
  /** Video height in pixels */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** Text description for video generation */
  prompt: string;
  /** Number of videos to generate Default: 1. */
  quantity?: number | null | undefined;
  /** Video resolution Default: "1080p". */
  resolution?: Ltxv20ProResolution | null | undefined;
  /** Start frame image for image-to-video generation */
  startFrame?: string | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** Video width in pixels */
  width?: number | null | undefined;
};

/** The values of LTXV 2 Pro Video Gen's `resolution` parameter (REST sends the value each names). */
export type Ltxv20ProResolution =
  /** `resolution`: "1080p". */
  | 'P1080'
  /** `resolution`: "1440p". */
  | 'P1440'
  /** `resolution`: "2160p". */
  | 'P2160';

/** The values of LTX 2.0 Ultra's `mode` parameter (REST sends the value each names). */
export type Ltxv20UltraMode =
  /** `mode`: "RESOLUTION_1080". */
  | 'RESOLUTION_1080'
  /** `mode`: "RESOLUTION_1440". */
  | 'RESOLUTION_1440'
  /** `mode`: "RESOLUTION_2160". */
  | 'RESOLUTION_2160';

/** Typed parameters of LTX 2.0 Ultra (ltxv-2.0-ultra). ~$0.02 per generation. */
export type Ltxv20UltraParams = {
  /** The spec's `duration` parameter of LTX 2.0 Ultra. One of 6, 8; other values snap to the nearest. Default: 8. */
  duration?: number | null | undefined;
  /** The spec's `height` parameter of LTX 2.0 Ultra. Default: 1080. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `mode` parameter of LTX 2.0 Ultra. Default: "RESOLUTION_1080". */
  mode?: Ltxv20UltraMode | null | undefined;
  /** The spec's `prompt` parameter of LTX 2.0 Ultra. */
  prompt: string;
  /** The spec's `prompt_enhance` parameter of LTX 2.0 Ultra. */
  promptEnhance?: boolean | null | undefined;
  /** The spec's `quantity` parameter of LTX 2.0 Ultra. Default: 1. */
  quantity?: number | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of LTX 2.0 Ultra. Default: 1920. */
  width?: number | null | undefined;
};

/** The values of LTXV 2.3 Fast Video Gen's `aspect_ratio` parameter (REST sends the value each names). */
export type Ltxv23FastAspectRatio =
  /** `aspect_ratio`: "9:16". */
  | 'RATIO_9_16'
  /** `aspect_ratio`: "16:9". */
  | 'RATIO_16_9';

/** Typed parameters of LTXV 2.3 Fast Video Gen (ltxv-2.3-fast). ~$0.02 per generation. */
export type Ltxv23FastParams = {
  /** Video aspect ratio. Defaults to 16:9 for T2V, or auto-detected from start_frame for I2V. */
  aspectRatio?: Ltxv23FastAspectRatio | null | undefined;
  /** Video duration in seconds. Durations over 10s require 25fps and 1080p resolution. One of 6, 8, 10, 12, 14, 16, 18, 20; other values snap to the nearest. Default: 6. */
  durationSeconds?: number | null | undefined;
  /** End frame image for transition video generation. Requires start_frame. */
  endFrame?: string | null | undefined;
  /** Frames per second One of 24, 25, 48, 50; other values snap to the nearest. Default: 25. */
  fps?: number | null | undefined;
  /** Whether to generate audio for the video Default: true. */
  generateAudio?: boolean | null | undefined;
  /** Video height in pixels */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** Text description for video generation */
  prompt: string;
  /** Number of videos to generate Default: 1. */
  quantity?: number | null | undefined;
  /** Video resolution Default: "1080p". */
  resolution?: Ltxv23FastResolution | null | undefined;
  /** Start frame image for image-to-video generation */
  startFrame?: string | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** Video width in pixels */
  width?: number | null | undefined;
};

/** The values of LTXV 2.3 Fast Video Gen's `resolution` parameter (REST sends the value each names). */
export type Ltxv23FastResolution =
  /** `resolution`: "1080p". */
  | 'P1080'
  /** `resolution`: "1440p". */
  | 'P1440'
  /** `resolution`: "2160p". */
  | 'P2160';

/** The values of LTXV 2.3 Pro Video Gen's `aspect_ratio` parameter (REST sends the value each names). */
export type Ltxv23ProAspectRatio =
  /** `aspect_ratio`: "9:16". */
  | 'RATIO_9_16'
  /** `aspect_ratio`: "16:9". */
  | 'RATIO_16_9';

/** Typed parameters of LTXV 2.3 Pro Video Gen (ltxv-2.3-pro). ~$0.02 per generation. */
export type Ltxv23ProParams = {
  /** Video aspect ratio. Defaults to 16:9 for T2V, or auto-detected from start_frame for I2V. */
  aspectRatio?: Ltxv23ProAspectRatio | null | undefined;
  /** Video duration in seconds One of 6, 8, 10; other values snap to the nearest. Default: 6. */
  durationSeconds?: number | null | undefined;
  /** End frame image for transition video generation. Requires start_frame. */
  endFrame?: string | null | undefined;
  /** Frames per second One of 24, 25, 48, 50; other values snap to the nearest. Default: 25. */
  fps?: number | null | undefined;
  /** Whether to generate audio for the video Default: true. */
  generateAudio?: boolean | null | undefined;
  /** Video height in pixels */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** Text description for video generation */
  prompt: string;
  /** Number of videos to generate Default: 1. */
  quantity?: number | null | undefined;
  /** Video resolution Default: "1080p". */
  resolution?: Ltxv23ProResolution | null | undefined;
  /** Start frame image for image-to-video generation */
  startFrame?: string | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** Video width in pixels */
  width?: number | null | undefined;
};

/** The values of LTXV 2.3 Pro Video Gen's `resolution` parameter (REST sends the value each names). */
export type Ltxv23ProResolution =
  /** `resolution`: "1080p". */
  | 'P1080'
  /** `resolution`: "1440p". */
  | 'P1440'
  /** `resolution`: "2160p". */
  | 'P2160';

/** The values of Cortex 1.5's `mode` parameter (REST sends the value each names). */
export type LucidOriginMode =
  /** `mode`: "FAST". */
  | 'FAST'
  /** `mode`: "ULTRA". */
  | 'ULTRA';

/** Typed parameters of Cortex 1.5 (lucid-origin). ~$0.00 per 1024×1024 image. */
export type LucidOriginParams = {
  /** How closely the model follows the prompt Default: 0. */
  guidanceScale?: number | null | undefined;
  /** The spec's `height` parameter of Cortex 1.5. Default: 1024. */
  height?: number | null | undefined;
  /** Image guidance configurations for StyleTransfer and LoraDepthMidas */
  imageGuidances?: Array<unknown> | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `mode` parameter of Cortex 1.5. Default: "FAST". */
  mode?: LucidOriginMode | null | undefined;
  /** Number of denoising steps Default: 15. */
  numInferenceSteps?: number | null | undefined;
  /** The prompt to use for the generation */
  prompt: string;
  /** The spec's `quantity` parameter of Cortex 1.5. Default: 1. */
  quantity?: number | null | undefined;
  /** The spec's `seed` parameter of Cortex 1.5. */
  seed?: number | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Cortex 1.5. Default: 1024. */
  width?: number | null | undefined;
};

/** The values of Lucid Realism's `mode` parameter (REST sends the value each names). */
export type LucidRealismMode =
  /** `mode`: "FAST". */
  | 'FAST'
  /** `mode`: "ULTRA". */
  | 'ULTRA';

/** Typed parameters of Lucid Realism (lucid-realism). ~$0.00 per 1024×1024 image. */
export type LucidRealismParams = {
  /** The spec's `height` parameter of Lucid Realism. Default: 1024. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `mode` parameter of Lucid Realism. Default: "FAST". */
  mode?: LucidRealismMode | null | undefined;
  /** The spec's `prompt` parameter of Lucid Realism. */
  prompt: string;
  /** The spec's `prompt_enhance` parameter of Lucid Realism. */
  promptEnhance?: boolean | null | undefined;
  /** The spec's `quantity` parameter of Lucid Realism. Default: 4. */
  quantity?: number | null | undefined;
  /** The spec's `seed` parameter of Lucid Realism. */
  seed?: number | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Lucid Realism. Default: 1024. */
  width?: number | null | undefined;
};

/** The section of the spec a model is listed under (REST `type`). */
export type ModelKind =
  /** The spec's image models (REST `image`). */
  | 'IMAGE'
  /** The spec's 3D models (REST `3d`). */
  | 'THREE_D'
  /** The spec's video models (REST `video`). */
  | 'VIDEO';

/** The values of Nano Banana 2's `output_format` parameter (REST sends the value each names). */
export type NanoBanana2OutputFormat =
  /** `output_format`: "jpeg". */
  | 'JPEG'
  /** `output_format`: "png". */
  | 'PNG';

/** Typed parameters of Nano Banana 2 (nano-banana-2). ~$0.03 per generation. */
export type NanoBanana2Params = {
  /** Height of the generated image One of 672, 768, 848, 896, 928, 1024, 1152, 1200, 1264, 1344, 1376, 1536, 1696, 1792, 1856, 2048, 2304, 2400, 2528, 2688, 2752, 3072, 3392, 3584, 3712, 4096, 4608, 4800, 5056, 5504; other values snap to the nearest. */
  height?: number | null | undefined;
  /** The spec's `image_urls` parameter of Nano Banana 2. */
  imageUrls?: Array<unknown> | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** Output image format Default: "png". */
  outputFormat?: NanoBanana2OutputFormat | null | undefined;
  /** Text prompt for image generation */
  prompt: string;
  /** Number of images to generate Default: 1. */
  quantity?: number | null | undefined;
  /** What types of content to generate Default: ["IMAGE"]. */
  responseModalities?: Array<unknown> | null | undefined;
  /** Seed for reproducible image generation */
  seed?: number | null | undefined;
  /** Controls randomness in generation (0.0=deterministic, 2.0=very creative) */
  temperature?: number | null | undefined;
  /** Nucleus sampling parameter (lower=more focused, higher=more diverse) */
  topP?: number | null | undefined;
  /** Internal flag indicating dimensions should not be sent to provider */
  useAutoDimensions?: boolean | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** Width of the generated image One of 768, 848, 896, 928, 1024, 1152, 1200, 1264, 1376, 1536, 1584, 1696, 1792, 1856, 2048, 2304, 2400, 2528, 2752, 3072, 3168, 3392, 3584, 3712, 4096, 4608, 4800, 5056, 5504, 6336; other values snap to the nearest. */
  width?: number | null | undefined;
};

/** What the output must be. Sizes and durations are minimums. */
export type NeedInput = {
  /** e.g. "16:9" (within 2%). */
  aspectRatio?: string | null | undefined;
  /** Seconds. */
  minDuration?: number | null | undefined;
  /** Pixels, e.g. 720 for 720p. */
  minShortSide?: number | null | undefined;
  /** What the output must be. */
  output: OutputKind;
  /** Outputs per request (default 1). */
  quantity?: number | null | undefined;
};

/** What a generation produces (a few video-section models produce images). */
export type OutputKind =
  /** Image files (PNG, or JPEG when asked). */
  | 'IMAGE'
  /** A 3D model (.glb) and a preview image. */
  | 'THREE_D'
  /** Video files. */
  | 'VIDEO';

/** A request exactly as REST takes it. */
export type RawGenerationInput = {
  /** A model id; empty is InvalidParams (REST: 400). */
  model: string;
  /** The parameters as REST's `params` takes them (snake_case names, values as the spec writes them). */
  params?: unknown;
};

/** Typed parameters of Recraft V4 (recraft-v4). ~$0.02 per generation. */
export type RecraftV4Params = {
  /** The spec's `height` parameter of Recraft V4. One of 768, 832, 896, 1024, 1152, 1216, 1280, 1344, 1536; other values snap to the nearest. Default: 1024. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `prompt` parameter of Recraft V4. */
  prompt: string;
  /** The spec's `prompt_enhance` parameter of Recraft V4. */
  promptEnhance?: boolean | null | undefined;
  /** The spec's `quantity` parameter of Recraft V4. Default: 4. */
  quantity?: number | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Recraft V4. One of 768, 832, 896, 1024, 1152, 1216, 1280, 1344, 1536; other values snap to the nearest. Default: 1024. */
  width?: number | null | undefined;
};

/** Typed parameters of Recraft V4 Pro (recraft-v4-pro). ~$0.10 per generation. */
export type RecraftV4ProParams = {
  /** The spec's `height` parameter of Recraft V4 Pro. One of 1536, 1664, 1792, 2048, 2304, 2432, 2560, 2688, 3072; other values snap to the nearest. Default: 2048. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `prompt` parameter of Recraft V4 Pro. */
  prompt: string;
  /** The spec's `prompt_enhance` parameter of Recraft V4 Pro. */
  promptEnhance?: boolean | null | undefined;
  /** The spec's `quantity` parameter of Recraft V4 Pro. Default: 4. */
  quantity?: number | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Recraft V4 Pro. One of 1536, 1664, 1792, 2048, 2304, 2432, 2560, 2688, 3072; other values snap to the nearest. Default: 2048. */
  width?: number | null | undefined;
};

/** What the simulated client does with a RATE_LIMITED answer. */
export type RefusalBehaviour =
  /** A request refused RATE_LIMITED is given up. */
  | 'DROP'
  /** A request refused RATE_LIMITED is sent again after Retry-After, at most `maxRetries` times. */
  | 'RETRY';

/** The values of Rodin V2's `material` parameter (REST sends the value each names). */
export type RodinV2Material =
  /** `material`: "All". */
  | 'ALL'
  /** `material`: "PBR". */
  | 'PBR'
  /** `material`: "Shaded". */
  | 'SHADED';

/** The values of Rodin V2's `mesh_mode` parameter (REST sends the value each names). */
export type RodinV2MeshMode =
  /** `mesh_mode`: "Quad". */
  | 'QUAD'
  /** `mesh_mode`: "Triangle". */
  | 'TRIANGLE';

/** Typed parameters of Rodin V2 (rodin-v2). ~$0.16 per generation. */
export type RodinV2Params = {
  /** Bounding box dimensions as [width, height, length] integers to constrain the generated model size */
  boundingBox?: Array<unknown> | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** Material mode for the generated mesh Default: "All". */
  material?: RodinV2Material | null | undefined;
  /** Type of faces in the generated mesh. Default: "Triangle". */
  meshMode?: RodinV2MeshMode | null | undefined;
  /** Generation quality level. Default: "high". */
  quality?: RodinV2Quality | null | undefined;
  /** Seed for reproducible generation */
  seed?: number | null | undefined;
  /** Apply T/A-pose constraint for human character meshes (easier to rig and animate) Default: false. */
  taPose?: boolean | null | undefined;
  /** Preserve original alpha channel from input images Default: false. */
  useOriginalAlpha?: boolean | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
};

/** The values of Rodin V2's `quality` parameter (REST sends the value each names). */
export type RodinV2Quality =
  /** `quality`: "extra_low". */
  | 'EXTRA_LOW'
  /** `quality`: "high". */
  | 'HIGH'
  /** `quality`: "low". */
  | 'LOW'
  /** `quality`: "medium". */
  | 'MEDIUM';

/** Typed parameters of Seedance 1.0 Pro Fast Video Gen (seedance-1.0-pro-fast). ~$0.04/720p 4s, ~$0.13/720p 15s (pixel×duration based). */
export type Seedance10ProFastParams = {
  /** Whether to fix the camera position Default: false. */
  cameraFixed?: boolean | null | undefined;
  /** Video duration in seconds (2-12 seconds) One of 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12; other values snap to the nearest. Default: 5. */
  duration?: number | null | undefined;
  /** Enable content safety filtering Default: false. */
  enableSafetyChecker?: boolean | null | undefined;
  /** Video height in pixels. Use 0 for auto aspect ratio detection (I2V only) Default: 1088. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** Text description for video generation */
  prompt: string;
  /** Number of videos to generate Default: 1. */
  quantity?: number | null | undefined;
  /** Random seed to control video generation (use -1 for random) Default: -1. */
  seed?: number | null | undefined;
  /** Image to use as first frame for image-to-video generation */
  startFrame?: string | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** Video width in pixels. Use 0 for auto aspect ratio detection (I2V only) Default: 1920. */
  width?: number | null | undefined;
};

/** Typed parameters of Seedance 1.0 Pro Video Gen (seedance-1.0-pro). ~$0.09/720p 4s, ~$0.33/720p 15s (pixel×duration based). */
export type Seedance10ProParams = {
  /** Whether to fix the camera position Default: false. */
  cameraFixed?: boolean | null | undefined;
  /** Video duration in seconds (2-12 seconds) One of 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12; other values snap to the nearest. Default: 5. */
  duration?: number | null | undefined;
  /** Enable content safety filtering Default: false. */
  enableSafetyChecker?: boolean | null | undefined;
  /** Optional final frame for image-to-video generation */
  endFrame?: string | null | undefined;
  /** Video height in pixels. Use 0 for auto aspect ratio detection (I2V only) Default: 1088. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** Text description for video generation */
  prompt: string;
  /** Number of videos to generate Default: 1. */
  quantity?: number | null | undefined;
  /** Random seed to control video generation (use -1 for random) Default: -1. */
  seed?: number | null | undefined;
  /** Image to use as first frame for image-to-video generation */
  startFrame?: string | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** Video width in pixels. Use 0 for auto aspect ratio detection (I2V only) Default: 1920. */
  width?: number | null | undefined;
};

/** The values of Seedance 2.0 Fast Video Gen's `mode` parameter (REST sends the value each names). */
export type Seedance20FastMode =
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720'
  /** `mode`: "RESOLUTION_1080". */
  | 'RESOLUTION_1080';

/** Typed parameters of Seedance 2.0 Fast Video Gen (seedance-2.0-fast). ~$0.40/720p 4s, ~$1.48/720p 15s (pixel×duration based). */
export type Seedance20FastParams = {
  /** Video duration in seconds (4-15 seconds) One of 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15; other values snap to the nearest. Default: 8. */
  duration?: number | null | undefined;
  /** Enable content safety filtering Default: false. */
  enableSafetyChecker?: boolean | null | undefined;
  /** Optional final frame for image-to-video generation */
  endFrame?: string | null | undefined;
  /** Whether to generate audio with the video Default: true. */
  generateAudio?: boolean | null | undefined;
  /** Video height in pixels. Default: 720. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** Output resolution tier (from the spec's REST examples; width/height choose the aspect ratio). Default: "RESOLUTION_720". */
  mode?: Seedance20FastMode | null | undefined;
  /** Text description for video generation */
  prompt: string;
  /** Number of videos to generate Default: 1. */
  quantity?: number | null | undefined;
  /** Reference audio files for R2V generation (1-3 files, combined ≤15s). Refer to them as @Audio1, @Audio2, etc. */
  referenceAudioUrls?: Array<unknown> | null | undefined;
  /** Reference images for reference-guided video generation (1-9 images) */
  referenceImageUrls?: Array<unknown> | null | undefined;
  /** Reference videos for video-guided generation (1-3 videos) */
  referenceVideoUrls?: Array<unknown> | null | undefined;
  /** Random seed to control video generation (use -1 for random) Default: -1. */
  seed?: number | null | undefined;
  /** Image to use as first frame for image-to-video generation */
  startFrame?: string | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** Video width in pixels. Default: 1280. */
  width?: number | null | undefined;
};

/** The values of Seedance 2.0 Video Gen's `mode` parameter (REST sends the value each names). */
export type Seedance20Mode =
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720'
  /** `mode`: "RESOLUTION_1080". */
  | 'RESOLUTION_1080';

/** Typed parameters of Seedance 2.0 Video Gen (seedance-2.0). ~$0.49/720p 4s, ~$1.85/720p 15s (pixel×duration based). */
export type Seedance20Params = {
  /** Video duration in seconds (4-15 seconds) One of 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15; other values snap to the nearest. Default: 8. */
  duration?: number | null | undefined;
  /** Enable content safety filtering Default: false. */
  enableSafetyChecker?: boolean | null | undefined;
  /** Optional final frame for image-to-video generation */
  endFrame?: string | null | undefined;
  /** Whether to generate audio with the video Default: true. */
  generateAudio?: boolean | null | undefined;
  /** Video height in pixels. Default: 720. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** Output resolution tier (from the spec's REST examples; width/height choose the aspect ratio). Default: "RESOLUTION_720". */
  mode?: Seedance20Mode | null | undefined;
  /** Text description for video generation */
  prompt: string;
  /** Number of videos to generate Default: 1. */
  quantity?: number | null | undefined;
  /** Reference audio files for R2V generation (1-3 files, combined ≤15s). Refer to them as @Audio1, @Audio2, etc. */
  referenceAudioUrls?: Array<unknown> | null | undefined;
  /** Reference images for reference-guided video generation (1-9 images) */
  referenceImageUrls?: Array<unknown> | null | undefined;
  /** Reference videos for video-guided generation (1-3 videos) */
  referenceVideoUrls?: Array<unknown> | null | undefined;
  /** Random seed to control video generation (use -1 for random) Default: -1. */
  seed?: number | null | undefined;
  /** Image to use as first frame for image-to-video generation */
  startFrame?: string | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** Video width in pixels. Default: 1280. */
  width?: number | null | undefined;
};

/** Typed parameters of Seedream 4.0 Image (seedream-4.0). ~$0.01 per generation. */
export type Seedream40Params = {
  /** The spec's `height` parameter of Seedream 4.0 Image. Default: 1024. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `prompt` parameter of Seedream 4.0 Image. */
  prompt: string;
  /** The spec's `prompt_enhance` parameter of Seedream 4.0 Image. */
  promptEnhance?: boolean | null | undefined;
  /** The spec's `quantity` parameter of Seedream 4.0 Image. Default: 1. */
  quantity?: number | null | undefined;
  /** The spec's `seed` parameter of Seedream 4.0 Image. */
  seed?: number | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Seedream 4.0 Image. Default: 1024. */
  width?: number | null | undefined;
};

/** Typed parameters of Seedream 4.5 Image (seedream-4.5). ~$0.01 per generation. */
export type Seedream45Params = {
  /** The spec's `height` parameter of Seedream 4.5 Image. Default: 2048. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `prompt` parameter of Seedream 4.5 Image. */
  prompt: string;
  /** The spec's `prompt_enhance` parameter of Seedream 4.5 Image. */
  promptEnhance?: boolean | null | undefined;
  /** The spec's `quantity` parameter of Seedream 4.5 Image. Default: 1. */
  quantity?: number | null | undefined;
  /** The spec's `seed` parameter of Seedream 4.5 Image. */
  seed?: number | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Seedream 4.5 Image. Default: 2048. */
  width?: number | null | undefined;
};

/** The width of one point of the time series. */
export type SeriesStep =
  /** One point an hour (the default beyond 24 hours). */
  | 'HOUR'
  /** One point a minute (the default up to 24 hours). */
  | 'MINUTE';

/** The upstream the simulation assumes: pool, latencies, failures. */
export type SimulatedProviderInput = {
  /** The share of attempts that fail (0 to 1; default 0). */
  failureRate?: number | null | undefined;
  /** Per output kind; default: the simulated provider's (images 10-30 s, videos 60-300 s, 3D 30-120 s). */
  latency?: Array<LatencyRangeInput> | null | undefined;
  /** RANGE (default): the `latency` ranges; OBSERVED: this gateway's finished tasks, the ranges for a kind with too few. */
  latencyFrom?: LatencySource | null | undefined;
  /** Upstream attempts per task before it fails (default: the task driver's). */
  maxAttempts?: number | null | undefined;
  /** Upstream accounts (default: this gateway's). */
  poolSize?: number | null | undefined;
  /** The share of attempts that never answer (0 to 1; default 0). */
  stallRate?: number | null | undefined;
};

/** Typed parameters of Sora 2 (sora-2). ~$0.04 per generation. */
export type Sora2Params = {
  /** The spec's `duration` parameter of Sora 2. One of 4, 8, 12; other values snap to the nearest. Default: 4. */
  duration?: number | null | undefined;
  /** The spec's `height` parameter of Sora 2. One of 720, 1280; other values snap to the nearest. Default: 720. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `prompt` parameter of Sora 2. */
  prompt: string;
  /** The spec's `quantity` parameter of Sora 2. Default: 1. */
  quantity?: number | null | undefined;
  /** The spec's `start_frame` parameter of Sora 2. */
  startFrame?: string | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Sora 2. One of 1280, 720; other values snap to the nearest. Default: 1280. */
  width?: number | null | undefined;
};

/** The values of Sora 2 Pro's `mode` parameter (REST sends the value each names). */
export type Sora2ProMode =
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720'
  /** `mode`: "RESOLUTION_1080". */
  | 'RESOLUTION_1080';

/** Typed parameters of Sora 2 Pro (sora-2-pro). ~$0.12 per generation. */
export type Sora2ProParams = {
  /** The spec's `duration` parameter of Sora 2 Pro. One of 4, 8, 12; other values snap to the nearest. Default: 4. */
  duration?: number | null | undefined;
  /** The spec's `height` parameter of Sora 2 Pro. One of 720, 1280, 1024, 1792; other values snap to the nearest. Default: 720. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `mode` parameter of Sora 2 Pro. Default: "RESOLUTION_720". */
  mode?: Sora2ProMode | null | undefined;
  /** The spec's `prompt` parameter of Sora 2 Pro. */
  prompt: string;
  /** The spec's `quantity` parameter of Sora 2 Pro. Default: 1. */
  quantity?: number | null | undefined;
  /** The spec's `start_frame` parameter of Sora 2 Pro. */
  startFrame?: string | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Sora 2 Pro. One of 1280, 720, 1024, 1792; other values snap to the nearest. Default: 1280. */
  width?: number | null | undefined;
};

/** What changed. The first update of `taskUpdated` repeats the current state (QUEUED, PROCESSING, FINISHED or FAILED). */
export type TaskEventType =
  /** Failed for good; its charge was refunded. */
  | 'FAILED'
  /** Done: result URLs are in the task. */
  | 'FINISHED'
  /** Started on an upstream account. */
  | 'PROCESSING'
  /** Progress moved (steps of 10%). */
  | 'PROGRESS'
  /** Accepted and waiting for an upstream account (also after a retryable failure). */
  | 'QUEUED'
  /** Unfinished at its refund deadline: charge given back, generation goes on. */
  | 'REFUNDED';

/** Where a task is: QUEUED, PROCESSING, then FINISHED or FAILED (as REST's `status`). */
export type TaskStatus =
  /** Generation failed (charged cost refunded). */
  | 'FAILED'
  /** Done, result URLs available. */
  | 'FINISHED'
  /** Generation in progress. */
  | 'PROCESSING'
  /** Waiting for a free upstream account. */
  | 'QUEUED';

/** The values of Veo 3 Fast's `mode` parameter (REST sends the value each names). */
export type Veo30FastGenerate001Mode =
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720'
  /** `mode`: "RESOLUTION_1080". */
  | 'RESOLUTION_1080';

/** Typed parameters of Veo 3 Fast (veo-3.0-fast-generate-001). ~$0.06 per generation. */
export type Veo30FastGenerate001Params = {
  /** The spec's `duration` parameter of Veo 3 Fast. One of 4, 6, 8; other values snap to the nearest. Default: 8. */
  duration?: number | null | undefined;
  /** The spec's `height` parameter of Veo 3 Fast. One of 720, 1280, 1080, 1920; other values snap to the nearest. Default: 720. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `mode` parameter of Veo 3 Fast. Default: "RESOLUTION_720". */
  mode?: Veo30FastGenerate001Mode | null | undefined;
  /** The spec's `negative_prompt` parameter of Veo 3 Fast. */
  negativePrompt?: string | null | undefined;
  /** The spec's `prompt` parameter of Veo 3 Fast. */
  prompt: string;
  /** The spec's `quantity` parameter of Veo 3 Fast. Default: 1. */
  quantity?: number | null | undefined;
  /** The spec's `seed` parameter of Veo 3 Fast. */
  seed?: number | null | undefined;
  /** The spec's `start_frame` parameter of Veo 3 Fast. */
  startFrame?: string | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Veo 3 Fast. One of 1280, 720, 1920, 1080; other values snap to the nearest. Default: 1280. */
  width?: number | null | undefined;
};

/** The values of Veo 3's `mode` parameter (REST sends the value each names). */
export type Veo30Generate001Mode =
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720'
  /** `mode`: "RESOLUTION_1080". */
  | 'RESOLUTION_1080';

/** Typed parameters of Veo 3 (veo-3.0-generate-001). ~$0.13 per generation. */
export type Veo30Generate001Params = {
  /** The spec's `duration` parameter of Veo 3. One of 4, 6, 8; other values snap to the nearest. Default: 8. */
  duration?: number | null | undefined;
  /** The spec's `height` parameter of Veo 3. One of 720, 1080, 1280, 1920; other values snap to the nearest. Default: 720. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `mode` parameter of Veo 3. Default: "RESOLUTION_720". */
  mode?: Veo30Generate001Mode | null | undefined;
  /** The spec's `negative_prompt` parameter of Veo 3. */
  negativePrompt?: string | null | undefined;
  /** The spec's `prompt` parameter of Veo 3. */
  prompt: string;
  /** The spec's `quantity` parameter of Veo 3. Default: 1. */
  quantity?: number | null | undefined;
  /** The spec's `seed` parameter of Veo 3. */
  seed?: number | null | undefined;
  /** The spec's `start_frame` parameter of Veo 3. */
  startFrame?: string | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Veo 3. One of 720, 1080, 1280, 1920; other values snap to the nearest. Default: 1280. */
  width?: number | null | undefined;
};

/** The values of Veo 3.1 Fast's `mode` parameter (REST sends the value each names). */
export type Veo31FastGenerate001Mode =
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720'
  /** `mode`: "RESOLUTION_1080". */
  | 'RESOLUTION_1080'
  /** `mode`: "RESOLUTION_2160". */
  | 'RESOLUTION_2160';

/** Typed parameters of Veo 3.1 Fast (veo-3.1-fast-generate-001). ~$0.04 per generation. */
export type Veo31FastGenerate001Params = {
  /** The spec's `audio` parameter of Veo 3.1 Fast. */
  audio?: unknown;
  /** The spec's `duration` parameter of Veo 3.1 Fast. One of 4, 6, 8; other values snap to the nearest. Default: 8. */
  duration?: number | null | undefined;
  /** The spec's `end_frame` parameter of Veo 3.1 Fast. */
  endFrame?: string | null | undefined;
  /** The spec's `height` parameter of Veo 3.1 Fast. One of 720, 1080, 1280, 1920, 2160, 3840; other values snap to the nearest. Default: 720. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `mode` parameter of Veo 3.1 Fast. Default: "RESOLUTION_720". */
  mode?: Veo31FastGenerate001Mode | null | undefined;
  /** The spec's `motion_has_audio` parameter of Veo 3.1 Fast. Default: true. */
  motionHasAudio?: boolean | null | undefined;
  /** The spec's `negative_prompt` parameter of Veo 3.1 Fast. */
  negativePrompt?: string | null | undefined;
  /** The spec's `prompt` parameter of Veo 3.1 Fast. */
  prompt: string;
  /** The spec's `quantity` parameter of Veo 3.1 Fast. Default: 1. */
  quantity?: number | null | undefined;
  /** The spec's `seed` parameter of Veo 3.1 Fast. */
  seed?: number | null | undefined;
  /** The spec's `start_frame` parameter of Veo 3.1 Fast. */
  startFrame?: string | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Veo 3.1 Fast. One of 720, 1080, 1280, 1920, 2160, 3840; other values snap to the nearest. Default: 1280. */
  width?: number | null | undefined;
};

/** The values of Veo 3.1's `mode` parameter (REST sends the value each names). */
export type Veo31Generate001Mode =
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720'
  /** `mode`: "RESOLUTION_1080". */
  | 'RESOLUTION_1080'
  /** `mode`: "RESOLUTION_2160". */
  | 'RESOLUTION_2160';

/** Typed parameters of Veo 3.1 (veo-3.1-generate-001). ~$0.08 per generation. */
export type Veo31Generate001Params = {
  /** The spec's `audio` parameter of Veo 3.1. */
  audio?: unknown;
  /** The spec's `duration` parameter of Veo 3.1. One of 4, 6, 8; other values snap to the nearest. Default: 8. */
  duration?: number | null | undefined;
  /** The spec's `end_frame` parameter of Veo 3.1. */
  endFrame?: string | null | undefined;
  /** The spec's `height` parameter of Veo 3.1. One of 720, 1080, 1280, 1920, 2160, 3840; other values snap to the nearest. Default: 720. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `mode` parameter of Veo 3.1. Default: "RESOLUTION_720". */
  mode?: Veo31Generate001Mode | null | undefined;
  /** The spec's `motion_has_audio` parameter of Veo 3.1. Default: true. */
  motionHasAudio?: boolean | null | undefined;
  /** The spec's `negative_prompt` parameter of Veo 3.1. */
  negativePrompt?: string | null | undefined;
  /** The spec's `prompt` parameter of Veo 3.1. */
  prompt: string;
  /** The spec's `quantity` parameter of Veo 3.1. Default: 1. */
  quantity?: number | null | undefined;
  /** The spec's `seed` parameter of Veo 3.1. */
  seed?: number | null | undefined;
  /** The spec's `start_frame` parameter of Veo 3.1. */
  startFrame?: string | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Veo 3.1. One of 720, 1080, 1280, 1920, 2160, 3840; other values snap to the nearest. Default: 1280. */
  width?: number | null | undefined;
};

/** The values of Veo 3.1 Lite's `mode` parameter (REST sends the value each names). */
export type Veo31LiteMode =
  /** `mode`: "RESOLUTION_720". */
  | 'RESOLUTION_720'
  /** `mode`: "RESOLUTION_1080". */
  | 'RESOLUTION_1080';

/** Typed parameters of Veo 3.1 Lite (veo-3.1-lite). ~$0.02 per generation. */
export type Veo31LiteParams = {
  /** The spec's `audio` parameter of Veo 3.1 Lite. */
  audio?: unknown;
  /** The spec's `duration` parameter of Veo 3.1 Lite. One of 4, 6, 8; other values snap to the nearest. Default: 8. */
  duration?: number | null | undefined;
  /** The spec's `end_frame` parameter of Veo 3.1 Lite. */
  endFrame?: string | null | undefined;
  /** The spec's `height` parameter of Veo 3.1 Lite. One of 720, 1080, 1280, 1920; other values snap to the nearest. Default: 720. */
  height?: number | null | undefined;
  /** Upload ids (POST /api/upload) as images references. */
  images?: Array<string | number> | null | undefined;
  /** The spec's `mode` parameter of Veo 3.1 Lite. Default: "RESOLUTION_720". */
  mode?: Veo31LiteMode | null | undefined;
  /** The spec's `motion_has_audio` parameter of Veo 3.1 Lite. Default: true. */
  motionHasAudio?: boolean | null | undefined;
  /** The spec's `negative_prompt` parameter of Veo 3.1 Lite. */
  negativePrompt?: string | null | undefined;
  /** The spec's `prompt` parameter of Veo 3.1 Lite. */
  prompt: string;
  /** The spec's `quantity` parameter of Veo 3.1 Lite. Default: 1. */
  quantity?: number | null | undefined;
  /** The spec's `seed` parameter of Veo 3.1 Lite. */
  seed?: number | null | undefined;
  /** The spec's `start_frame` parameter of Veo 3.1 Lite. */
  startFrame?: string | null | undefined;
  /** Upload ids (POST /api/upload) as videos references. */
  videos?: Array<string | number> | null | undefined;
  /** The spec's `width` parameter of Veo 3.1 Lite. One of 720, 1080, 1280, 1920; other values snap to the nearest. Default: 1280. */
  width?: number | null | undefined;
};

/** A day (or up to 7) of traffic to simulate; README "What will a day cost?". */
export type WorkloadInput = {
  /** Default 24; at most 168. */
  horizonHours?: number | null | undefined;
  /** The keys the streams send with. */
  keys: Array<WorkloadKeyInput>;
  /** The upstream assumed (default: this gateway's simulated provider). */
  provider?: SimulatedProviderInput | null | undefined;
  /** Default 1; at most 100. */
  replications?: number | null | undefined;
  /** Seeds the random arrivals, latencies and failures (the same seed gives the same answer). */
  seed?: number | null | undefined;
  /** The time series' step (default: by the horizon). */
  seriesStep?: SeriesStep | null | undefined;
  /** ISO 8601 instant (default: today's UTC midnight). */
  start?: string | null | undefined;
  /** The traffic. */
  streams: Array<WorkloadStreamInput>;
  /** As GATEAI_TIME_SCALE: divides the generation clocks and latencies. */
  timeScale?: number | null | undefined;
};

/** An API key of the workload, with its daily budget. */
export type WorkloadKeyInput = {
  /** Default: the caller's own daily limit. */
  dailyLimitUsd?: number | null | undefined;
  /** A name for the key within this workload. */
  id: string;
};

/** One stream of identical requests from one key. */
export type WorkloadStreamInput = {
  /** When the requests arrive. */
  arrival: ArrivalInput;
  /** Hours from the start (default 0). */
  fromHour?: number | null | undefined;
  /** The id of one of the workload's keys. */
  key: string;
  /** RETRY: the most times one request is sent again. */
  maxRetries?: number | null | undefined;
  /** A label for the stream in the report. */
  name?: string | null | undefined;
  /** What the client does when rate limited (default DROP). */
  onRefusal?: RefusalBehaviour | null | undefined;
  /** The generation each request asks for, as `generate` takes it. */
  request: GenerateInput;
  /** Hours from the start (default: the horizon). */
  untilHour?: number | null | undefined;
};

export type TaskFieldsFragment = { id: string, model: string, output: OutputKind, status: TaskStatus, progress: number, cost: number, refunded: boolean, error: string | null, result: Array<string>, glbUrls: Array<string>, createdAt: string, finishedAt: string | null, adjustments: Array<{ param: string, from: unknown, to: unknown, reason: AdjustmentReason }> };

export type DashboardFieldsFragment = { budget: { dailyLimit: number, used: number, remaining: number, resetsAt: string }, concurrency: { used: number, max: number, available: number, activeSlots: Array<{ taskId: string, model: string | null, elapsed: number, takenAt: string }> }, activeTasks: Array<{ id: string, model: string, output: OutputKind, status: TaskStatus, progress: number, cost: number, refunded: boolean, error: string | null, result: Array<string>, glbUrls: Array<string>, createdAt: string, finishedAt: string | null, adjustments: Array<{ param: string, from: unknown, to: unknown, reason: AdjustmentReason }> }>, recentTasks: Array<{ id: string, model: string, output: OutputKind, status: TaskStatus, progress: number, cost: number, refunded: boolean, error: string | null, result: Array<string>, glbUrls: Array<string>, createdAt: string, finishedAt: string | null, adjustments: Array<{ param: string, from: unknown, to: unknown, reason: AdjustmentReason }> }>, todaySpending: Array<{ model: string, requests: number, cost: number }> };

export type ConsoleMeQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleMeQuery = { me:
    | { __typename: 'Dashboard', budget: { dailyLimit: number, used: number, remaining: number, resetsAt: string }, concurrency: { used: number, max: number, available: number, activeSlots: Array<{ taskId: string, model: string | null, elapsed: number, takenAt: string }> }, activeTasks: Array<{ id: string, model: string, output: OutputKind, status: TaskStatus, progress: number, cost: number, refunded: boolean, error: string | null, result: Array<string>, glbUrls: Array<string>, createdAt: string, finishedAt: string | null, adjustments: Array<{ param: string, from: unknown, to: unknown, reason: AdjustmentReason }> }>, recentTasks: Array<{ id: string, model: string, output: OutputKind, status: TaskStatus, progress: number, cost: number, refunded: boolean, error: string | null, result: Array<string>, glbUrls: Array<string>, createdAt: string, finishedAt: string | null, adjustments: Array<{ param: string, from: unknown, to: unknown, reason: AdjustmentReason }> }>, todaySpending: Array<{ model: string, requests: number, cost: number }> }
    | { __typename: 'Unauthorized', code: ErrorCode, message: string }
   };

export type ConsoleMeUpdatedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ConsoleMeUpdatedSubscription = { meUpdated:
    | { __typename: 'Dashboard', budget: { dailyLimit: number, used: number, remaining: number, resetsAt: string }, concurrency: { used: number, max: number, available: number, activeSlots: Array<{ taskId: string, model: string | null, elapsed: number, takenAt: string }> }, activeTasks: Array<{ id: string, model: string, output: OutputKind, status: TaskStatus, progress: number, cost: number, refunded: boolean, error: string | null, result: Array<string>, glbUrls: Array<string>, createdAt: string, finishedAt: string | null, adjustments: Array<{ param: string, from: unknown, to: unknown, reason: AdjustmentReason }> }>, recentTasks: Array<{ id: string, model: string, output: OutputKind, status: TaskStatus, progress: number, cost: number, refunded: boolean, error: string | null, result: Array<string>, glbUrls: Array<string>, createdAt: string, finishedAt: string | null, adjustments: Array<{ param: string, from: unknown, to: unknown, reason: AdjustmentReason }> }>, todaySpending: Array<{ model: string, requests: number, cost: number }> }
    | { __typename: 'Unauthorized', code: ErrorCode, message: string }
   };

export type ConsoleMyTasksSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ConsoleMyTasksSubscription = { myTasks:
    | { __typename: 'TaskNotFound', code: ErrorCode, message: string }
    | { __typename: 'TaskUpdate', type: TaskEventType, task: { id: string, model: string, output: OutputKind, status: TaskStatus, progress: number, cost: number, refunded: boolean, error: string | null, result: Array<string>, glbUrls: Array<string>, createdAt: string, finishedAt: string | null, adjustments: Array<{ param: string, from: unknown, to: unknown, reason: AdjustmentReason }> } }
    | { __typename: 'Unauthorized', code: ErrorCode, message: string }
   };

export type ConsoleTasksQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  status?: Array<TaskStatus> | TaskStatus | null | undefined;
}>;


export type ConsoleTasksQuery = { tasks:
    | { __typename: 'TaskConnection', nodes: Array<{ id: string, model: string, output: OutputKind, status: TaskStatus, progress: number, cost: number, refunded: boolean, error: string | null, result: Array<string>, glbUrls: Array<string>, createdAt: string, finishedAt: string | null, adjustments: Array<{ param: string, from: unknown, to: unknown, reason: AdjustmentReason }> }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } }
    | { __typename: 'Unauthorized', code: ErrorCode, message: string }
   };

export type ConsoleModelsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleModelsQuery = { models: Array<
    | { __typename: 'ImageModel', id: string, name: string, kind: ModelKind, output: OutputKind, costSummary: string, defaultCost: number, example: unknown }
    | { __typename: 'ThreeDModel', id: string, name: string, kind: ModelKind, output: OutputKind, costSummary: string, defaultCost: number, example: unknown }
    | { __typename: 'VideoModel', id: string, name: string, kind: ModelKind, output: OutputKind, costSummary: string, defaultCost: number, example: unknown }
  > };

export type ConsoleModelFormQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleModelFormQuery = { model:
    | { __typename: 'ImageModel', id: string, name: string, output: OutputKind, maxQuantity: number, requiredParams: Array<string>, resolutionParam: string | null, resolutionTiers: Array<string>, example: unknown, params: Array<
        | { __typename: 'AnyParam', name: string, required: boolean, description: string | null, specType: string }
        | { __typename: 'ArrayParam', name: string, required: boolean, description: string | null, specType: string }
        | { __typename: 'BooleanParam', name: string, required: boolean, description: string | null, specType: string, booleanDefault: boolean | null }
        | { __typename: 'EnumParam', name: string, required: boolean, description: string | null, specType: string, names: Array<string>, nameDefault: string | null }
        | { __typename: 'IntegerParam', min: number | null, max: number | null, step: number | null, name: string, required: boolean, description: string | null, specType: string, numberDefault: number | null }
        | { __typename: 'NumberParam', min: number | null, max: number | null, name: string, required: boolean, description: string | null, specType: string, numberDefault: number | null }
        | { __typename: 'NumericEnumParam', name: string, required: boolean, description: string | null, specType: string, numbers: Array<number>, numberDefault: number | null }
        | { __typename: 'ReferenceParam', name: string, required: boolean, description: string | null, specType: string }
        | { __typename: 'StringParam', minLength: number | null, maxLength: number | null, name: string, required: boolean, description: string | null, specType: string, nameDefault: string | null }
      > }
    | { __typename: 'InvalidParams', code: ErrorCode, message: string }
    | { __typename: 'ModelNotFound', code: ErrorCode, message: string }
    | { __typename: 'ThreeDModel', id: string, name: string, output: OutputKind, maxQuantity: number, requiredParams: Array<string>, resolutionParam: string | null, resolutionTiers: Array<string>, example: unknown, params: Array<
        | { __typename: 'AnyParam', name: string, required: boolean, description: string | null, specType: string }
        | { __typename: 'ArrayParam', name: string, required: boolean, description: string | null, specType: string }
        | { __typename: 'BooleanParam', name: string, required: boolean, description: string | null, specType: string, booleanDefault: boolean | null }
        | { __typename: 'EnumParam', name: string, required: boolean, description: string | null, specType: string, names: Array<string>, nameDefault: string | null }
        | { __typename: 'IntegerParam', min: number | null, max: number | null, step: number | null, name: string, required: boolean, description: string | null, specType: string, numberDefault: number | null }
        | { __typename: 'NumberParam', min: number | null, max: number | null, name: string, required: boolean, description: string | null, specType: string, numberDefault: number | null }
        | { __typename: 'NumericEnumParam', name: string, required: boolean, description: string | null, specType: string, numbers: Array<number>, numberDefault: number | null }
        | { __typename: 'ReferenceParam', name: string, required: boolean, description: string | null, specType: string }
        | { __typename: 'StringParam', minLength: number | null, maxLength: number | null, name: string, required: boolean, description: string | null, specType: string, nameDefault: string | null }
      > }
    | { __typename: 'VideoModel', id: string, name: string, output: OutputKind, maxQuantity: number, requiredParams: Array<string>, resolutionParam: string | null, resolutionTiers: Array<string>, example: unknown, durations: Array<number>, durationParam: string | null, params: Array<
        | { __typename: 'AnyParam', name: string, required: boolean, description: string | null, specType: string }
        | { __typename: 'ArrayParam', name: string, required: boolean, description: string | null, specType: string }
        | { __typename: 'BooleanParam', name: string, required: boolean, description: string | null, specType: string, booleanDefault: boolean | null }
        | { __typename: 'EnumParam', name: string, required: boolean, description: string | null, specType: string, names: Array<string>, nameDefault: string | null }
        | { __typename: 'IntegerParam', min: number | null, max: number | null, step: number | null, name: string, required: boolean, description: string | null, specType: string, numberDefault: number | null }
        | { __typename: 'NumberParam', min: number | null, max: number | null, name: string, required: boolean, description: string | null, specType: string, numberDefault: number | null }
        | { __typename: 'NumericEnumParam', name: string, required: boolean, description: string | null, specType: string, numbers: Array<number>, numberDefault: number | null }
        | { __typename: 'ReferenceParam', name: string, required: boolean, description: string | null, specType: string }
        | { __typename: 'StringParam', minLength: number | null, maxLength: number | null, name: string, required: boolean, description: string | null, specType: string, nameDefault: string | null }
      > }
   };

export type ConsoleEstimateQueryVariables = Exact<{
  input: GenerateInput;
}>;


export type ConsoleEstimateQuery = { estimate:
    | { __typename: 'Estimate', cost: number, fitsInBudget: boolean, dailyRemaining: number, cheapestCost: number | null, adjustments: Array<{ param: string, from: unknown, to: unknown, reason: AdjustmentReason }>, suggestion: { cost: number, params: unknown, adjustments: Array<{ param: string, from: unknown, to: unknown, reason: AdjustmentReason }> } | null }
    | { __typename: 'InvalidParams', code: ErrorCode, message: string, issues: Array<{ field: string, reason: string }> }
    | { __typename: 'ModelNotFound', code: ErrorCode, message: string }
    | { __typename: 'ModelUnavailable', code: ErrorCode, message: string }
    | { __typename: 'PromptTooLong', code: ErrorCode, message: string }
    | { __typename: 'QuantityTooHigh', code: ErrorCode, message: string }
    | { __typename: 'Unauthorized', code: ErrorCode, message: string }
   };

export type ConsoleGenerateMutationVariables = Exact<{
  input: GenerateInput;
  idempotencyKey?: string | null | undefined;
}>;


export type ConsoleGenerateMutation = { generate:
    | { __typename: 'GenerateSuccess', task: { id: string, model: string, output: OutputKind, status: TaskStatus, progress: number, cost: number, refunded: boolean, error: string | null, result: Array<string>, glbUrls: Array<string>, createdAt: string, finishedAt: string | null, adjustments: Array<{ param: string, from: unknown, to: unknown, reason: AdjustmentReason }> } }
    | { __typename: 'IdempotencyInProgress', code: ErrorCode, message: string }
    | { __typename: 'IdempotencyKeyReused', code: ErrorCode, message: string }
    | { __typename: 'InsufficientBudget', code: ErrorCode, message: string }
    | { __typename: 'InvalidParams', code: ErrorCode, message: string, issues: Array<{ field: string, reason: string }> }
    | { __typename: 'ModelNotFound', code: ErrorCode, message: string }
    | { __typename: 'ModelUnavailable', code: ErrorCode, message: string }
    | { __typename: 'PromptTooLong', code: ErrorCode, message: string }
    | { __typename: 'QuantityTooHigh', code: ErrorCode, message: string }
    | { __typename: 'RateLimited', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'Unauthorized', code: ErrorCode, message: string }
   };

export type ConsolePriceAcrossQueryVariables = Exact<{
  input: GenerateInput;
  across: string;
  by?: string | null | undefined;
}>;


export type ConsolePriceAcrossQuery = { priceAcross:
    | { __typename: 'InvalidParams', code: ErrorCode, message: string }
    | { __typename: 'ModelNotFound', code: ErrorCode, message: string }
    | { __typename: 'PriceTable', across: string, by: string | null, series: Array<{ by: unknown, points: Array<{ value: unknown, cost: number | null, error:
            | { code: ErrorCode, message: string }
            | { code: ErrorCode, message: string }
            | { code: ErrorCode, message: string }
            | { code: ErrorCode, message: string }
            | { code: ErrorCode, message: string }
            | { code: ErrorCode, message: string }
            | { code: ErrorCode, message: string }
            | { code: ErrorCode, message: string }
            | { code: ErrorCode, message: string }
            | { code: ErrorCode, message: string }
            | { code: ErrorCode, message: string }
            | { code: ErrorCode, message: string }
            | { code: ErrorCode, message: string }
           | null }> }> }
   };

export type ConsoleCheapestModelsQueryVariables = Exact<{
  need: NeedInput;
  first?: number | null | undefined;
}>;


export type ConsoleCheapestModelsQuery = { cheapestModels:
    | { __typename: 'InvalidParams', code: ErrorCode, message: string }
    | { __typename: 'ModelOptions', options: Array<{ cost: number, params: unknown, needsStartFrame: boolean, model:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         }> }
   };

export type ConsolePlanBudgetQueryVariables = Exact<{
  requests: Array<GenerateInput> | GenerateInput;
  budget?: number | null | undefined;
}>;


export type ConsolePlanBudgetQuery = { planBudget:
    | { __typename: 'BudgetPlan', startingBudget: number, totalCost: number, remaining: number, steps: Array<{ index: number, model: string, cost: number | null, requestedCost: number | null, remainingAfter: number, error:
          | { code: ErrorCode, message: string }
          | { code: ErrorCode, message: string }
          | { code: ErrorCode, message: string }
          | { code: ErrorCode, message: string }
          | { code: ErrorCode, message: string }
          | { code: ErrorCode, message: string }
          | { code: ErrorCode, message: string }
          | { code: ErrorCode, message: string }
          | { code: ErrorCode, message: string }
          | { code: ErrorCode, message: string }
          | { code: ErrorCode, message: string }
          | { code: ErrorCode, message: string }
          | { code: ErrorCode, message: string }
         | null }> }
    | { __typename: 'InvalidParams', code: ErrorCode, message: string }
    | { __typename: 'Unauthorized', code: ErrorCode, message: string }
   };

export type ConsoleCreateKeyMutationVariables = Exact<{
  label?: string | null | undefined;
  dailyLimit?: number | null | undefined;
}>;


export type ConsoleCreateKeyMutation = { createApiKey:
    | { __typename: 'CreatedApiKey', key: string, apiKey: { id: string, prefix: string, label: string | null, dailyLimit: number, hasOwnLimit: boolean, createdAt: string, revokedAt: string | null } }
    | { __typename: 'Forbidden', code: ErrorCode, message: string }
    | { __typename: 'InvalidParams', code: ErrorCode, message: string }
   };

export type ApiKeyFieldsFragment = { id: string, prefix: string, label: string | null, dailyLimit: number, hasOwnLimit: boolean, createdAt: string, revokedAt: string | null };

export type ConsoleSetLimitMutationVariables = Exact<{
  id: string | number;
  dailyLimit?: number | null | undefined;
}>;


export type ConsoleSetLimitMutation = { setDailyLimit:
    | { __typename: 'ApiKey', id: string, prefix: string, label: string | null, dailyLimit: number, hasOwnLimit: boolean, createdAt: string, revokedAt: string | null }
    | { __typename: 'Forbidden', code: ErrorCode, message: string }
    | { __typename: 'InvalidParams', code: ErrorCode, message: string }
    | { __typename: 'KeyNotFound', code: ErrorCode, message: string }
   };

export type ConsoleRevokeKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleRevokeKeyMutation = { revokeApiKey:
    | { __typename: 'ApiKey', id: string, prefix: string, label: string | null, dailyLimit: number, hasOwnLimit: boolean, createdAt: string, revokedAt: string | null }
    | { __typename: 'Forbidden', code: ErrorCode, message: string }
    | { __typename: 'InvalidParams', code: ErrorCode, message: string }
    | { __typename: 'KeyNotFound', code: ErrorCode, message: string }
   };

export type ConsoleSimulateQueryVariables = Exact<{
  workload: WorkloadInput;
}>;


export type ConsoleSimulateQuery = { simulate:
    | { __typename: 'InvalidParams', code: ErrorCode, message: string, issues: Array<{ field: string, reason: string }> }
    | { __typename: 'ModelNotFound', code: ErrorCode, message: string }
    | { __typename: 'ModelUnavailable', code: ErrorCode, message: string }
    | { __typename: 'PromptTooLong', code: ErrorCode, message: string }
    | { __typename: 'QuantityTooHigh', code: ErrorCode, message: string }
    | { __typename: 'RateLimited', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'SimulationReport', start: string, horizonHours: number, replications: number, seed: number, totals: { requests: number, calls: number, accepted: number, downgraded: number, savedUsd: number, refusedConcurrency: number, refusedWindow: number, refusedBudget: number, rateLimitedCalls: number, finished: number, failed: number, timedOut: number, retriedAttempts: number, refunded: number, refundedUsd: number, spendUsd: number }, bands: Array<{ name: string, p5: number, p50: number, p95: number }>, keyDays: Array<{ key: string, day: string, dailyLimitUsd: number, spendUsd: number, accepted: number, refusedBudget: number, exhaustedAt: string | null }>, models: Array<{ model: string, requests: number, accepted: number, downgraded: number, spendUsd: number, savedUsd: number }>, queueWaitSeconds: { count: number, p50: number | null, p95: number | null, p99: number | null }, completionSeconds: { count: number, p50: number | null, p95: number | null, p99: number | null }, series: { step: SeriesStep, points: Array<{ at: string, spendUsd: number, accepted: number, refused: number, inFlight: number, queueDepth: number }> } }
    | { __typename: 'Unauthorized', code: ErrorCode, message: string }
   };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const TaskFieldsFragmentDoc = new TypedDocumentString(`
    fragment TaskFields on Task {
  id
  model
  output
  status
  progress
  cost
  refunded
  error
  result
  glbUrls
  createdAt
  finishedAt
  adjustments {
    param
    from
    to
    reason
  }
}
    `, {"fragmentName":"TaskFields"}) as unknown as TypedDocumentString<TaskFieldsFragment, unknown>;
export const DashboardFieldsFragmentDoc = new TypedDocumentString(`
    fragment DashboardFields on Dashboard {
  budget {
    dailyLimit
    used
    remaining
    resetsAt
  }
  concurrency {
    used
    max
    available
    activeSlots {
      taskId
      model
      elapsed
      takenAt
    }
  }
  activeTasks {
    ...TaskFields
  }
  recentTasks {
    ...TaskFields
  }
  todaySpending {
    model
    requests
    cost
  }
}
    fragment TaskFields on Task {
  id
  model
  output
  status
  progress
  cost
  refunded
  error
  result
  glbUrls
  createdAt
  finishedAt
  adjustments {
    param
    from
    to
    reason
  }
}`, {"fragmentName":"DashboardFields"}) as unknown as TypedDocumentString<DashboardFieldsFragment, unknown>;
export const ApiKeyFieldsFragmentDoc = new TypedDocumentString(`
    fragment ApiKeyFields on ApiKey {
  id
  prefix
  label
  dailyLimit
  hasOwnLimit
  createdAt
  revokedAt
}
    `, {"fragmentName":"ApiKeyFields"}) as unknown as TypedDocumentString<ApiKeyFieldsFragment, unknown>;
export const ConsoleMeDocument = new TypedDocumentString(`
    query ConsoleMe {
  me {
    __typename
    ... on Dashboard {
      ...DashboardFields
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment TaskFields on Task {
  id
  model
  output
  status
  progress
  cost
  refunded
  error
  result
  glbUrls
  createdAt
  finishedAt
  adjustments {
    param
    from
    to
    reason
  }
}
fragment DashboardFields on Dashboard {
  budget {
    dailyLimit
    used
    remaining
    resetsAt
  }
  concurrency {
    used
    max
    available
    activeSlots {
      taskId
      model
      elapsed
      takenAt
    }
  }
  activeTasks {
    ...TaskFields
  }
  recentTasks {
    ...TaskFields
  }
  todaySpending {
    model
    requests
    cost
  }
}`) as unknown as TypedDocumentString<ConsoleMeQuery, ConsoleMeQueryVariables>;
export const ConsoleMeUpdatedDocument = new TypedDocumentString(`
    subscription ConsoleMeUpdated {
  meUpdated {
    __typename
    ... on Dashboard {
      ...DashboardFields
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment TaskFields on Task {
  id
  model
  output
  status
  progress
  cost
  refunded
  error
  result
  glbUrls
  createdAt
  finishedAt
  adjustments {
    param
    from
    to
    reason
  }
}
fragment DashboardFields on Dashboard {
  budget {
    dailyLimit
    used
    remaining
    resetsAt
  }
  concurrency {
    used
    max
    available
    activeSlots {
      taskId
      model
      elapsed
      takenAt
    }
  }
  activeTasks {
    ...TaskFields
  }
  recentTasks {
    ...TaskFields
  }
  todaySpending {
    model
    requests
    cost
  }
}`) as unknown as TypedDocumentString<ConsoleMeUpdatedSubscription, ConsoleMeUpdatedSubscriptionVariables>;
export const ConsoleMyTasksDocument = new TypedDocumentString(`
    subscription ConsoleMyTasks {
  myTasks {
    __typename
    ... on TaskUpdate {
      type
      task {
        ...TaskFields
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment TaskFields on Task {
  id
  model
  output
  status
  progress
  cost
  refunded
  error
  result
  glbUrls
  createdAt
  finishedAt
  adjustments {
    param
    from
    to
    reason
  }
}`) as unknown as TypedDocumentString<ConsoleMyTasksSubscription, ConsoleMyTasksSubscriptionVariables>;
export const ConsoleTasksDocument = new TypedDocumentString(`
    query ConsoleTasks($first: Int, $after: String, $status: [TaskStatus!]) {
  tasks(first: $first, after: $after, status: $status) {
    __typename
    ... on TaskConnection {
      nodes {
        ...TaskFields
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment TaskFields on Task {
  id
  model
  output
  status
  progress
  cost
  refunded
  error
  result
  glbUrls
  createdAt
  finishedAt
  adjustments {
    param
    from
    to
    reason
  }
}`) as unknown as TypedDocumentString<ConsoleTasksQuery, ConsoleTasksQueryVariables>;
export const ConsoleModelsDocument = new TypedDocumentString(`
    query ConsoleModels {
  models {
    __typename
    ... on AiModel {
      id
      name
      kind
      output
      costSummary
      defaultCost
      example
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleModelsQuery, ConsoleModelsQueryVariables>;
export const ConsoleModelFormDocument = new TypedDocumentString(`
    query ConsoleModelForm($id: ID!) {
  model(id: $id) {
    __typename
    ... on AiModel {
      id
      name
      output
      maxQuantity
      requiredParams
      resolutionParam
      resolutionTiers
      example
      params {
        __typename
        name
        required
        description
        specType
        ... on EnumParam {
          names: values
          nameDefault: default
        }
        ... on NumericEnumParam {
          numbers: values
          numberDefault: default
        }
        ... on IntegerParam {
          min
          max
          step
          numberDefault: default
        }
        ... on NumberParam {
          min
          max
          numberDefault: default
        }
        ... on BooleanParam {
          booleanDefault: default
        }
        ... on StringParam {
          minLength
          maxLength
          nameDefault: default
        }
      }
    }
    ... on VideoModel {
      durations
      durationParam
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleModelFormQuery, ConsoleModelFormQueryVariables>;
export const ConsoleEstimateDocument = new TypedDocumentString(`
    query ConsoleEstimate($input: GenerateInput!) {
  estimate(input: $input) {
    __typename
    ... on Estimate {
      cost
      fitsInBudget
      dailyRemaining
      cheapestCost
      adjustments {
        param
        from
        to
        reason
      }
      suggestion {
        cost
        params
        adjustments {
          param
          from
          to
          reason
        }
      }
    }
    ... on InvalidParams {
      issues {
        field
        reason
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleEstimateQuery, ConsoleEstimateQueryVariables>;
export const ConsoleGenerateDocument = new TypedDocumentString(`
    mutation ConsoleGenerate($input: GenerateInput!, $idempotencyKey: String) {
  generate(input: $input, idempotencyKey: $idempotencyKey) {
    __typename
    ... on GenerateSuccess {
      task {
        ...TaskFields
      }
    }
    ... on InvalidParams {
      issues {
        field
        reason
      }
    }
    ... on RateLimited {
      retryAfterSeconds
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment TaskFields on Task {
  id
  model
  output
  status
  progress
  cost
  refunded
  error
  result
  glbUrls
  createdAt
  finishedAt
  adjustments {
    param
    from
    to
    reason
  }
}`) as unknown as TypedDocumentString<ConsoleGenerateMutation, ConsoleGenerateMutationVariables>;
export const ConsolePriceAcrossDocument = new TypedDocumentString(`
    query ConsolePriceAcross($input: GenerateInput!, $across: String!, $by: String) {
  priceAcross(input: $input, across: $across, by: $by) {
    __typename
    ... on PriceTable {
      across
      by
      series {
        by
        points {
          value
          cost
          error {
            code
            message
          }
        }
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ConsolePriceAcrossQuery, ConsolePriceAcrossQueryVariables>;
export const ConsoleCheapestModelsDocument = new TypedDocumentString(`
    query ConsoleCheapestModels($need: NeedInput!, $first: Int) {
  cheapestModels(need: $need, first: $first) {
    __typename
    ... on ModelOptions {
      options {
        cost
        params
        needsStartFrame
        model {
          id
          name
        }
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleCheapestModelsQuery, ConsoleCheapestModelsQueryVariables>;
export const ConsolePlanBudgetDocument = new TypedDocumentString(`
    query ConsolePlanBudget($requests: [GenerateInput!]!, $budget: Float) {
  planBudget(requests: $requests, budget: $budget) {
    __typename
    ... on BudgetPlan {
      startingBudget
      totalCost
      remaining
      steps {
        index
        model
        cost
        requestedCost
        remainingAfter
        error {
          code
          message
        }
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ConsolePlanBudgetQuery, ConsolePlanBudgetQueryVariables>;
export const ConsoleCreateKeyDocument = new TypedDocumentString(`
    mutation ConsoleCreateKey($label: String, $dailyLimit: Float) {
  createApiKey(label: $label, dailyLimit: $dailyLimit) {
    __typename
    ... on CreatedApiKey {
      key
      apiKey {
        ...ApiKeyFields
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment ApiKeyFields on ApiKey {
  id
  prefix
  label
  dailyLimit
  hasOwnLimit
  createdAt
  revokedAt
}`) as unknown as TypedDocumentString<ConsoleCreateKeyMutation, ConsoleCreateKeyMutationVariables>;
export const ConsoleSetLimitDocument = new TypedDocumentString(`
    mutation ConsoleSetLimit($id: ID!, $dailyLimit: Float) {
  setDailyLimit(id: $id, dailyLimit: $dailyLimit) {
    __typename
    ... on ApiKey {
      ...ApiKeyFields
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment ApiKeyFields on ApiKey {
  id
  prefix
  label
  dailyLimit
  hasOwnLimit
  createdAt
  revokedAt
}`) as unknown as TypedDocumentString<ConsoleSetLimitMutation, ConsoleSetLimitMutationVariables>;
export const ConsoleRevokeKeyDocument = new TypedDocumentString(`
    mutation ConsoleRevokeKey($id: ID!) {
  revokeApiKey(id: $id) {
    __typename
    ... on ApiKey {
      ...ApiKeyFields
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment ApiKeyFields on ApiKey {
  id
  prefix
  label
  dailyLimit
  hasOwnLimit
  createdAt
  revokedAt
}`) as unknown as TypedDocumentString<ConsoleRevokeKeyMutation, ConsoleRevokeKeyMutationVariables>;
export const ConsoleSimulateDocument = new TypedDocumentString(`
    query ConsoleSimulate($workload: WorkloadInput!) {
  simulate(workload: $workload) {
    __typename
    ... on SimulationReport {
      start
      horizonHours
      replications
      seed
      totals {
        requests
        calls
        accepted
        downgraded
        savedUsd
        refusedConcurrency
        refusedWindow
        refusedBudget
        rateLimitedCalls
        finished
        failed
        timedOut
        retriedAttempts
        refunded
        refundedUsd
        spendUsd
      }
      bands {
        name
        p5
        p50
        p95
      }
      keyDays {
        key
        day
        dailyLimitUsd
        spendUsd
        accepted
        refusedBudget
        exhaustedAt
      }
      models {
        model
        requests
        accepted
        downgraded
        spendUsd
        savedUsd
      }
      queueWaitSeconds {
        count
        p50
        p95
        p99
      }
      completionSeconds {
        count
        p50
        p95
        p99
      }
      series {
        step
        points {
          at
          spendUsd
          accepted
          refused
          inFlight
          queueDepth
        }
      }
    }
    ... on InvalidParams {
      issues {
        field
        reason
      }
    }
    ... on RateLimited {
      retryAfterSeconds
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleSimulateQuery, ConsoleSimulateQueryVariables>;