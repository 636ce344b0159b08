/**
 * Baseline JPEG encoding of an RGB raster, via the pure-JS `jpeg-js` encoder.
 */
import jpeg from "jpeg-js";

export interface RgbRaster {
  readonly width: number;
  readonly height: number;
  /** width × height × 3 bytes, row by row. */
  readonly rgb: Uint8Array;
}

/** Encodes `raster` as a baseline JPEG (quality 1..100). Throws on a malformed raster (a caller bug). */
export function encodeJpeg(raster: RgbRaster, quality = 88): Uint8Array {
  const { width, height, rgb } = raster;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > 0xffff || height > 0xffff) {
    throw new RangeError(`encodeJpeg: bad size ${width}×${height}`);
  }
  if (rgb.length !== width * height * 3) {
    throw new RangeError(`encodeJpeg: expected ${width * height * 3} bytes, got ${rgb.length}`);
  }
  if (!Number.isInteger(quality) || quality < 1 || quality > 100) throw new RangeError(`encodeJpeg: quality ${quality}`);
  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0, q = 0; p < rgb.length; p += 3, q += 4) {
    rgba[q] = rgb[p]!;
    rgba[q + 1] = rgb[p + 1]!;
    rgba[q + 2] = rgb[p + 2]!;
    rgba[q + 3] = 255;
  }
  const encoded = jpeg.encode({ width, height, data: rgba }, quality);
  return new Uint8Array(encoded.data.buffer, encoded.data.byteOffset, encoded.data.byteLength);
}
