/**
 * The simulated 3D generation: a pebble-like mesh that fills the requested bounding box
 * (proportions), detailed per `quality`, coloured from the prompt (or, without one, the params),
 * written as a binary glTF, plus a JPEG thumbnail of the same mesh.
 */
import { sha256 } from "../hash.ts";
import { encodeGlb } from "../media/glb.ts";
import { encodeJpeg } from "../media/jpeg.ts";
import { pebbleMesh, type Mesh } from "../media/mesh.ts";
import { renderMeshPreview } from "../media/mesh-preview.ts";
import { paletteFrom, type Rgb } from "../media/palette.ts";
import { promptText, requestedBoundingBox, stableJson } from "./params.ts";

export const PREVIEW_SIZE = 512;

/** Icosphere subdivisions per Rodin `quality` (20 · 4^n triangles: 80, 320, 1280, 5120). */
const SUBDIVISIONS: Readonly<Record<string, number>> = { extra_low: 1, low: 2, medium: 3, high: 4 };

export interface Model3dRender {
  readonly glb: Uint8Array;
  readonly previewJpeg: Uint8Array;
  readonly mesh: Mesh;
}

export function renderModel3d(name: string, params: Readonly<Record<string, unknown>>): Model3dRender {
  const prompt = promptText(params);
  const identity = prompt !== "" ? prompt : stableJson(params);
  const palette = paletteFrom(identity);
  const quality = typeof params["quality"] === "string" ? params["quality"] : "high";
  const mesh = pebbleMesh({
    subdivisions: SUBDIVISIONS[quality] ?? 4,
    size: requestedBoundingBox(params),
    seed: sha256(`mesh:${identity}:${stableJson(params["seed"] ?? null)}`),
  });
  const glb = encodeGlb(mesh, {
    name,
    baseColor: linear(palette.accent),
    metallic: params["material"] === "PBR" ? 0.2 : 0,
    roughness: 0.65,
  });
  const raster = renderMeshPreview(mesh, {
    width: PREVIEW_SIZE,
    height: PREVIEW_SIZE,
    color: palette.accent,
    backgroundTop: palette.skyStart,
    backgroundBottom: palette.skyEnd,
  });
  return { glb, previewJpeg: encodeJpeg(raster), mesh };
}

/** sRGB (0..255) to linear RGB (0..1), as glTF's baseColorFactor wants. */
function linear(c: Rgb): [number, number, number] {
  const f = (v: number): number => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return [f(c[0]), f(c[1]), f(c[2])];
}
