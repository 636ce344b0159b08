/**
 * Rules between parameters that the spec states in prose (descriptions), as data.
 *
 * `above`: when `param` exceeds `value`, each param in `require` must take one of its listed
 * values. When violated, a defaulted param yields to an explicit one; when both were sent,
 * the duration yields (it is snapped down to `value`).
 * `needs`: `param` may only be sent together with one of `with`.
 */
export type ParamRule =
  | {
      readonly kind: "above";
      readonly param: string;
      readonly value: number;
      readonly require: Readonly<Record<string, readonly (string | number)[]>>;
      readonly source: string;
    }
  | { readonly kind: "needs"; readonly param: string; readonly with: readonly string[]; readonly source: string };

const hailuo: readonly ParamRule[] = [
  {
    kind: "above",
    param: "durationSeconds",
    value: 6,
    require: { resolution: ["768p"] },
    source: "durationSeconds: 1080P supports only 6 seconds",
  },
];

/** Alternative names the spec's inline reference fields give a start frame. */
export const START_FRAME_ALIASES = ["first_frame", "start_image_url", "image", "input_image", "image_url"] as const;

const ltxv23EndFrame: ParamRule = {
  kind: "needs",
  param: "end_frame",
  with: ["start_frame", ...START_FRAME_ALIASES],
  source: "end_frame: Requires start_frame.",
};

export const paramRules: Readonly<Record<string, readonly ParamRule[]>> = {
  "hailuo-2_3": hailuo,
  "hailuo-2_3-fast": hailuo,
  "ltxv-2.3-fast": [
    {
      kind: "above",
      param: "durationSeconds",
      value: 10,
      require: { fps: [25], resolution: ["1080p"] },
      source: "durationSeconds: Durations over 10s require 25fps and 1080p resolution.",
    },
    ltxv23EndFrame,
  ],
  "ltxv-2.3-pro": [ltxv23EndFrame],
};
