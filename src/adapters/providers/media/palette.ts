/**
 * Colours from a hash: a small, harmonious palette derived deterministically from a text
 * (usually the prompt), so the same prompt always paints the same picture.
 */
import { sha256, unitAt } from "../hash.ts";

/** An sRGB colour, each channel an integer 0..255. */
export type Rgb = readonly [number, number, number];

export interface Palette {
  /** Background gradient, from its start to its end. */
  readonly skyStart: Rgb;
  readonly skyEnd: Rgb;
  /** The main motif (a disc, a ball, a 3D object). */
  readonly accent: Rgb;
  /** A light companion of the accent (rings, highlights). */
  readonly highlight: Rgb;
  /** Far and near foreground shapes. */
  readonly far: Rgb;
  readonly near: Rgb;
}

/** HSL (hue in degrees, any real; saturation and lightness in [0, 1]) to sRGB. */
export function hslToRgb(hue: number, saturation: number, lightness: number): Rgb {
  const h = (((hue % 360) + 360) % 360) / 360;
  const s = Math.min(1, Math.max(0, saturation));
  const l = Math.min(1, Math.max(0, lightness));
  if (s === 0) {
    const v = Math.round(l * 255);
    return [v, v, v];
  }
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t0: number): number => {
    let t = t0;
    if (t < 0) t += 1;
    if (t > 1) t -= 1;
    let v: number;
    if (t < 1 / 6) v = p + (q - p) * 6 * t;
    else if (t < 1 / 2) v = q;
    else if (t < 2 / 3) v = p + (q - p) * (2 / 3 - t) * 6;
    else v = p;
    return Math.round(v * 255);
  };
  return [channel(h + 1 / 3), channel(h), channel(h - 1 / 3)];
}

/** Linear interpolation between two colours (t in [0, 1]), rounded to integers. */
export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  const u = Math.min(1, Math.max(0, t));
  return [
    Math.round(a[0] + (b[0] - a[0]) * u),
    Math.round(a[1] + (b[1] - a[1]) * u),
    Math.round(a[2] + (b[2] - a[2]) * u),
  ];
}

/** Multiplies a colour's channels by `factor` (clamped to 0..255). */
export function shade(c: Rgb, factor: number): Rgb {
  const f = (v: number): number => Math.min(255, Math.max(0, Math.round(v * factor)));
  return [f(c[0]), f(c[1]), f(c[2])];
}

/** The palette of `text`: a pure function of its SHA-256. */
export function paletteFrom(text: string): Palette {
  const d = sha256(`palette:${text}`);
  const hue = unitAt(d, 0) * 360;
  const skyTurn = 20 + unitAt(d, 4) * 60; // how far the sky's hue drifts
  const accentTurn = 150 + unitAt(d, 8) * 60; // roughly complementary
  const saturation = 0.45 + unitAt(d, 12) * 0.4;
  return {
    skyStart: hslToRgb(hue, saturation, 0.78),
    skyEnd: hslToRgb(hue + skyTurn, saturation + 0.1, 0.42),
    accent: hslToRgb(hue + accentTurn, 0.85, 0.58),
    highlight: hslToRgb(hue + accentTurn + 15, 0.9, 0.86),
    far: hslToRgb(hue + skyTurn + 30, saturation * 0.7, 0.34),
    near: hslToRgb(hue + skyTurn + 60, saturation * 0.6, 0.18),
  };
}
