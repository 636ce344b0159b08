import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodePng } from "../../../src/adapters/providers/media/png.ts";
import { renderImagePng } from "../../../src/adapters/providers/render/image.ts";
import { renderOutputs } from "../../../src/adapters/providers/render/index.ts";
import { requestedSize } from "../../../src/adapters/providers/render/params.ts";
import { decodePng, pixelAt, readPngHeader } from "./support/png-decode.ts";

describe("PNG encoder", () => {
  it("writes a valid PNG: signature, IHDR, CRCs, one IDAT inflating to height × (1 + width × bpp), IEND", async () => {
    const png = await encodePng({
      width: 5,
      height: 3,
      color: "rgb",
      fillRow(y, row) {
        for (let x = 0; x < 5; x++) row.set([x * 50, y * 100, 7], x * 3);
      },
    });
    const decoded = decodePng(png);
    expect(decoded).toMatchObject({ width: 5, height: 3, bitDepth: 8, colorType: 2, bytesPerPixel: 3 });
    expect(decoded.chunkTypes).toEqual(["IHDR", "IDAT", "IEND"]);
    expect(decoded.raw.length).toBe(3 * (1 + 5 * 3));
    expect(pixelAt(decoded, 4, 2)).toEqual([200, 200, 7]);
    expect(pixelAt(decoded, 0, 0)).toEqual([0, 0, 7]);
  });

  it("supports RGBA", async () => {
    const png = await encodePng({ width: 2, height: 2, color: "rgba", fillRow: (_y, row) => row.fill(128) });
    const decoded = decodePng(png);
    expect(decoded.colorType).toBe(6);
    expect(decoded.raw.length).toBe(2 * (1 + 2 * 4));
  });

  it("property: any size round-trips its pixels", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 120 }), fc.integer({ min: 0, max: 255 }), async (width, height, salt) => {
        const value = (x: number, y: number, c: number): number => (x * 7 + y * 13 + c * 31 + salt) & 0xff;
        const png = await encodePng({
          width,
          height,
          color: "rgb",
          fillRow(y, row) {
            for (let x = 0; x < width; x++) for (let c = 0; c < 3; c++) row[x * 3 + c] = value(x, y, c);
          },
        });
        const decoded = decodePng(png);
        expect([decoded.width, decoded.height]).toEqual([width, height]);
        const x = (salt * 31) % width;
        const y = (salt * 17) % height;
        expect(pixelAt(decoded, x, y)).toEqual([0, 1, 2].map((c) => value(x, y, c)));
      }),
      { numRuns: 40 },
    );
  });

  it("rejects impossible sizes (a bug, not a provider failure)", async () => {
    await expect(encodePng({ width: 0, height: 1, color: "rgb", fillRow: () => {} })).rejects.toThrow(RangeError);
    await expect(encodePng({ width: 1.5, height: 1, color: "rgb", fillRow: () => {} })).rejects.toThrow(RangeError);
  });
});

describe("simulated images", () => {
  it("are exactly the requested size, whatever the aspect", async () => {
    for (const [width, height] of [[1, 1], [17, 3], [640, 360], [360, 640], [1024, 1024]] as const) {
      const decoded = decodePng(await renderImagePng({ width, height, prompt: "size", index: 0 }));
      expect([decoded.width, decoded.height]).toEqual([width, height]);
    }
  });

  it("default to 1024×1024 when width/height are absent or 0", async () => {
    expect(requestedSize({})).toEqual({ width: 1024, height: 1024 });
    expect(requestedSize({ width: 0, height: 0 })).toEqual({ width: 1024, height: 1024 });
    expect(requestedSize({ width: 800 })).toEqual({ width: 800, height: 1024 });
    const { files } = await renderOutputs("kino-xl", "image", {});
    expect(readPngHeader(files[0]!.data)).toMatchObject({ width: 1024, height: 1024 });
  });

  it("the same prompt gives the same bytes; another prompt other pixels", async () => {
    const a = await renderImagePng({ width: 320, height: 200, prompt: "a lighthouse in a storm", index: 0 });
    const b = await renderImagePng({ width: 320, height: 200, prompt: "a lighthouse in a storm", index: 0 });
    const c = await renderImagePng({ width: 320, height: 200, prompt: "a quiet meadow", index: 0 });
    expect(Buffer.compare(a, b)).toBe(0);
    const pa = decodePng(a);
    const pc = decodePng(c);
    expect(Buffer.compare(pa.raw, pc.raw)).not.toBe(0);
    // Not just a few pixels: the colours differ over most of the picture.
    let differing = 0;
    for (let y = 0; y < 200; y += 10) for (let x = 0; x < 320; x += 10) if (pixelAt(pa, x, y).join() !== pixelAt(pc, x, y).join()) differing++;
    expect(differing).toBeGreaterThan(0.8 * 32 * 20);
  });

  it("have a visible motif, not a flat colour", async () => {
    const decoded = decodePng(await renderImagePng({ width: 200, height: 200, prompt: "motif", index: 0 }));
    const colours = new Set<string>();
    for (let y = 0; y < 200; y += 4) for (let x = 0; x < 200; x += 4) colours.add(pixelAt(decoded, x, y).join());
    expect(colours.size).toBeGreaterThan(20);
  });

  it("render the largest sizes quickly, as valid PNGs", async () => {
    const started = performance.now();
    const png = await renderImagePng({ width: 6336, height: 2688, prompt: "a very wide panorama", index: 0 });
    const elapsed = performance.now() - started;
    const decoded = decodePng(png);
    expect([decoded.width, decoded.height]).toEqual([6336, 2688]);
    expect(decoded.raw.length).toBe(2688 * (1 + 6336 * 3));
    expect(elapsed).toBeLessThan(4000);
    expect(png.length).toBeLessThan(8 * 1024 * 1024); // the simple pattern compresses well
  });

  it("render 6336×5504 with a valid header and chunk CRCs", async () => {
    const png = await renderImagePng({ width: 6336, height: 5504, prompt: "tall", index: 0 });
    const decoded = decodePng(png, { inflate: false });
    expect([decoded.width, decoded.height]).toEqual([6336, 5504]);
  });
});
