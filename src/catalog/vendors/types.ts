/**
 * The routing table's vocabulary: which vendor runs a catalog model, under which of its ids, and
 * how our normalized params become the vendor's input. Plain data; `translate.ts` interprets it.
 */

/** A vendor protocol the gateway drives. */
export type VendorId = "fal" | "replicate" | "openai";

export const VENDORS: readonly VendorId[] = ["fal", "replicate", "openai"];

/** How width/height become the vendor's size field. */
export type SizeRule =
  /** fal's custom `image_size: {width, height}`. */
  | { readonly kind: "width-height-object"; readonly to: string }
  /** The nearest of the vendor's aspect ratios (by log ratio), as the vendor spells it. */
  | { readonly kind: "aspect-ratio"; readonly to: string; readonly ratios: readonly string[]; readonly names?: Readonly<Record<string, string>> }
  /** The vendor's `WxH` string (OpenAI `size`): the nearest of `sizes`, or exact when `sizes` is absent. */
  | { readonly kind: "size-string"; readonly to: string; readonly sizes?: readonly string[] }
  /** Separate width and height fields; each side within [min, max] when given, else refused. */
  | { readonly kind: "pixels"; readonly width: string; readonly height: string; readonly min?: number; readonly max?: number };

/** A resolution label from the short side (720 → "720p"), or from the pixel count's size tier (Gemini's 1K/2K/4K). */
export type ResolutionRule =
  | {
      readonly to: string;
      /** short side in pixels → the vendor's label, e.g. {720: "720p", 1080: "1080p"}: the smallest ≥ short side. */
      readonly byShortSide: Readonly<Record<number, string>>;
    }
  | {
      readonly to: string;
      /** most pixels (width × height) of a tier → its label: the smallest tier that holds the size; past the largest, refused. */
      readonly byPixels: Readonly<Record<number, string>>;
    };

export interface ParamTranslation {
  /** Our param name → the vendor's field, value copied as is. */
  readonly copy?: Readonly<Record<string, string>>;
  /** Our enum param → the vendor's field and value names. */
  readonly enums?: Readonly<Record<string, { readonly to: string; readonly values: Readonly<Record<string, string | number | boolean>> }>>;
  readonly size?: SizeRule;
  readonly resolution?: ResolutionRule;
  /** Our `duration` / `durationSeconds` → the vendor's field: a number, a string ("5") or seconds ("5s"). */
  readonly duration?: { readonly to: string; readonly as: "number" | "string" | "seconds" };
  /** The vendor's image-count field; absent: the vendor makes one per request. */
  readonly quantity?: { readonly to: string; readonly max: number };
  /** Our reference param → the vendor's field (a single URL, or a list). */
  readonly references?: Readonly<Record<string, { readonly to: string; readonly as: "single" | "list" }>>;
  /** Fields always sent. */
  readonly fixed?: Readonly<Record<string, unknown>>;
  /** Fields sent (over the others) when our params have these values, e.g. a format the vendor requires for one of them. */
  readonly fixedWhen?: readonly { readonly when: Readonly<Record<string, unknown>>; readonly set: Readonly<Record<string, unknown>> }[];
}

export interface VendorRoute {
  readonly vendor: VendorId;
  /** The vendor's id: a fal app id, a Replicate `owner/name`, an OpenAI model name. */
  readonly model: string;
  /** Another vendor id for requests that carry this reference param (e.g. image-to-video). */
  readonly withReference?: { readonly param: string; readonly model: string };
  /**
   * Another vendor id, with its own reference fields, for requests that carry every one of these
   * reference params (Veo 3.1's first-and-last-frame endpoint); it goes before `withReference`.
   */
  readonly withAllReferences?: {
    readonly params: readonly string[];
    readonly model: string;
    readonly references: Readonly<Record<string, { readonly to: string; readonly as: "single" | "list" }>>;
  };
  /**
   * Our enum param → the vendor id that runs that value, when the vendor serves each value as its
   * own endpoint (e.g. a resolution tier); `withReference` likewise for requests carrying the
   * reference param. A value not listed is refused rather than run at another tier.
   */
  readonly endpointBy?: { readonly param: string; readonly models: Readonly<Record<string, string>>; readonly withReference?: Readonly<Record<string, string>> };
  /** The vendor page this entry follows. */
  readonly doc: string;
  readonly params: ParamTranslation;
}
