/**
 * A strict GLB reader for tests: checks the header, the two chunks and their alignment, parses
 * the JSON and checks every accessor against its bufferView and the BIN chunk.
 */

export interface GltfAccessor {
  bufferView: number;
  byteOffset?: number;
  componentType: number;
  count: number;
  type: string;
  min?: number[];
  max?: number[];
}

export interface ParsedGlb {
  readonly json: {
    asset: { version: string };
    scene?: number;
    scenes: Array<{ nodes: number[] }>;
    nodes: Array<{ mesh?: number }>;
    meshes: Array<{ primitives: Array<{ attributes: Record<string, number>; indices?: number; material?: number; mode?: number }> }>;
    materials?: Array<{ pbrMetallicRoughness?: { baseColorFactor?: number[] } }>;
    buffers: Array<{ byteLength: number; uri?: string }>;
    bufferViews: Array<{ buffer: number; byteOffset?: number; byteLength: number; byteStride?: number; target?: number }>;
    accessors: GltfAccessor[];
  };
  readonly bin: Uint8Array;
  readonly jsonPaddingOk: boolean;
}

const COMPONENT_SIZE: Record<number, number> = { 5120: 1, 5121: 1, 5122: 2, 5123: 2, 5125: 4, 5126: 4 };
const TYPE_SIZE: Record<string, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4, MAT4: 16 };

export function parseGlb(bytes: Uint8Array): ParsedGlb {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== 0x46546c67) throw new Error("bad magic");
  if (view.getUint32(4, true) !== 2) throw new Error("bad version");
  if (view.getUint32(8, true) !== bytes.length) throw new Error("header length ≠ file length");
  const jsonLength = view.getUint32(12, true);
  if (view.getUint32(16, true) !== 0x4e4f534a) throw new Error("first chunk is not JSON");
  if (jsonLength % 4 !== 0) throw new Error("JSON chunk not 4-byte aligned");
  const jsonBytes = bytes.subarray(20, 20 + jsonLength);
  const text = new TextDecoder("utf-8", { fatal: true }).decode(jsonBytes);
  const jsonPaddingOk = /^[^]*\}[ ]{0,3}$/.test(text);
  const json = JSON.parse(text) as ParsedGlb["json"];
  const binAt = 20 + jsonLength;
  const binLength = view.getUint32(binAt, true);
  if (view.getUint32(binAt + 4, true) !== 0x004e4942) throw new Error("second chunk is not BIN");
  if (binLength % 4 !== 0) throw new Error("BIN chunk not 4-byte aligned");
  if (binAt + 8 + binLength !== bytes.length) throw new Error("chunks do not fill the file");
  const bin = bytes.subarray(binAt + 8, binAt + 8 + binLength);

  if (json.buffers.length !== 1 || json.buffers[0]!.uri !== undefined) throw new Error("expected one GLB buffer");
  if (json.buffers[0]!.byteLength > bin.length || bin.length - json.buffers[0]!.byteLength > 3) {
    throw new Error("buffer byteLength does not match the BIN chunk");
  }
  for (const [i, bv] of json.bufferViews.entries()) {
    const offset = bv.byteOffset ?? 0;
    if (bv.buffer !== 0 || offset + bv.byteLength > json.buffers[0]!.byteLength) throw new Error(`bufferView ${i} outside the buffer`);
  }
  for (const [i, accessor] of json.accessors.entries()) {
    const bv = json.bufferViews[accessor.bufferView];
    if (!bv) throw new Error(`accessor ${i} has no bufferView`);
    const component = COMPONENT_SIZE[accessor.componentType];
    const size = TYPE_SIZE[accessor.type];
    if (!component || !size) throw new Error(`accessor ${i} has a bad type`);
    const element = component * size;
    const stride = bv.byteStride ?? element;
    const offset = accessor.byteOffset ?? 0;
    if (((bv.byteOffset ?? 0) + offset) % component !== 0) throw new Error(`accessor ${i} misaligned`);
    const needed = offset + stride * (accessor.count - 1) + element;
    if (needed > bv.byteLength) throw new Error(`accessor ${i} overruns its bufferView`);
  }
  return { json, bin, jsonPaddingOk };
}

/** The accessor's elements as numbers (tightly packed, little-endian). */
export function readAccessor(glb: ParsedGlb, index: number): number[] {
  const accessor = glb.json.accessors[index]!;
  const bv = glb.json.bufferViews[accessor.bufferView]!;
  const view = new DataView(glb.bin.buffer, glb.bin.byteOffset, glb.bin.byteLength);
  const start = (bv.byteOffset ?? 0) + (accessor.byteOffset ?? 0);
  const n = accessor.count * TYPE_SIZE[accessor.type]!;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    switch (accessor.componentType) {
      case 5126: out.push(view.getFloat32(start + i * 4, true)); break;
      case 5125: out.push(view.getUint32(start + i * 4, true)); break;
      case 5123: out.push(view.getUint16(start + i * 2, true)); break;
      case 5121: out.push(view.getUint8(start + i)); break;
      default: throw new Error(`unsupported componentType ${accessor.componentType}`);
    }
  }
  return out;
}
