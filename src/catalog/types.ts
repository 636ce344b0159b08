/**
 * The catalog's vocabulary: each of the spec's models as plain, immutable data.
 * Nothing here computes; the engine interprets it.
 */

/** The section of the spec a model is listed under (and the `type` REST reports). */
export type ModelKind = "image" | "video" | "3d";

/** What a generation actually produces (differs from `kind` for a few spec oddities). */
export type OutputKind = "image" | "video" | "3d";

/**
 * The value type of a parameter.
 * - `enum`: the spec lists the allowed values ("FAST / ULTRA", "6 / 8", "768 / 832 / ...").
 * - `reference`: an image/video/audio reference (URL, data: URI or upload id).
 * - `any`: the spec prints `?` and nothing says more; any JSON value is accepted as is.
 */
export type ParamType = "integer" | "number" | "string" | "boolean" | "enum" | "array" | "reference" | "any";

export type EnumValue = string | number;

/**
 * What a media reference must hold. `weights` (a LoRA file) is taken only as an https URL; the
 * others also as a `data:` URI of that media type or an upload id holding it.
 */
export type MediaKind = "image" | "video" | "audio" | "weights";

/**
 * Where a parameter's value carries media references (https URLs, `data:` URIs, upload ids).
 * Every string in a marked place must be a reference; any other string in the value that reads
 * as a link (it has a scheme, a slash or a backslash) is checked as one too (of any media kind).
 * `{}` marks a value that may hide references anywhere (the spec's `?` params).
 */
export interface ParamMedia {
  /** The value itself (a string, or each string of an array) is a reference of this kind. */
  readonly value?: MediaKind;
  /** Fields of any object in the value (itself, or an array's elements) that are references (a string or an array of strings). */
  readonly fields?: Readonly<Record<string, MediaKind>>;
}

export interface ParamSpec {
  readonly name: string;
  readonly type: ParamType;
  /** The type column exactly as the spec prints it (e.g. "?", "integer", "6 / 8"). */
  readonly specType: string;
  readonly required: boolean;
  /** Allowed values for `enum` params, in the spec's order. Numbers stay numbers. */
  readonly values?: readonly EnumValue[];
  readonly default?: unknown;
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** The spec's description, as printed (some are cut off mid-word in the spec). */
  readonly description?: string;
  /** Where the value carries media references; absent when it never does. */
  readonly media?: ParamMedia;
}

export type SizeTier = "Small" | "Medium" | "Large";

export interface Resolution {
  /** The label column, e.g. "16:9", "Twitter (4:3)". */
  readonly label: string;
  readonly width: number;
  readonly height: number;
  /** Present for the "aspect ratio × size tier" tables. */
  readonly tier?: SizeTier;
}

export interface DimensionBounds {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

export interface ExampleRequest {
  readonly model: string;
  readonly type: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export interface ModelSpec {
  readonly id: string;
  /** The heading, e.g. "GPT Image 2", "'Cinematic Kino' (Kino XL)". */
  readonly name: string;
  readonly kind: ModelKind;
  readonly output: OutputKind;
  /** The text after "Cost:", e.g. "~$0.02 per generation". */
  readonly costSummary: string;
  readonly params: readonly ParamSpec[];
  /** "Supported Resolutions" table (flat or aspect ratio × size tier). */
  readonly resolutions?: readonly Resolution[];
  /** "Dimension Range" block. */
  readonly dimensionRange?: { readonly width: DimensionBounds; readonly height: DimensionBounds };
  /** "Valid Widths" / "Valid Heights" lines (Hailuo). */
  readonly validWidths?: readonly number[];
  readonly validHeights?: readonly number[];
  /** The spec's example request body, verbatim. */
  readonly example: ExampleRequest;
}
