import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeGlb } from "../../../src/adapters/providers/media/glb.ts";
import { icosphere, pebbleMesh } from "../../../src/adapters/providers/media/mesh.ts";
import { renderModel3d } from "../../../src/adapters/providers/render/model3d.ts";
import { parseGlb, readAccessor } from "./support/glb-parse.ts";

const ARRAY_BUFFER = 34962;
const ELEMENT_ARRAY_BUFFER = 34963;

function checkGlb(bytes: Uint8Array): ReturnType<typeof parseGlb> {
  const glb = parseGlb(bytes); // header, chunks, alignment, accessor bounds
  const { json } = glb;
  expect(glb.jsonPaddingOk).toBe(true);
  expect(json.asset.version).toBe("2.0");
  expect(json.scenes).toHaveLength(1);
  expect(json.scenes[json.scene ?? 0]!.nodes).toEqual([0]);
  expect(json.nodes[0]!.mesh).toBe(0);
  const primitive = json.meshes[0]!.primitives[0]!;
  expect(Object.keys(primitive.attributes).sort()).toEqual(["NORMAL", "POSITION"]);
  expect(primitive.mode ?? 4).toBe(4);
  const position = json.accessors[primitive.attributes["POSITION"]!]!;
  const normal = json.accessors[primitive.attributes["NORMAL"]!]!;
  const indices = json.accessors[primitive.indices!]!;
  expect(position).toMatchObject({ componentType: 5126, type: "VEC3" });
  expect(normal).toMatchObject({ componentType: 5126, type: "VEC3", count: position.count });
  expect(indices.type).toBe("SCALAR");
  expect([5123, 5125]).toContain(indices.componentType);
  expect(json.bufferViews[position.bufferView]!.target).toBe(ARRAY_BUFFER);
  expect(json.bufferViews[normal.bufferView]!.target).toBe(ARRAY_BUFFER);
  expect(json.bufferViews[indices.bufferView]!.target).toBe(ELEMENT_ARRAY_BUFFER);

  // POSITION min/max are exactly the data's bounds.
  const positions = readAccessor(glb, primitive.attributes["POSITION"]!);
  for (let a = 0; a < 3; a++) {
    const values = positions.filter((_, i) => i % 3 === a);
    expect(position.min![a]).toBe(Math.min(...values));
    expect(position.max![a]).toBe(Math.max(...values));
  }
  // Unit normals; indices within the vertex count, whole triangles.
  const normals = readAccessor(glb, primitive.attributes["NORMAL"]!);
  for (let i = 0; i < normals.length; i += 3) expect(Math.hypot(normals[i]!, normals[i + 1]!, normals[i + 2]!)).toBeCloseTo(1, 4);
  const idx = readAccessor(glb, primitive.indices!);
  expect(idx.length % 3).toBe(0);
  for (const i of idx) expect(i).toBeLessThan(position.count);
  return glb;
}

describe("GLB writer", () => {
  it("writes a valid binary glTF 2.0 for a mesh", () => {
    const mesh = pebbleMesh({ subdivisions: 1, size: [1, 2, 3], seed: new Uint8Array(32) });
    const bytes = encodeGlb(mesh, { name: "test", baseColor: [0.5, 0.25, 1] });
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe("glTF");
    expect(view.getUint32(4, true)).toBe(2);
    expect(view.getUint32(8, true)).toBe(bytes.length);
    expect(String.fromCharCode(...bytes.subarray(16, 20))).toBe("JSON");
    const glb = checkGlb(bytes);
    expect(glb.json.materials?.[0]?.pbrMetallicRoughness?.baseColorFactor).toEqual([0.5, 0.25, 1, 1]);
  });

  it("rejects indices beyond the vertices", () => {
    const mesh = pebbleMesh({ subdivisions: 0, size: [1, 1, 1], seed: new Uint8Array(32) });
    const broken = { ...mesh, indices: Uint16Array.from(mesh.indices, (i) => i + 1) };
    expect(() => encodeGlb(broken, { name: "x", baseColor: [1, 1, 1] })).toThrow(RangeError);
  });
});

describe("meshes", () => {
  it("the icosphere's faces wind counter-clockwise seen from outside", () => {
    for (const n of [0, 2]) {
      const { vertices, faces } = icosphere(n);
      expect(faces).toHaveLength(20 * 4 ** n);
      for (const [a, b, c] of faces) {
        const [pa, pb, pc] = [vertices[a]!, vertices[b]!, vertices[c]!];
        const u = [pb[0] - pa[0], pb[1] - pa[1], pb[2] - pa[2]];
        const v = [pc[0] - pa[0], pc[1] - pa[1], pc[2] - pa[2]];
        const normal = [u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!];
        const centroid = [0, 1, 2].map((k) => pa[k]! + pb[k]! + pc[k]!);
        expect(normal[0]! * centroid[0]! + normal[1]! * centroid[1]! + normal[2]! * centroid[2]!).toBeGreaterThan(0);
      }
    }
  });

  it("property: the pebble exactly fills its bounding box", () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.double({ min: 0.05, max: 5, noNaN: true }), fc.double({ min: 0.05, max: 5, noNaN: true }), fc.double({ min: 0.05, max: 5, noNaN: true })),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (size, seed) => {
          const mesh = pebbleMesh({ subdivisions: 1, size, seed });
          for (let a = 0; a < 3; a++) {
            let lo = Infinity;
            let hi = -Infinity;
            for (let i = a; i < mesh.positions.length; i += 3) {
              lo = Math.min(lo, mesh.positions[i]!);
              hi = Math.max(hi, mesh.positions[i]!);
            }
            expect(hi - lo).toBeCloseTo(size[a]!, 4);
            expect(hi + lo).toBeCloseTo(0, 4);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe("simulated 3D models (rodin-v2)", () => {
  it("the example request gives a valid GLB with a detailed mesh", () => {
    const { glb } = renderModel3d("rodin-v2", { quality: "high", ta_pose: false, material: "All", mesh_mode: "Triangle", use_original_alpha: false });
    const parsed = checkGlb(glb);
    const indices = parsed.json.accessors[parsed.json.meshes[0]!.primitives[0]!.indices!]!;
    expect(indices.count / 3).toBe(5120);
  });

  it("follows the bounding box's proportions and the quality's detail", () => {
    const { glb } = renderModel3d("rodin-v2", { quality: "extra_low", bounding_box: [100, 200, 50] });
    const parsed = checkGlb(glb);
    const position = parsed.json.accessors[0]!;
    const extent = [0, 1, 2].map((a) => position.max![a]! - position.min![a]!);
    expect(extent[0]).toBeCloseTo(0.5, 5);
    expect(extent[1]).toBeCloseTo(1, 5);
    expect(extent[2]).toBeCloseTo(0.25, 5);
    expect(position.count).toBe(80 * 3);
  });

  it("is deterministic, and the prompt changes the colour", () => {
    const a = renderModel3d("rodin-v2", { prompt: "a red dragon", quality: "low" });
    const b = renderModel3d("rodin-v2", { prompt: "a red dragon", quality: "low" });
    const c = renderModel3d("rodin-v2", { prompt: "a blue whale", quality: "low" });
    expect(Buffer.compare(a.glb, b.glb)).toBe(0);
    expect(Buffer.compare(a.previewJpeg, b.previewJpeg)).toBe(0);
    const colour = (glb: Uint8Array): unknown => parseGlb(glb).json.materials?.[0]?.pbrMetallicRoughness?.baseColorFactor;
    expect(colour(c.glb)).not.toEqual(colour(a.glb));
  });
});
