import type { ParamSpec, Resolution } from "./types.ts";

/**
 * Resolution tiers the spec implies but does not print.
 *
 * Many video models choose their output size with a tier parameter (`mode: RESOLUTION_720 |
 * RESOLUTION_1080 | ...`, or `resolution: 768p | 1080p | ...`) while their "Supported
 * Resolutions" table shows only the sizes of one tier. Here each tier value lists its sizes,
 * one per aspect-ratio label, so the engine can snap width/height within the chosen tier and
 * the budget fit can step a tier down. Sizes of the unprinted tiers keep the printed table's
 * labels and come from the model's own width/height enums where the spec lists them
 * (e.g. sora-2-pro 1792×1024, kling-3.0 3840×2160 and 2880×2880); otherwise they scale the
 * printed sizes by the tier's short side (720 → 1080 is ×1.5).
 *
 * Seedance models print no table at all (their cost is "pixel×duration based"): their sizes
 * are ByteDance's published ones for each tier, and Seedance 2.0 gets the `mode` parameter its
 * REST examples use (`"mode": "RESOLUTION_720"`).
 */
export interface ResolutionTiers {
  /** The parameter whose value selects the tier. */
  readonly param: string;
  /** Tier values from lowest to highest; each with its sizes, or none where size is free (a dimension range). */
  readonly tiers: readonly { readonly value: string; readonly sizes?: readonly Resolution[] }[];
  /** A parameter that names the aspect ratio and must agree with the chosen size (LTXV `aspect_ratio`). */
  readonly aspectParam?: string;
  /** The tier parameter when the spec's table lacks it. */
  readonly addedParam?: ParamSpec;
}

const pair = (label: string, width: number, height: number): Resolution => ({ label, width, height });

const landscapePortraitSquare = (w: number, h: number, square: number): readonly Resolution[] => [
  pair("1:1", square, square),
  pair("16:9", w, h),
  pair("9:16", h, w),
];
const landscapePortrait = (w: number, h: number): readonly Resolution[] => [pair("16:9", w, h), pair("9:16", h, w)];

const kling = {
  RESOLUTION_720: landscapePortraitSquare(1280, 720, 960),
  RESOLUTION_1080: landscapePortraitSquare(1920, 1080, 1440),
  RESOLUTION_2160: landscapePortraitSquare(3840, 2160, 2880),
};
const veo = {
  RESOLUTION_720: landscapePortrait(1280, 720),
  RESOLUTION_1080: landscapePortrait(1920, 1080),
  RESOLUTION_2160: landscapePortrait(3840, 2160),
};
const ltxvSizes = {
  "1080": landscapePortrait(1920, 1080),
  "1440": landscapePortrait(2560, 1440),
  "2160": landscapePortrait(3840, 2160),
};
const cortexVideo = {
  RESOLUTION_480: [pair("2:3", 512, 768), pair("4:5", 576, 720), pair("16:9", 832, 480), pair("9:16", 480, 832)],
  RESOLUTION_720: [pair("2:3", 768, 1152), pair("4:5", 864, 1080), pair("16:9", 1248, 720), pair("9:16", 720, 1248)],
};

const seedance2 = {
  RESOLUTION_720: [
    pair("16:9", 1280, 720),
    pair("4:3", 1112, 834),
    pair("1:1", 960, 960),
    pair("3:4", 834, 1112),
    pair("9:16", 720, 1280),
    pair("21:9", 1470, 630),
  ],
  RESOLUTION_1080: [
    pair("16:9", 1920, 1080),
    pair("4:3", 1664, 1248),
    pair("1:1", 1440, 1440),
    pair("3:4", 1248, 1664),
    pair("9:16", 1080, 1920),
    pair("21:9", 2206, 946),
  ],
};

const seedanceModeParam: ParamSpec = {
  name: "mode",
  type: "enum",
  specType: "RESOLUTION_720 / RESOLUTION_1080",
  required: false,
  values: ["RESOLUTION_720", "RESOLUTION_1080"],
  default: "RESOLUTION_720",
  description: "Output resolution tier (from the spec's REST examples; width/height choose the aspect ratio).",
};

const tiersOf = <K extends string>(param: string, table: Readonly<Record<K, readonly Resolution[]>>, order: readonly K[]) => ({
  param,
  tiers: order.map((value) => ({ value, sizes: table[value] })),
});

