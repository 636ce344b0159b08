/**
 * A strict PNG reader for tests: checks the signature, every chunk's CRC, the chunk order and
 * IHDR, inflates the IDAT stream and checks its length and filter bytes, and returns the rows.
 */
import { crc32, inflateSync } from "node:zlib";

export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colorType: number;
  readonly bytesPerPixel: number;
  readonly chunkTypes: readonly string[];
  /** Inflated IDAT data: height × (1 + width × bytesPerPixel) bytes. */
  readonly raw: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Reads the IHDR only (cheap, for huge files). */
export function readPngHeader(bytes: Uint8Array): { width: number; height: number; bitDepth: number; colorType: number } {
  SIGNATURE.forEach((b, i) => {
    if (bytes[i] !== b) throw new Error("bad PNG signature");
  });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(8) !== 13 || String.fromCharCode(...bytes.subarray(12, 16)) !== "IHDR") throw new Error("IHDR is not first");
  return { width: view.getUint32(16), height: view.getUint32(20), bitDepth: bytes[24]!, colorType: bytes[25]! };
}

export function decodePng(bytes: Uint8Array, options: { inflate?: boolean } = {}): DecodedPng {
  const header = readPngHeader(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkTypes: string[] = [];
  const idat: Uint8Array[] = [];
  let at = 8;
  while (at < bytes.length) {
    if (at + 12 > bytes.length) throw new Error(`truncated chunk at ${at}`);
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const end = at + 8 + length;
    if (end + 4 > bytes.length) throw new Error(`chunk ${type} overruns the file`);
    const expected = crc32(bytes.subarray(at + 4, end)) >>> 0;
    const actual = view.getUint32(end);
    if (expected !== actual) throw new Error(`bad CRC in ${type}: ${actual.toString(16)} ≠ ${expected.toString(16)}`);
    chunkTypes.push(type);
    if (type === "IDAT") idat.push(bytes.subarray(at + 8, end));
    at = end + 4;
    if (type === "IEND") break;
  }
  if (at !== bytes.length) throw new Error(`${bytes.length - at} bytes after IEND`);
  if (chunkTypes[chunkTypes.length - 1] !== "IEND") throw new Error("no IEND");
  if (header.bitDepth !== 8) throw new Error(`unexpected bit depth ${header.bitDepth}`);
  const bytesPerPixel = header.colorType === 6 ? 4 : header.colorType === 2 ? 3 : NaN;
  if (Number.isNaN(bytesPerPixel)) throw new Error(`unexpected colour type ${header.colorType}`);
  if (bytes[26] !== 0 || bytes[27] !== 0 || bytes[28] !== 0) throw new Error("unexpected compression/filter/interlace method");
  let raw = new Uint8Array(0);
  if (options.inflate !== false) {
    raw = new Uint8Array(inflateSync(Buffer.concat(idat)));
    const stride = 1 + header.width * bytesPerPixel;
    if (raw.length !== header.height * stride) throw new Error(`IDAT inflates to ${raw.length}, expected ${header.height * stride}`);
    for (let y = 0; y < header.height; y++) if (raw[y * stride] !== 0) throw new Error(`row ${y} has filter ${raw[y * stride]}`);
  }
  return { ...header, bytesPerPixel, chunkTypes, raw };
}

/** The RGB(A) of pixel (x, y) from a decoded PNG with filter 0 rows. */
export function pixelAt(png: DecodedPng, x: number, y: number): number[] {
  const stride = 1 + png.width * png.bytesPerPixel;
  const start = y * stride + 1 + x * png.bytesPerPixel;
  return Array.from(png.raw.subarray(start, start + png.bytesPerPixel));
}
