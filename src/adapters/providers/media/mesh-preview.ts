/**
 * A tiny software renderer for mesh thumbnails: orthographic three-quarter view, z-buffer,
 * Lambert shading with one key light and ambient, over a vertical background gradient.
 */
import type { Mesh } from "./mesh.ts";
import type { Rgb } from "./palette.ts";
import type { RgbRaster } from "./jpeg.ts";

export interface PreviewOptions {
  readonly width: number;
  readonly height: number;
  readonly color: Rgb;
  readonly backgroundTop: Rgb;
  readonly backgroundBottom: Rgb;
  /** Camera yaw around the vertical axis, radians. */
  readonly yaw?: number;
  /** Camera pitch (looking down), radians. */
  readonly pitch?: number;
}

export function renderMeshPreview(mesh: Mesh, options: PreviewOptions): RgbRaster {
  const { width, height, color, backgroundTop, backgroundBottom } = options;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`renderMeshPreview: bad size ${width}×${height}`);
  }
  const yaw = options.yaw ?? Math.PI / 5;
  const pitch = options.pitch ?? Math.PI / 8;
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const t = height === 1 ? 0 : y / (height - 1);
    const r = Math.round(backgroundTop[0] + (backgroundBottom[0] - backgroundTop[0]) * t);
    const g = Math.round(backgroundTop[1] + (backgroundBottom[1] - backgroundTop[1]) * t);
    const b = Math.round(backgroundTop[2] + (backgroundBottom[2] - backgroundTop[2]) * t);
    for (let x = 0, p = y * width * 3; x < width; x++, p += 3) {
      rgb[p] = r;
      rgb[p + 1] = g;
      rgb[p + 2] = b;
    }
  }

  // Camera space: rotate by yaw around y, then pitch around x; the viewer looks along -z.
  const cy = Math.cos(yaw), sy = Math.sin(yaw), cp = Math.cos(pitch), sp = Math.sin(pitch);
  const toCamera = (x: number, y: number, z: number): [number, number, number] => {
    const x1 = cy * x + sy * z;
    const z1 = -sy * x + cy * z;
    return [x1, cp * y - sp * z1, sp * y + cp * z1];
  };
  const { positions, normals, indices } = mesh;
  const vertexCount = positions.length / 3;
  const cam = new Float64Array(vertexCount * 3);
  let extent = 0;
  for (let v = 0; v < vertexCount; v++) {
    const c = toCamera(positions[v * 3]!, positions[v * 3 + 1]!, positions[v * 3 + 2]!);
    cam.set(c, v * 3);
    extent = Math.max(extent, Math.abs(c[0]), Math.abs(c[1]));
  }
  const scale = (0.4 * Math.min(width, height)) / (extent || 1);
  const sx = (v: number): number => width / 2 + cam[v * 3]! * scale;
  const sY = (v: number): number => height / 2 - cam[v * 3 + 1]! * scale;

  const light = normalize([-0.55, 0.6, 0.58]); // camera space: upper left, in front
  const depth = new Float64Array(width * height).fill(-Infinity);
  for (let f = 0; f < indices.length; f += 3) {
    const a = indices[f]!, b = indices[f + 1]!, c = indices[f + 2]!;
    const ax = sx(a), ay = sY(a), bx = sx(b), by = sY(b), cx = sx(c), cyy = sY(c);
    const area = (bx - ax) * (cyy - ay) - (by - ay) * (cx - ax);
    if (area >= 0) continue; // back-facing (screen y points down, so front faces have negative area)
    const n = normalize(toCamera(normals[a * 3]!, normals[a * 3 + 1]!, normals[a * 3 + 2]!));
    const lambert = Math.max(0, n[0] * light[0] + n[1] * light[1] + n[2] * light[2]);
    const intensity = 0.22 + 0.78 * lambert;
    const fr = Math.min(255, Math.round(color[0] * intensity));
    const fg = Math.min(255, Math.round(color[1] * intensity));
    const fb = Math.min(255, Math.round(color[2] * intensity));
    const az = cam[a * 3 + 2]!, bz = cam[b * 3 + 2]!, cz = cam[c * 3 + 2]!;
    const x0 = Math.max(0, Math.floor(Math.min(ax, bx, cx)));
    const x1 = Math.min(width - 1, Math.ceil(Math.max(ax, bx, cx)));
    const y0 = Math.max(0, Math.floor(Math.min(ay, by, cyy)));
    const y1 = Math.min(height - 1, Math.ceil(Math.max(ay, by, cyy)));
    for (let y = y0; y <= y1; y++) {
      const py = y + 0.5;
      for (let x = x0; x <= x1; x++) {
        const px = x + 0.5;
        const w0 = ((bx - px) * (cyy - py) - (by - py) * (cx - px)) / area;
        const w1 = ((cx - px) * (ay - py) - (cyy - py) * (ax - px)) / area;
        const w2 = 1 - w0 - w1;
        if (w0 < 0 || w1 < 0 || w2 < 0) continue;
        const z = w0 * az + w1 * bz + w2 * cz;
        const at = y * width + x;
        if (z <= depth[at]!) continue;
        depth[at] = z;
        rgb[at * 3] = fr;
        rgb[at * 3 + 1] = fg;
        rgb[at * 3 + 2] = fb;
      }
    }
  }
  return { width, height, rgb };
}

function normalize(v: readonly [number, number, number]): [number, number, number] {
  const l = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / l, v[1] / l, v[2] / l];
}