const klingModes = tiersOf("mode", kling, ["RESOLUTION_720", "RESOLUTION_1080", "RESOLUTION_2160"]);
const veoTwo = tiersOf("mode", veo, ["RESOLUTION_720", "RESOLUTION_1080"]);
const veoThree = tiersOf("mode", veo, ["RESOLUTION_720", "RESOLUTION_1080", "RESOLUTION_2160"]);
const ltxvResolution: ResolutionTiers = {
  param: "resolution",
  aspectParam: "aspect_ratio",
  tiers: [
    { value: "1080p", sizes: ltxvSizes["1080"] },
    { value: "1440p", sizes: ltxvSizes["1440"] },
    { value: "2160p", sizes: ltxvSizes["2160"] },
  ],
};

export const resolutionTiers: Readonly<Record<string, ResolutionTiers>> = {
  "kling-2.5": tiersOf("mode", kling, ["RESOLUTION_720", "RESOLUTION_1080"]),
  "kling-3.0": klingModes,
  // Free width/height (0 = auto): the mode alone sets the tier.
  "kling-video-o-3": {
    param: "mode",
    tiers: [{ value: "RESOLUTION_720" }, { value: "RESOLUTION_1080" }, { value: "RESOLUTION_2160" }],
  },
  "veo-3.0-fast-generate-001": veoTwo,
  "veo-3.0-generate-001": veoTwo,
  "veo-3.1-fast-generate-001": veoThree,
  "veo-3.1-generate-001": veoThree,
  "veo-3.1-lite": veoTwo,
  "sora-2-pro": {
    param: "mode",
    tiers: [
      { value: "RESOLUTION_720", sizes: landscapePortrait(1280, 720) },
      { value: "RESOLUTION_1080", sizes: landscapePortrait(1792, 1024) },
    ],
  },
  "cortex_2.0": tiersOf("mode", cortexVideo, ["RESOLUTION_480", "RESOLUTION_720"]),
  "cortex_2.0-fast": tiersOf("mode", cortexVideo, ["RESOLUTION_480", "RESOLUTION_720"]),
  "ltxv-2.0-ultra": {
    param: "mode",
    tiers: [
      { value: "RESOLUTION_1080", sizes: ltxvSizes["1080"] },
      { value: "RESOLUTION_1440", sizes: ltxvSizes["1440"] },
      { value: "RESOLUTION_2160", sizes: ltxvSizes["2160"] },
    ],
  },
  "ltxv-2.0-fast": ltxvResolution,
  "ltxv-2.0-pro": ltxvResolution,
  "ltxv-2.3-fast": ltxvResolution,
  "ltxv-2.3-pro": ltxvResolution,
  // Hailuo has no width/height parameters: its "Valid Widths/Heights" are what each tier renders.
  "hailuo-2_3": { param: "resolution", tiers: [{ value: "768p" }, { value: "1080p" }] },
  "hailuo-2_3-fast": { param: "resolution", tiers: [{ value: "768p" }, { value: "1080p" }] },
  "seedance-2.0": { addedParam: seedanceModeParam, ...tiersOf("mode", seedance2, ["RESOLUTION_720", "RESOLUTION_1080"]) },
  "seedance-2.0-fast": { addedParam: seedanceModeParam, ...tiersOf("mode", seedance2, ["RESOLUTION_720", "RESOLUTION_1080"]) },
};

/**
 * Size tables for models whose spec prints none but whose size is a fixed set of tiers
 * (Seedance 1.0: 480p, 720p, 1080p; ByteDance's published sizes). Treated like the
 * printed "aspect ratio × size tier" tables.
 */
const seedance1: readonly Resolution[] = [
  ...[
    ["16:9", 864, 480, 1248, 704, 1920, 1088],
    ["4:3", 736, 544, 1120, 832, 1664, 1248],
    ["1:1", 640, 640, 960, 960, 1440, 1440],
    ["3:4", 544, 736, 832, 1120, 1248, 1664],
    ["9:16", 480, 864, 704, 1248, 1088, 1920],
    ["21:9", 960, 416, 1504, 640, 2176, 928],
  ].flatMap(([label, sw, sh, mw, mh, lw, lh]) => [
    { label: label as string, width: sw as number, height: sh as number, tier: "Small" as const },
    { label: label as string, width: mw as number, height: mh as number, tier: "Medium" as const },
    { label: label as string, width: lw as number, height: lh as number, tier: "Large" as const },
  ]),
];

export const impliedResolutions: Readonly<Record<string, readonly Resolution[]>> = {
  "seedance-1.0-pro": seedance1,
  "seedance-1.0-pro-fast": seedance1,
};
