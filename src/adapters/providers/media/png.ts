/**
 * A streaming PNG encoder on Node's zlib: 8-bit truecolour (RGB or RGBA), filter type 0 on
 * every row, one IDAT chunk. Rows are produced on demand in small batches and streamed into
 * deflate, so the raw image is never held in memory (a 6336 × 5504 RGB image is ~105 MB raw).
 */
import { once } from "node:events";
import { constants, crc32, createDeflate } from "node:zlib";

export type PngColor = "rgb" | "rgba";

export interface PngImage {
  readonly width: number;
  readonly height: number;
  readonly color: PngColor;
  /**
   * Writes row `y` (top to bottom, each called once, in order) into `row`: exactly
   * `width × bytesPerPixel` bytes, left to right, without the filter byte. `row` is zeroed.
   */
  fillRow(y: number, row: Uint8Array): void;
}

/** PNG's limit on width and height (2^31 - 1). */
const MAX_DIMENSION = 0x7fff_ffff;
/** Raw bytes handed to deflate per write. */
const BATCH_BYTES = 512 * 1024;

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

export function bytesPerPixel(color: PngColor): number {
  return color === "rgba" ? 4 : 3;
}

/** Encodes `image` as a PNG file. Throws on invalid dimensions (a caller bug). */
export async function encodePng(image: PngImage): Promise<Uint8Array> {
  const { width, height, color } = image;
  for (const [name, value] of [
    ["width", width],
    ["height", height],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > MAX_DIMENSION) {
      throw new RangeError(`encodePng: ${name} must be an integer in 1..${MAX_DIMENSION}, got ${value}`);
    }
  }
  const bpp = bytesPerPixel(color);
  const stride = 1 + width * bpp; // filter byte + pixels

  const idat = await deflateRows(height, stride, (y, row) => image.fillRow(y, row));

  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = color === "rgba" ? 6 : 2; // colour type
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace

  const idatLength = idat.reduce((sum, part) => sum + part.length, 0);
  const total = SIGNATURE.length + (12 + ihdr.length) + (12 + idatLength) + 12;
  const out = new Uint8Array(total);
  out.set(SIGNATURE, 0);
  let offset = SIGNATURE.length;
  offset = writeChunk(out, offset, "IHDR", [ihdr]);
  offset = writeChunk(out, offset, "IDAT", idat);
  offset = writeChunk(out, offset, "IEND", []);
  if (offset !== total) throw new Error(`encodePng: wrote ${offset} bytes, expected ${total}`);
  return out;
}

/** Streams `height` rows of `stride` bytes (filter byte 0 set here) through deflate. */
async function deflateRows(
  height: number,
  stride: number,
  fill: (y: number, row: Uint8Array) => void,
): Promise<Buffer[]> {
  const deflate = createDeflate({ level: 1, strategy: constants.Z_DEFAULT_STRATEGY, chunkSize: 256 * 1024 });
  const parts: Buffer[] = [];
  deflate.on("data", (part: Buffer) => parts.push(part));
  const ended = once(deflate, "end");
  const rowsPerBatch = Math.max(1, Math.floor(BATCH_BYTES / stride));
  for (let y0 = 0; y0 < height; y0 += rowsPerBatch) {
    const rows = Math.min(rowsPerBatch, height - y0);
    // A fresh buffer per batch: zlib reads it asynchronously after write() returns.
    const batch = new Uint8Array(rows * stride);
    for (let r = 0; r < rows; r++) {
      const start = r * stride;
      batch[start] = 0; // filter type None
      fill(y0 + r, batch.subarray(start + 1, start + stride));
    }
    if (!deflate.write(batch)) await once(deflate, "drain");
  }
  deflate.end();
  await ended;
  return parts;
}

function writeChunk(out: Uint8Array, offset: number, type: string, data: readonly Uint8Array[]): number {
  const length = data.reduce((sum, part) => sum + part.length, 0);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  view.setUint32(offset, length);
  const typeBytes = new TextEncoder().encode(type);
  out.set(typeBytes, offset + 4);
  let crc = crc32(typeBytes);
  let at = offset + 8;
  for (const part of data) {
    out.set(part, at);
    crc = crc32(part, crc);
    at += part.length;
  }
  view.setUint32(at, crc >>> 0);
  return at + 4;
}
