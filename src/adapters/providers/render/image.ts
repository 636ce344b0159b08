/**
 * The simulated image: a landscape whose colours come from the prompt's hash — a diagonal sky
 * gradient, a haloed sun and two mountain ranges whose shapes come from the prompt and the
 * image's index. Rendered row by row straight into the PNG encoder.
 */
import { sha256, seededRandom } from "../hash.ts";
import { encodeJpeg } from "../media/jpeg.ts";
import { encodePng } from "../media/png.ts";
import { mix, paletteFrom, shade, type Rgb } from "../media/palette.ts";

export interface ImageRequest {
  readonly width: number;
  readonly height: number;
  readonly prompt: string;
  /** Position in the batch (0-based): each image of a batch gets its own layout. */
  readonly index: number;
}

export async function renderImagePng(request: ImageRequest): Promise<Uint8Array> {
  return encodePng({ width: request.width, height: request.height, color: "rgb", fillRow: rowPainter(request) });
}

/** The same image as a baseline JPEG (`output_format: "jpeg"`): painted row by row into one raster. */
export function renderImageJpeg(request: ImageRequest): Uint8Array {
  const { width, height } = request;
  const paint = rowPainter(request);
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) paint(y, rgb.subarray(y * width * 3, (y + 1) * width * 3));
  return encodeJpeg({ width, height, rgb });
}

/** Paints row `y` of the image (RGB, `width` pixels) into `row`. */
function rowPainter(request: ImageRequest): (y: number, row: Uint8Array) => void {
  const { width: w, height: h, prompt, index } = request;
  const palette = paletteFrom(prompt);
  const random = seededRandom(sha256(`layout:${prompt}:${index}`));

  // Sky: pixel (x, y) takes line[x + y], a gradient along the diagonal; a row is one copy.
  const diagonal = w + h - 1;
  const line = new Uint8Array(diagonal * 3);
  for (let k = 0; k < diagonal; k++) line.set(mix(palette.skyStart, palette.skyEnd, diagonal === 1 ? 0 : k / (diagonal - 1)), k * 3);

  const short = Math.min(w, h);
  const sunX = w * (0.2 + 0.6 * random());
  const sunY = h * (0.16 + 0.22 * random());
  const sunR = short * (0.09 + 0.07 * random());
  const haloR = sunR * (1.15 + 0.1 * random());

  const ridge = (base: number, amplitude: number, period: number): Int32Array => {
    const phase = random();
    const phase2 = random();
    const heights = new Int32Array(w);
    for (let x = 0; x < w; x++) {
      const peak = 0.7 * triangle(x / period + phase) + 0.3 * triangle((x / period) * 2.7 + phase2);
      heights[x] = Math.round(base - amplitude * peak);
    }
    return heights;
  };
  const far = ridge(h * (0.56 + 0.1 * random()), h * (0.12 + 0.1 * random()), w * (0.2 + 0.25 * random()));
  const near = ridge(h * (0.76 + 0.08 * random()), h * (0.06 + 0.08 * random()), w * (0.1 + 0.15 * random()));
  let mountainTop = h;
  for (let x = 0; x < w; x++) mountainTop = Math.min(mountainTop, far[x]!, near[x]!);

  return function fillRow(y: number, row: Uint8Array) {
    row.set(line.subarray(y * 3, (y + w) * 3));
    const dy = y + 0.5 - sunY;
    if (Math.abs(dy) < haloR) fillSpan(row, w, sunX, Math.sqrt(haloR * haloR - dy * dy), palette.highlight);
    if (Math.abs(dy) < sunR) fillSpan(row, w, sunX, Math.sqrt(sunR * sunR - dy * dy), palette.accent);
    if (y < mountainTop) return;
    const depth = y / h;
    const farColor = shade(palette.far, 1.15 - 0.35 * depth);
    const nearColor = mix(palette.near, shade(palette.near, 0.5), depth);
    for (let x = 0, p = 0; x < w; x++, p += 3) {
      let c: Rgb;
      if (y >= near[x]!) c = nearColor;
      else if (y >= far[x]!) c = farColor;
      else continue;
      row[p] = c[0];
      row[p + 1] = c[1];
      row[p + 2] = c[2];
    }
  };
}

/** Paints pixels whose centres lie within `half` of `centre` on an RGB row of `width` pixels. */
function fillSpan(row: Uint8Array, width: number, centre: number, half: number, color: Rgb): void {
  const from = Math.max(0, Math.ceil(centre - half - 0.5));
  const to = Math.min(width - 1, Math.floor(centre + half - 0.5));
  for (let x = from, p = from * 3; x <= to; x++, p += 3) {
    row[p] = color[0];
    row[p + 1] = color[1];
    row[p + 2] = color[2];
  }
}

/** A triangle wave with period 1, 0 at integers and 1 at half-integers. */
function triangle(t: number): number {
  const f = t - Math.floor(t);
  return f < 0.5 ? 2 * f : 2 - 2 * f;
}
