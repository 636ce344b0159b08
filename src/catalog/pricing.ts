import type { SizeTier } from "./types.ts";

/**
 * How each model is priced: data the engine's `price` interprets.
 *
 * cost = usd
 *        × (pixels / per.pixels)     when `per.pixels` is set ("per 1024×1024 image", "pixel×duration")
 *        × (seconds / per.seconds)   when `per.seconds` is set (video duration)
 *        × (quantity / per.quantity) when `per.quantity` is set (images per request)
 *        × factors[param][value]     (quality tiers, modes, resolution tiers priced by name)
 *        × tierFactors[size tier]    (the Small/Medium/Large tier of the snapped size)
 * unless a price point matches, which replaces the result.
 *
 * Every figure the spec prints comes out equal at its printed precision (test/engine/printed-prices.test.ts).
 * Where the spec prints no figure, the choice is written in docs/spec-notes.md.
 */
export interface PriceRule {
  /** US dollars for one request at the reference point. */
  readonly usd: number;
  /** The reference point `usd` is quoted at; each present dimension scales the price linearly. */
  readonly per?: { readonly pixels?: number; readonly seconds?: number; readonly quantity?: number };
  readonly factors?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly tierFactors?: Readonly<Partial<Record<SizeTier, number>>>;
  /** Printed figures no smooth rule reproduces, kept exactly: when every `when` param matches, the cost is `usd`. */
  readonly pricePoints?: readonly { readonly when: Readonly<Record<string, string | number>>; readonly usd: number; readonly source: string }[];
}

const MP_1024 = 1024 * 1024;
const P720 = 1280 * 720;
const P1080 = 1920 * 1080;

/** "$0.00 per 1024×1024 image": under half a cent; we charge a fifth of a cent. */
const NEAR_FREE_IMAGE = 0.002;

const perImage = (usd: number, extra: Partial<PriceRule> = {}): PriceRule => ({
  usd,
  per: { pixels: MP_1024, quantity: 1 },
  ...extra,
});
/** "per generation" at the model's default quantity: each image costs usd / defaultQuantity. */
const perGeneration = (usd: number, defaultQuantity = 1, extra: Partial<PriceRule> = {}): PriceRule => ({
  usd,
  per: { quantity: defaultQuantity },
  ...extra,
});
const perVideo = (usd: number, seconds: number, extra: Partial<PriceRule> = {}): PriceRule => ({
  usd,
  per: { seconds },
  ...extra,
});
const perVideoPixels = (usd: number, seconds: number, pixels: number, extra: Partial<PriceRule> = {}): PriceRule => ({
  usd,
  per: { seconds, pixels },
  ...extra,
});

/** FAST / QUALITY / ULTRA render modes of the Leonardo-style models. */
const renderModes = { mode: { FAST: 1, QUALITY: 1.5, ULTRA: 2 } };
/** Size tiers of the Gemini image models: 2K costs double 1K, 4K double again. */
const geminiTiers = { Small: 1, Medium: 2, Large: 4 } as const;
/** OpenAI's medium:low and high:medium ratios (about 1:4 each), anchored at the printed medium price. */
const openAiQuality = { quality: { low: 0.25, medium: 1, high: 4 } };
/** Hailuo renders 768p for 85% of the 1080p price: both print as "~$0.04". */
const hailuoResolution = { resolution: { "768p": 0.85, "1080p": 1 } };

