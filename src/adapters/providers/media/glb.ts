/**
 * Binary glTF 2.0 (.glb) writer for one triangle mesh: a 12-byte header, a JSON chunk padded
 * with spaces and a BIN chunk padded with zeros (both to 4 bytes), one scene → node → mesh
 * with POSITION (with min/max), NORMAL and indices accessors and a PBR material.
 */
import type { Mesh } from "./mesh.ts";

export interface GlbOptions {
  readonly name: string;
  /** Linear RGB in [0, 1]. */
  readonly baseColor: readonly [number, number, number];
  readonly metallic?: number;
  readonly roughness?: number;
  readonly generator?: string;
}

const GLB_MAGIC = 0x46546c67; // "glTF"
const CHUNK_JSON = 0x4e4f534a; // "JSON"
const CHUNK_BIN = 0x004e4942; // "BIN\0"
const ARRAY_BUFFER = 34962;
const ELEMENT_ARRAY_BUFFER = 34963;
const FLOAT = 5126;
const UNSIGNED_SHORT = 5123;
const UNSIGNED_INT = 5125;
const TRIANGLES = 4;

export function encodeGlb(mesh: Mesh, options: GlbOptions): Uint8Array {
  const { positions, normals, indices } = mesh;
  const vertexCount = positions.length / 3;
  if (!Number.isInteger(vertexCount) || vertexCount < 3) throw new RangeError(`encodeGlb: bad positions length ${positions.length}`);
  if (normals.length !== positions.length) throw new RangeError("encodeGlb: normals and positions differ in length");
  if (indices.length === 0 || indices.length % 3 !== 0) throw new RangeError(`encodeGlb: bad index count ${indices.length}`);
  for (const i of indices) if (i >= vertexCount) throw new RangeError(`encodeGlb: index ${i} ≥ vertex count ${vertexCount}`);

  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let v = 0; v < vertexCount; v++) {
    for (let a = 0; a < 3; a++) {
      const value = positions[v * 3 + a]!; // already float32, so exactly what readers see
      if (!Number.isFinite(value)) throw new RangeError("encodeGlb: non-finite position");
      min[a] = Math.min(min[a]!, value);
      max[a] = Math.max(max[a]!, value);
    }
  }

  // BIN layout: positions | normals | indices, each starting on a 4-byte boundary.
  const positionBytes = positions.byteLength;
  const normalBytes = normals.byteLength;
  const indexBytes = indices.byteLength;
  const normalOffset = positionBytes;
  const indexOffset = normalOffset + normalBytes;
  const binLength = indexOffset + indexBytes;
  const binPadded = align4(binLength);

  const gltf = {
    asset: { version: "2.0", generator: options.generator ?? "gateai simulated provider" },
    scene: 0,
    scenes: [{ name: options.name, nodes: [0] }],
    nodes: [{ name: options.name, mesh: 0 }],
    meshes: [
      {
        name: options.name,
        primitives: [{ attributes: { POSITION: 0, NORMAL: 1 }, indices: 2, material: 0, mode: TRIANGLES }],
      },
    ],
    materials: [
      {
        name: `${options.name}-material`,
        pbrMetallicRoughness: {
          baseColorFactor: [...options.baseColor.map((c) => clamp01(c)), 1],
          metallicFactor: clamp01(options.metallic ?? 0),
          roughnessFactor: clamp01(options.roughness ?? 0.7),
        },
      },
    ],
    buffers: [{ byteLength: binLength }],
    bufferViews: [
      { buffer: 0, byteOffset: 0, byteLength: positionBytes, target: ARRAY_BUFFER },
      { buffer: 0, byteOffset: normalOffset, byteLength: normalBytes, target: ARRAY_BUFFER },
      { buffer: 0, byteOffset: indexOffset, byteLength: indexBytes, target: ELEMENT_ARRAY_BUFFER },
    ],
    accessors: [
      { bufferView: 0, byteOffset: 0, componentType: FLOAT, count: vertexCount, type: "VEC3", min, max },
      { bufferView: 1, byteOffset: 0, componentType: FLOAT, count: vertexCount, type: "VEC3" },
      {
        bufferView: 2,
        byteOffset: 0,
        componentType: indices instanceof Uint16Array ? UNSIGNED_SHORT : UNSIGNED_INT,
        count: indices.length,
        type: "SCALAR",
      },
    ],
  };
  const jsonBytes = new TextEncoder().encode(JSON.stringify(gltf));
  const jsonPadded = align4(jsonBytes.length);

  const total = 12 + 8 + jsonPadded + 8 + binPadded;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, GLB_MAGIC, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, total, true);

  view.setUint32(12, jsonPadded, true);
  view.setUint32(16, CHUNK_JSON, true);
  out.set(jsonBytes, 20);
  out.fill(0x20, 20 + jsonBytes.length, 20 + jsonPadded);

  const binStart = 20 + jsonPadded;
  view.setUint32(binStart, binPadded, true);
  view.setUint32(binStart + 4, CHUNK_BIN, true);
  const data = binStart + 8;
  out.set(littleEndianBytes(positions), data);
  out.set(littleEndianBytes(normals), data + normalOffset);
  out.set(littleEndianBytes(indices), data + indexOffset);
  // The padding after binLength is already zero.
  return out;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

function clamp01(v: number): number {
  if (!Number.isFinite(v)) throw new RangeError(`encodeGlb: non-finite factor ${v}`);
  return Math.min(1, Math.max(0, v));
}

/** The array's bytes in little-endian order (glTF's), whatever the platform. */
function littleEndianBytes(array: Float32Array | Uint16Array | Uint32Array): Uint8Array {
  const size = array.BYTES_PER_ELEMENT;
  const out = new Uint8Array(array.length * size);
  const view = new DataView(out.buffer);
  for (let i = 0; i < array.length; i++) {
    const value = array[i]!;
    if (array instanceof Float32Array) view.setFloat32(i * size, value, true);
    else if (size === 2) view.setUint16(i * size, value, true);
    else view.setUint32(i * size, value, true);
  }
  return out;
}
