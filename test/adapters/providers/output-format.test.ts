// output_format: a simulated image model asked for "jpeg" delivers a JPEG file (named .jpg), the
// same picture as its PNG; anything else stays PNG.
import jpeg from "jpeg-js";
import { describe, expect, it } from "vitest";
import { renderOutputs } from "../../../src/adapters/providers/render/index.ts";
import { decodePng, pixelAt } from "./support/png-decode.ts";

const PARAMS = { prompt: "a lighthouse in a storm", width: 64, height: 48 };

describe("the simulated image's output_format", () => {
  it('answers output_format "jpeg" with a decodable JPEG of the requested size, named .jpg', async () => {
    const { files, result } = await renderOutputs("gpt-image-1.5", "image", { ...PARAMS, output_format: "jpeg" });
    expect(files).toHaveLength(1);
    expect(files[0]!.mediaType).toBe("image/jpeg");
    expect(files[0]!.name).toMatch(/\.jpg$/);
    expect(result).toEqual([files[0]!.name]);
    expect([...files[0]!.data.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const decoded = jpeg.decode(files[0]!.data, { useTArray: true });
    expect([decoded.width, decoded.height]).toEqual([64, 48]);
  });

  it("paints the same picture in both formats (JPEG within its compression error)", async () => {
    const [asJpeg, asPng] = await Promise.all([
      renderOutputs("gpt-image-1.5", "image", { ...PARAMS, output_format: "jpeg" }),
      renderOutputs("gpt-image-1.5", "image", { ...PARAMS, output_format: "png" }),
    ]);
    expect(asPng.files[0]!.mediaType).toBe("image/png");
    const png = decodePng(asPng.files[0]!.data);
    const decoded = jpeg.decode(asJpeg.files[0]!.data, { useTArray: true });
    let error = 0;
    for (let y = 0; y < 48; y++)
      for (let x = 0; x < 64; x++) {
        const expected = pixelAt(png, x, y);
        const at = (y * 64 + x) * 4;
        for (let c = 0; c < 3; c++) error += Math.abs(expected[c]! - decoded.data[at + c]!);
      }
    expect(error / (64 * 48 * 3)).toBeLessThan(12);
  });
});
