import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine/engine.ts";
import { findReferences, isReference, parseReferenceUrl, replaceAt } from "../../src/engine/references.ts";

const engine = createEngine();
const media = (model: string) => engine.profile(model)!.media;

describe("parseReferenceUrl: parsed once, the serialization is what is kept", () => {
  it("gives the WHATWG serialization of what it accepts", () => {
    expect(parseReferenceUrl("HTTPS://CDN.Example.COM:443/a/./b/../c%2e%2E/../x.png?q=1#f")).toMatchObject({ ok: true, href: "https://cdn.example.com/a/x.png?q=1#f" });
    expect(parseReferenceUrl("https://bücher.example/ä.png")).toMatchObject({ ok: true, href: "https://xn--bcher-kva.example/%C3%A4.png" });
  });

  it.each([
    "http://cdn.example.com/a.png",
    "ftp://cdn.example.com/a.png",
    "file:///etc/passwd",
    "gopher://cdn.example.com/",
    "//127.0.0.1/a.png",
    " https://cdn.example.com/a.png",
    "https://cdn.example.com/a.png ",
    "https:cdn.example.com",
    "https:\\\\cdn.example.com\\a.png",
    "https://8.8.8.8\\@127.0.0.1:4713/x.png",
    "https://a@cdn.example.com/",
    "https://a:b@cdn.example.com/",
    "https://",
    `https://cdn.example.com/${"a".repeat(5000)}`,
  ])("refuses %j", (value) => {
    expect(parseReferenceUrl(value).ok).toBe(false);
    expect(isReference(value)).toBe(false);
  });
});

describe("findReferences: where the catalog says references are", () => {
  it("finds strings at marked places, and link-like strings elsewhere in marked params, with their paths", () => {
    const found = findReferences(media("flux-dev"), {
      prompt: "https://not-a-reference.example/in/a/prompt",
      image_guidances: [{ image_url: "a", guidance_type: "StyleTransfer", extra: { deep: "x://y" } }, "https://cdn.example.com/b.png"],
      loras: [{ path: "p", name: "plain" }],
    });
    expect(found.issues).toEqual([]);
    // In the catalog's order of params.
    expect(found.references.map(({ field, value, kind }) => ({ field, value, kind }))).toEqual([
      { field: "loras[0].path", value: "p", kind: "weights" },
      { field: "image_guidances[0].image_url", value: "a", kind: "image" },
      { field: "image_guidances[0].extra.deep", value: "x://y", kind: "image" },
      { field: "image_guidances[1]", value: "https://cdn.example.com/b.png", kind: "image" },
    ]);
  });

  it("names odd keys so the path stays readable", () => {
    const found = findReferences(media("cortex_2.0"), { controls: { "a b": "file:///x" } });
    expect(found.references.map((r) => r.field)).toEqual(['controls["a b"]']);
  });
});

describe("replaceAt", () => {
  it("copies only the containers on the paths, and writes own properties (no prototype setter)", () => {
    const shared = { untouched: true };
    const params = JSON.parse('{"a":[{"u":"x","__proto__":{"polluted":"no"}}],"b":{"c":"y"}}') as Record<string, any>;
    params.shared = shared;
    const next = replaceAt(params, [
      { path: ["a", 0, "u"], value: "X" },
      { path: ["a", 0, "__proto__"], value: "P" },
    ]);
    expect(next.a[0].u).toBe("X");
    expect(Object.getOwnPropertyDescriptor(next.a[0], "__proto__")!.value).toBe("P");
    expect(Object.getPrototypeOf(next.a[0])).toBe(Object.prototype);
    expect(params.a[0].u).toBe("x");
    expect(next.b).toBe(params.b);
    expect(next.shared).toBe(shared);
    expect(({} as any).polluted).toBeUndefined();
  });
});
