import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeGif, lzwEncode } from "../../../src/adapters/providers/media/gif.ts";
import { renderOutputs } from "../../../src/adapters/providers/render/index.ts";
import { requestedAspect } from "../../../src/adapters/providers/render/params.ts";
import { GIF_FRAMES, MAX_GIF_SIDE, gifSize, renderVideoGif } from "../../../src/adapters/providers/render/video.ts";
import { decodeGif, lzwDecode } from "./support/gif-decode.ts";

/** Counts image descriptors by walking the blocks (independently of the decoder). */
function countImageDescriptors(bytes: Uint8Array): number {
  let at = 13;
  if (bytes[10]! & 0x80) at += 3 * (1 << ((bytes[10]! & 7) + 1));
  let frames = 0;
  const skipSubBlocks = (): void => {
    while (bytes[at] !== 0) at += bytes[at]! + 1;
    at++;
  };
  for (;;) {
    const introducer = bytes[at++];
    if (introducer === 0x3b) return frames;
    if (introducer === 0x21) {
      at++; // label
      skipSubBlocks();
    } else if (introducer === 0x2c) {
      frames++;
      const packed = bytes[at + 8]!;
      at += 9;
      if (packed & 0x80) at += 3 * (1 << ((packed & 7) + 1));
      at++; // LZW minimum code size
      skipSubBlocks();
    } else {
      throw new Error(`unexpected byte ${introducer} at ${at - 1}`);
    }
  }
}

/** Runs and noise, so codes grow to 12 bits and the table fills (the property's input). */
function runsAndNoise(minCodeSize: number, length: number, seed: number): Uint8Array {
  let state = seed >>> 0;
  const symbols = 1 << minCodeSize;
  const data = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    data[i] = i % 97 < 40 ? (i >> 5) % symbols : (state >>> 24) % symbols;
  }
  return data;
}

describe("GIF encoder", () => {
  it("LZW round-trips, including table resets", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 0, max: 20000 }), fc.integer(), (minCodeSize, length, seed) => {
        const data = runsAndNoise(minCodeSize, length, seed);
        expect(lzwDecode(lzwEncode(data, minCodeSize), minCodeSize, length)).toEqual(data);
      }),
      { numRuns: 60, examples: [[8, 12023, 1358646091]] },
    );
  });

  // Regression (fast-check seed -498409318, counterexample [8, 12023, 1358646091]): the last code
  // before the end code took the decoder's table to 2^width, so the decoder reads the end code one
  // bit wider; the encoder wrote it at the old width ("LZW stream has no end code" whenever that
  // left the stream on a byte boundary).
  it("LZW writes the end code at the width the decoder has reached", () => {
    const data = runsAndNoise(8, 12023, 1358646091);
    expect(lzwDecode(lzwEncode(data, 8), 8, data.length)).toEqual(data);
    // Every length across the first width edges for small alphabets: some end exactly there.
    for (let minCodeSize = 2; minCodeSize <= 6; minCodeSize++) {
      const symbols = 1 << minCodeSize;
      for (let length = 1; length <= 4 << minCodeSize; length++) {
        const input = Uint8Array.from({ length }, (_, i) => (i * i + (i >> minCodeSize)) % symbols);
        expect(lzwDecode(lzwEncode(input, minCodeSize), minCodeSize, length), `min code size ${minCodeSize}, ${length} symbols`).toEqual(input);
      }
    }
  });

  it("writes a well-formed animated GIF", () => {
    const palette = Uint8Array.of(0, 0, 0, 255, 0, 0, 0, 255, 0);
    const frames = [0, 1, 2].map((f) => ({ indices: Uint8Array.from({ length: 12 }, (_, i) => (i + f) % 3), delayCs: 10 }));
    const gif = encodeGif({ width: 4, height: 3, palette, frames });
    const decoded = decodeGif(gif);
    expect(decoded.version).toBe("GIF89a");
    expect([decoded.width, decoded.height]).toEqual([4, 3]);
    expect(decoded.loops).toBe(true);
    expect(decoded.frames.map((f) => Array.from(f.indices))).toEqual(frames.map((f) => Array.from(f.indices)));
    expect(decoded.globalPalette.subarray(0, 9)).toEqual(palette);
    expect(decoded.trailerAt).toBe(gif.length - 1);
  });

  it("rejects malformed input", () => {
    const palette = Uint8Array.of(0, 0, 0, 255, 255, 255);
    expect(() => encodeGif({ width: 2, height: 2, palette, frames: [] })).toThrow(RangeError);
    expect(() => encodeGif({ width: 2, height: 2, palette, frames: [{ indices: new Uint8Array(3), delayCs: 5 }] })).toThrow(RangeError);
    expect(() => encodeGif({ width: 2, height: 2, palette, frames: [{ indices: new Uint8Array(4).fill(2), delayCs: 5 }] })).toThrow(RangeError);
  });
});

