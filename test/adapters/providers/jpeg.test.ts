import jpeg from "jpeg-js";
import { describe, expect, it } from "vitest";
import { encodeJpeg } from "../../../src/adapters/providers/media/jpeg.ts";
import { PREVIEW_SIZE, renderModel3d } from "../../../src/adapters/providers/render/model3d.ts";

/** Finds the SOF0 (baseline) segment and reads its height and width. */
function sofSize(bytes: Uint8Array): { width: number; height: number } {
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) throw new Error(`expected a marker at ${at}`);
    const marker = bytes[at + 1]!;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (marker === 0xc0 || marker === 0xc1 || marker === 0xc2) {
      return { height: (bytes[at + 5]! << 8) | bytes[at + 6]!, width: (bytes[at + 7]! << 8) | bytes[at + 8]! };
    }
    at += 2 + length;
  }
  throw new Error("no SOF segment");
}

describe("JPEG", () => {
  it("encodes an RGB raster: SOI, EOI, SOF dimensions, decodable", () => {
    const width = 37;
    const height = 21;
    const rgb = new Uint8Array(width * height * 3);
    for (let i = 0; i < width * height; i++) rgb.set([200, 40, 90], i * 3);
    const data = encodeJpeg({ width, height, rgb });
    expect([data[0], data[1]]).toEqual([0xff, 0xd8]);
    expect([data[data.length - 2], data[data.length - 1]]).toEqual([0xff, 0xd9]);
    expect(sofSize(data)).toEqual({ width, height });
    const decoded = jpeg.decode(data, { useTArray: true });
    expect([decoded.width, decoded.height]).toEqual([width, height]);
    const [r, g, b] = decoded.data.subarray(0, 3);
    expect(Math.abs(r! - 200) + Math.abs(g! - 40) + Math.abs(b! - 90)).toBeLessThan(20);
  });

  it("rejects malformed rasters", () => {
    expect(() => encodeJpeg({ width: 2, height: 2, rgb: new Uint8Array(5) })).toThrow(RangeError);
    expect(() => encodeJpeg({ width: 0, height: 2, rgb: new Uint8Array(0) })).toThrow(RangeError);
  });

  it("the 3D preview is a 512×512 JPEG showing an object over a background", () => {
    const { previewJpeg } = renderModel3d("rodin-v2", { quality: "low", prompt: "a ceramic teapot" });
    expect([previewJpeg[0], previewJpeg[1]]).toEqual([0xff, 0xd8]);
    expect([previewJpeg[previewJpeg.length - 2], previewJpeg[previewJpeg.length - 1]]).toEqual([0xff, 0xd9]);
    expect(sofSize(previewJpeg)).toEqual({ width: PREVIEW_SIZE, height: PREVIEW_SIZE });
    const decoded = jpeg.decode(previewJpeg, { useTArray: true });
    const at = (x: number, y: number): number[] => Array.from(decoded.data.subarray((y * 512 + x) * 4, (y * 512 + x) * 4 + 3));
    const corner = at(2, 2);
    const centre = at(256, 256);
    const distance = corner.reduce((s, c, i) => s + Math.abs(c - centre[i]!), 0);
    expect(distance).toBeGreaterThan(40); // the object stands out from the background
  });
});