export const pricing: Readonly<Record<string, PriceRule>> = {
  // --- image section ---
  "auto-image": perGeneration(0.02),
  "flux-dev": perImage(NEAR_FREE_IMAGE, { factors: { mode: { FAST: 1, ULTRA: 2 } } }),
  "flux-kontext-max": perGeneration(0.04, 4),
  "flux-kontext-pro": perGeneration(0.02, 4),
  "flux-pro-2.0": perImage(0.01),
  "flux-schnell": perImage(NEAR_FREE_IMAGE),
  "gemini-2.5-flash-image": perGeneration(0.02),
  "gemini-image-2": perGeneration(0.06, 1, { tierFactors: geminiTiers }),
  "gpt-image-1": perImage(0.01, { factors: openAiQuality }),
  "gpt-image-1.5": perImage(0.01, { factors: openAiQuality }),
  // Printed: LOW ~$0.003 and HIGH ~$0.11 at 1024×1024. MEDIUM is not printed: OpenAI prices
  // medium at about a quarter of high, so $0.028.
  "gpt-image-2": perImage(0.003, { factors: { quality: { low: 1, medium: 0.028 / 0.003, high: 0.11 / 0.003 } } }),
  // Printed: TURBO ~$0.01 and the default BALANCED ~$0.01; Ideogram's own ratio is 1:2:3.
  "ideogram-v3.0": perGeneration(0.012, 1, { factors: { mode: { TURBO: 0.5, BALANCED: 1, QUALITY: 1.5 } } }),
  "kino-xl": perImage(NEAR_FREE_IMAGE),
  "cortex_1.0": perGeneration(0.01),
  "nano-banana-2": perGeneration(0.03, 1, { tierFactors: geminiTiers }),
  "recraft-v4": perGeneration(0.02, 4),
  "recraft-v4-pro": perGeneration(0.1, 4),
  "seedream-4.0": perGeneration(0.01),
  "seedream-4.5": perGeneration(0.01),

  // --- video section ---
  "auto-video": perVideo(0.13, 8),
  "hailuo-2_3": perVideo(0.044, 6, { factors: hailuoResolution }),
  "hailuo-2_3-fast": perVideo(0.032, 6, { factors: hailuoResolution }),
  "happy-horse": perVideo(0.06, 5),
  "kling-2.1-pro": perVideo(0.04, 5),
  "kling-2.5": perVideoPixels(0.03, 5, P1080),
  "kling-2.5-turbo-standard": perVideo(0.02, 5),
  "kling-2.6": perVideo(0.06, 5),
  "kling-3.0": perVideoPixels(0.03, 5, P1080),
  "kling-video-o-1": perVideo(0.04, 5),
  // Free width/height: the mode prices the tier, by its pixel count relative to 1080p.
  "kling-video-o-3": perVideo(0.07, 5, {
    factors: { mode: { RESOLUTION_720: P720 / P1080, RESOLUTION_1080: 1, RESOLUTION_2160: 4 } },
  }),
  "ltxv-2.0-fast": perVideoPixels(0.02, 6, P1080),
  "ltxv-2.0-pro": perVideoPixels(0.02, 6, P1080),
  "ltxv-2.0-ultra": perVideoPixels(0.02, 8, P1080),
  "ltxv-2.3-fast": perVideoPixels(0.02, 6, P1080),
  "ltxv-2.3-pro": perVideoPixels(0.02, 6, P1080),
  "lucid-origin": perImage(NEAR_FREE_IMAGE, { factors: { mode: { FAST: 1, ULTRA: 2 } } }),
  "lucid-realism": perImage(NEAR_FREE_IMAGE, { factors: { mode: { FAST: 1, ULTRA: 2 } } }),
  "cortex_2.0": { usd: 0.08, per: { pixels: 832 * 480 } },
  "cortex_2.0-fast": { usd: 0.03, per: { pixels: 832 * 480 } },
  "cortex-v0.9": perImage(NEAR_FREE_IMAGE, { factors: renderModes }),
  "cortex-v1.0": perImage(NEAR_FREE_IMAGE, { factors: renderModes }),
  // "pixel×duration based": a rate per second at 720p (ByteDance's 1248×704 for Seedance 1.0),
  // chosen inside the interval that reproduces both printed figures (4 s and 15 s).
  "seedance-1.0-pro": perVideoPixels(0.022, 1, 1248 * 704),
  "seedance-1.0-pro-fast": perVideoPixels(0.0088, 1, 1248 * 704),
  "seedance-2.0": perVideoPixels(0.1233, 1, P720, {
    // 1080p 15 s prints ~$11.25, while 1080p 12 s prints ~$3.33 (linear would give ~$4.16).
    pricePoints: [{ when: { mode: "RESOLUTION_1080", duration: 15 }, usd: 11.25, source: "Cost Calculation: Seedance 2.0, 1080p, 15s" }],
  }),
  "seedance-2.0-fast": perVideoPixels(0.0988, 1, P720),
  "sora-2": perVideo(0.04, 4),
  "sora-2-pro": perVideoPixels(0.12, 4, P720),
  "veo-3.0-fast-generate-001": perVideoPixels(0.06, 8, P720),
  "veo-3.0-generate-001": perVideoPixels(0.13, 8, P720),
  "veo-3.1-fast-generate-001": perVideoPixels(0.04, 8, P720),
  "veo-3.1-generate-001": perVideoPixels(0.08, 8, P720),
  "veo-3.1-lite": perVideoPixels(0.02, 8, P720),

  // --- 3D ---
  "rodin-v2": { usd: 0.16, factors: { quality: { extra_low: 0.25, low: 0.5, medium: 0.75, high: 1 } } },
};