describe("simulated videos (animated GIF)", () => {
  const gif = renderVideoGif({ aspect: 16 / 9, prompt: "a comet over the sea", durationSeconds: 6, index: 0 });

  it("starts GIF89a, ends with the 0x3B trailer", () => {
    expect(String.fromCharCode(...gif.subarray(0, 6))).toBe("GIF89a");
    expect(gif[gif.length - 1]).toBe(0x3b);
  });

  it("has many frames, each decodable, that differ (something moves), looping over the requested duration", () => {
    expect(countImageDescriptors(gif)).toBe(GIF_FRAMES);
    expect(GIF_FRAMES).toBeGreaterThanOrEqual(12);
    const decoded = decodeGif(gif);
    expect(decoded.frames).toHaveLength(GIF_FRAMES);
    expect(decoded.loops).toBe(true);
    expect(decoded.trailerAt).toBe(gif.length - 1);
    for (const frame of decoded.frames) expect([frame.width, frame.height]).toEqual([decoded.width, decoded.height]);
    const totalCs = decoded.frames.reduce((s, f) => s + f.delayCs, 0);
    expect(Math.abs(totalCs - 600)).toBeLessThanOrEqual(GIF_FRAMES);
    const [first, second] = decoded.frames;
    let changed = 0;
    for (let i = 0; i < first!.indices.length; i++) if (first!.indices[i] !== second!.indices[i]) changed++;
    expect(changed).toBeGreaterThan(100);
  });

  it("matches the requested aspect ratio, longer side at most 480", () => {
    for (const [params, expected] of [
      [{ width: 1280, height: 720 }, [480, 270]],
      [{ width: 1920, height: 1080 }, [480, 270]],
      [{ width: 1080, height: 1920 }, [270, 480]],
      [{ width: 1920, height: 1088 }, [480, 272]],
      [{ width: 1024, height: 1024 }, [480, 480]],
      [{ aspect_ratio: "9:16" }, [270, 480]],
      [{ resolution: "1080p" }, [480, 270]],
    ] as const) {
      expect(gifSize(requestedAspect(params))).toEqual({ width: expected[0], height: expected[1] });
    }
    fc.assert(
      fc.property(fc.integer({ min: 64, max: 4096 }), fc.integer({ min: 64, max: 4096 }), (w, h) => {
        const size = gifSize(requestedAspect({ width: w, height: h }));
        expect(Math.max(size.width, size.height)).toBe(MAX_GIF_SIDE);
        // The shorter side is the exact proportion, rounded to a whole pixel.
        if (w >= h) expect(Math.abs(size.height - (MAX_GIF_SIDE * h) / w)).toBeLessThanOrEqual(0.5);
        else expect(Math.abs(size.width - (MAX_GIF_SIDE * w) / h)).toBeLessThanOrEqual(0.5);
      }),
    );
  });

  it("renders from the catalog's example params with the right logical screen size", async () => {
    const { files, result } = await renderOutputs("seedance-2.0", "video", { prompt: "A beautiful scene", width: 720, height: 1280, duration: 8 });
    expect(result).toEqual(["seedance-2.0_-0.gif"]);
    const view = new DataView(files[0]!.data.buffer, files[0]!.data.byteOffset);
    expect([view.getUint16(6, true), view.getUint16(8, true)]).toEqual([270, 480]);
  });

  it("is deterministic from the prompt, and the prompt changes the colours", () => {
    const again = renderVideoGif({ aspect: 16 / 9, prompt: "a comet over the sea", durationSeconds: 6, index: 0 });
    expect(Buffer.compare(again, gif)).toBe(0);
    const other = decodeGif(renderVideoGif({ aspect: 16 / 9, prompt: "a city at night", durationSeconds: 6, index: 0 }));
    expect(Buffer.compare(other.globalPalette, decodeGif(gif).globalPalette)).not.toBe(0);
  });
});
