/**
 * A deterministic "generated" 3D object: a subdivided icosahedron whose surface is gently
 * displaced by a few seeded waves (a pebble-like shape), stretched to fill a bounding box
 * exactly, flat-shaded (three vertices per triangle, each with its face's normal).
 */
import { seededRandom } from "../hash.ts";

export type Vec3 = readonly [number, number, number];

export interface Mesh {
  /** x, y, z per vertex (y is up, as in glTF). */
  readonly positions: Float32Array;
  /** Unit normal per vertex. */
  readonly normals: Float32Array;
  /** Counter-clockwise triangles (seen from outside). */
  readonly indices: Uint16Array | Uint32Array;
}

export interface PebbleOptions {
  /** Each subdivision quadruples the 20 faces of the icosahedron (0..6). */
  readonly subdivisions: number;
  /** Extent along x, y and z (all > 0). */
  readonly size: Vec3;
  /** Seeds the surface displacement. */
  readonly seed: Uint8Array;
}

export function pebbleMesh(options: PebbleOptions): Mesh {
  const { subdivisions, size, seed } = options;
  if (!Number.isInteger(subdivisions) || subdivisions < 0 || subdivisions > 6) {
    throw new RangeError(`pebbleMesh: subdivisions must be 0..6, got ${subdivisions}`);
  }
  if (!size.every((s) => Number.isFinite(s) && s > 0)) throw new RangeError(`pebbleMesh: bad size ${size.join("×")}`);

  const { vertices, faces } = icosphere(subdivisions);

  // Displace along the radius by a sum of a few seeded waves (smooth, so still a closed blob).
  const random = seededRandom(seed);
  const waves = Array.from({ length: 4 }, () => {
    const direction = unitVector([random() * 2 - 1, random() * 2 - 1, random() * 2 - 1 + 1e-3]);
    return { direction, frequency: 1.5 + random() * 3.5, phase: random() * Math.PI * 2, amplitude: 0.04 + random() * 0.07 };
  });
  const displaced = vertices.map((v): Vec3 => {
    let r = 1;
    for (const w of waves) r += w.amplitude * Math.sin(w.frequency * dot(w.direction, v) + w.phase);
    return [v[0] * r, v[1] * r, v[2] * r];
  });

  // Stretch so the object fills [-size/2, size/2] on every axis.
  const lo: [number, number, number] = [Infinity, Infinity, Infinity];
  const hi: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (const v of displaced) {
    for (let a = 0; a < 3; a++) {
      lo[a] = Math.min(lo[a]!, v[a]!);
      hi[a] = Math.max(hi[a]!, v[a]!);
    }
  }
  const fitted = displaced.map((v): Vec3 => {
    const axis = (a: 0 | 1 | 2): number => ((v[a] - lo[a]!) / (hi[a]! - lo[a]!) - 0.5) * size[a];
    return [axis(0), axis(1), axis(2)];
  });

  const count = faces.length * 3;
  const positions = new Float32Array(count * 3);
  const normals = new Float32Array(count * 3);
  const indices = count <= 0x10000 ? new Uint16Array(count) : new Uint32Array(count);
  let k = 0;
  for (const [ia, ib, ic] of faces) {
    const a = fitted[ia]!;
    const b = fitted[ib]!;
    const c = fitted[ic]!;
    const n = unitVector(cross(sub(b, a), sub(c, a)));
    for (const p of [a, b, c]) {
      positions.set(p, k * 3);
      normals.set(n, k * 3);
      indices[k] = k;
      k++;
    }
  }
  return { positions, normals, indices };
}

/** The unit icosahedron subdivided `subdivisions` times, vertices on the unit sphere, faces CCW outward. */
export function icosphere(subdivisions: number): { vertices: Vec3[]; faces: Array<[number, number, number]> } {
  const t = (1 + Math.sqrt(5)) / 2;
  const vertices: Vec3[] = (
    [
      [-1, t, 0], [1, t, 0], [-1, -t, 0], [1, -t, 0],
      [0, -1, t], [0, 1, t], [0, -1, -t], [0, 1, -t],
      [t, 0, -1], [t, 0, 1], [-t, 0, -1], [-t, 0, 1],
    ] as const
  ).map((v) => unitVector(v));
  let faces: Array<[number, number, number]> = [
    [0, 11, 5], [0, 5, 1], [0, 1, 7], [0, 7, 10], [0, 10, 11],
    [1, 5, 9], [5, 11, 4], [11, 10, 2], [10, 7, 6], [7, 1, 8],
    [3, 9, 4], [3, 4, 2], [3, 2, 6], [3, 6, 8], [3, 8, 9],
    [4, 9, 5], [2, 4, 11], [6, 2, 10], [8, 6, 7], [9, 8, 1],
  ];
  for (let s = 0; s < subdivisions; s++) {
    const midpoints = new Map<string, number>();
    const midpoint = (i: number, j: number): number => {
      const key = i < j ? `${i}:${j}` : `${j}:${i}`;
      const known = midpoints.get(key);
      if (known !== undefined) return known;
      const a = vertices[i]!;
      const b = vertices[j]!;
      vertices.push(unitVector([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2]));
      midpoints.set(key, vertices.length - 1);
      return vertices.length - 1;
    };
    const next: Array<[number, number, number]> = [];
    for (const [a, b, c] of faces) {
      const ab = midpoint(a, b);
      const bc = midpoint(b, c);
      const ca = midpoint(c, a);
      next.push([a, ab, ca], [b, bc, ab], [c, ca, bc], [ab, bc, ca]);
    }
    faces = next;
  }
  return { vertices, faces };
}

function sub(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function unitVector(v: Vec3): Vec3 {
  const length = Math.hypot(v[0], v[1], v[2]);
  if (!(length > 0)) throw new RangeError("unitVector: zero-length vector");
  return [v[0] / length, v[1] / length, v[2] / length];
}
