/**
 * The simulated video: a looping animated GIF in the requested aspect ratio (longer side at
 * most 480 px) — a sky gradient that slowly cycles, a shaded ball that travels a closed path
 * and hills that scroll by, all in colours from the prompt's hash. The loop lasts the requested
 * duration.
 */
import { sha256, seededRandom } from "../hash.ts";
import { encodeGif, type GifFrame } from "../media/gif.ts";
import { mix, paletteFrom, shade } from "../media/palette.ts";

export interface VideoRequest {
  /** Width / height of the requested video. */
  readonly aspect: number;
  readonly prompt: string;
  /** Loop length in seconds. */
  readonly durationSeconds: number;
  readonly index: number;
}

export const MAX_GIF_SIDE = 480;
export const GIF_FRAMES = 24;

const SKY = 0; // 128 sky shades: 0..127
const BALL = 128; // 64 ball shades: 128..191
const HILL = 192; // 64 hill shades: 192..255
const SKY_STEPS = 1024;

/** The GIF's size: the requested aspect, longer side MAX_GIF_SIDE. */
export function gifSize(aspect: number): { width: number; height: number } {
  if (!(Number.isFinite(aspect) && aspect > 0)) throw new RangeError(`gifSize: bad aspect ${aspect}`);
  return aspect >= 1
    ? { width: MAX_GIF_SIDE, height: Math.max(1, Math.round(MAX_GIF_SIDE / aspect)) }
    : { width: Math.max(1, Math.round(MAX_GIF_SIDE * aspect)), height: MAX_GIF_SIDE };
}

export function renderVideoGif(request: VideoRequest): Uint8Array {
  const { width: w, height: h } = gifSize(request.aspect);
  const palette = paletteFrom(request.prompt);
  const random = seededRandom(sha256(`motion:${request.prompt}:${request.index}`));

  const colors = new Uint8Array(256 * 3);
  for (let i = 0; i < 128; i++) colors.set(mix(palette.skyStart, palette.skyEnd, i / 127), (SKY + i) * 3);
  for (let i = 0; i < 64; i++) {
    const t = i / 63;
    colors.set(t < 0.7 ? mix(shade(palette.accent, 0.35), palette.accent, t / 0.7) : mix(palette.accent, palette.highlight, (t - 0.7) / 0.3), (BALL + i) * 3);
  }
  for (let i = 0; i < 64; i++) colors.set(mix(palette.far, palette.near, i / 63), (HILL + i) * 3);

  const short = Math.min(w, h);
  const radius = short * (0.12 + 0.06 * random());
  const orbitX = w * (0.22 + 0.1 * random());
  const orbitY = h * (0.12 + 0.08 * random());
  const ballPhase = random() * Math.PI * 2;
  const hillBase = h * (0.72 + 0.08 * random());
  const hillAmp = h * (0.06 + 0.06 * random());
  const hillPeriod = w * (0.25 + 0.25 * random());
  const light = normalize([-0.5, -0.6, 0.62]); // from the upper left, towards the viewer

  const delayCs = Math.max(2, Math.round((request.durationSeconds * 100) / GIF_FRAMES));
  // Sky: a colour cycle along the diagonal, looked up in a table of SKY_STEPS phases.
  const skyTable = new Uint8Array(SKY_STEPS);
  for (let k = 0; k < SKY_STEPS; k++) skyTable[k] = SKY + Math.min(127, Math.floor(127 * (0.5 - 0.5 * Math.cos((2 * Math.PI * k) / SKY_STEPS))));
  const skyX = Int32Array.from({ length: w }, (_, x) => Math.floor((SKY_STEPS * x) / (2 * w)));
  const skyY = Int32Array.from({ length: h }, (_, y) => Math.floor((SKY_STEPS * y) / (2 * h)));
  const hillShade = (y: number): number => HILL + Math.max(0, Math.min(63, Math.floor((63 * (y - hillBase + hillAmp)) / (h - hillBase + hillAmp))));

  const frames: GifFrame[] = [];
  for (let f = 0; f < GIF_FRAMES; f++) {
    const phase = f / GIF_FRAMES; // one full loop over the frames
    const indices = new Uint8Array(w * h);
    const skyShift = Math.floor(phase * SKY_STEPS);
    for (let y = 0; y < h; y++) {
      const base = skyShift + skyY[y]!;
      for (let x = 0, at = y * w; x < w; x++, at++) indices[at] = skyTable[(base + skyX[x]!) % SKY_STEPS]!;
    }
    // The ball, shaded as a sphere lit from the upper left.
    const angle = 2 * Math.PI * phase + ballPhase;
    const bx = w / 2 + orbitX * Math.cos(angle);
    const by = h * 0.4 + orbitY * Math.sin(2 * angle);
    for (let y = Math.max(0, Math.floor(by - radius)); y <= Math.min(h - 1, Math.ceil(by + radius)); y++) {
      for (let x = Math.max(0, Math.floor(bx - radius)); x <= Math.min(w - 1, Math.ceil(bx + radius)); x++) {
        const nx = (x + 0.5 - bx) / radius;
        const ny = (y + 0.5 - by) / radius;
        const r2 = nx * nx + ny * ny;
        if (r2 >= 1) continue;
        const lit = Math.max(0, nx * light[0] + ny * light[1] + Math.sqrt(1 - r2) * light[2]);
        indices[y * w + x] = BALL + Math.min(63, Math.floor(63 * (0.15 + 0.85 * lit)));
      }
    }
    // Hills in front, scrolling one period per loop so the loop is seamless.
    const shift = phase * hillPeriod;
    for (let x = 0; x < w; x++) {
      const top = hillBase - hillAmp * (0.5 + 0.5 * Math.sin((2 * Math.PI * (x + shift)) / hillPeriod));
      for (let y = Math.max(0, Math.ceil(top)); y < h; y++) indices[y * w + x] = hillShade(y);
    }
    frames.push({ indices, delayCs });
  }
  return encodeGif({ width: w, height: h, palette: colors, frames });
}

function normalize(v: readonly [number, number, number]): [number, number, number] {
  const l = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / l, v[1] / l, v[2] / l];
}
