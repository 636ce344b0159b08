import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine/engine.ts";
import { checkAndNormalizeReferences, isBlockedAddress, type HostResolver } from "../../src/services/references.ts";
import { openDatabase, type Database } from "../../src/adapters/postgres/database.ts";
import { createFileRecords } from "../../src/adapters/postgres/file-records.ts";
import { pgliteTemplate } from "../support/pglite-template.ts";

const engine = createEngine();
const profile = (id: string) => engine.profile(id)!;

/** A DNS stand-in: this machine has none. */
const dns: Record<string, string[]> = {
  "cdn.example.com": ["93.184.216.34"],
  "rebind.example.com": ["93.184.216.34", "10.0.0.5"],
  "intranet.example.com": ["192.168.1.20"],
  "v6.example.com": ["2606:2800:220:1::1"],
  "v6-local.example.com": ["fe80::1"],
  "mapped.example.com": ["::ffff:127.0.0.1"],
  "compat.example.com": ["::7f00:1"],
  "sixtofour.example.com": ["2002:a9fe:a9fe::1"],
};
const lookups: string[] = [];
const resolve: HostResolver = async (host) => {
  lookups.push(host);
  const found = dns[host];
  if (!found) throw new Error("ENOTFOUND");
  return found;
};

let db: Database;
beforeAll(async () => {
  db = await openDatabase({ memory: true, pgliteTemplate });
});
afterAll(async () => db.close());

const checked = (model: string, params: Record<string, unknown>, keyId = "key-1", maxBytes = 1024) =>
  checkAndNormalizeReferences({ files: createFileRecords(db.prisma, db.sql), policy: { maxBytes, resolve } }, keyId, profile(model), params);
const check = async (model: string, params: Record<string, unknown>, keyId = "key-1", maxBytes = 1024) => (await checked(model, params, keyId, maxBytes)).issues;

/** A data: URI of `bytes` bytes that really is a PNG (the signature, then padding). */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const pngBytes = (bytes: number) => {
  const data = Buffer.alloc(bytes, 7);
  data.set(PNG_SIGNATURE.slice(0, bytes));
  return data;
};
const png = (bytes: number) => `data:image/png;base64,${pngBytes(bytes).toString("base64")}`;
const mp3 = () => `data:audio/mpeg;base64,${Buffer.from("ID3\x04\x00\x00\x00\x00\x00\x00", "latin1").toString("base64")}`;

describe("which addresses a reference may point at (isBlockedAddress: everything but global unicast)", () => {
  it.each([
    // IPv4: loopback, private, link-local, CGNAT, unspecified, multicast, broadcast, reserved, documentation, benchmarking
    "127.0.0.1", "127.255.255.254", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.1", "169.254.169.254", "100.64.0.1",
    "0.0.0.0", "0.1.2.3", "224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1", "192.0.0.8", "192.0.2.1", "198.18.0.1", "203.0.113.9",
    // IPv6: loopback, unspecified, link-local (zoned too), unique-local, site-local, multicast
    "::1", "::", "fe80::1", "fe80::1%eth0", "fc00::1", "fd12::1", "fec0::1", "feff::1", "ff02::1",
    // IPv4-mapped, IPv4-compatible, IPv4-translated around loopback and private addresses
    "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:7f00:1", "::127.0.0.1", "::7f00:1", "::8.8.8.8", "::ffff:0:7f00:1", "::ffff:0:a00:1",
    // 6to4 and NAT64 embedding loopback, link-local and private IPv4; NAT64 local use; Teredo; documentation; ORCHIDv2
    "2002:7f00:1::1", "2002:a9fe:a9fe::1", "2002:a00:1::", "64:ff9b::7f00:1", "64:ff9b::169.254.169.254", "64:ff9b:1::808:808",
    "2001::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:db8::1", "2001:20::1",
    // outside 2000::/3
    "100::1", "4000::1",
    // bracketed literals as URL hosts carry them
    "[::1]", "[::7f00:1]", "[::ffff:0:7f00:1]", "[fec0::1]",
    // not an address at all (or not in the dotted-decimal form URLs and resolvers give)
    "", "localhost", "0x7f.1", "2130706433", "127.1", "1.2.3.4.5",
  ])("refuses %s", (address) => expect(isBlockedAddress(address)).toBe(true));

  it.each([
    "93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:2800:220:1::1", "[2606:2800:220:1::1]", "2a00:1450:4001:81b::200e",
    "::ffff:93.184.216.34", "::ffff:0:808:808", "2002:808:808::1", "64:ff9b::808:808",
  ])("allows the global unicast address %s", (address) => expect(isBlockedAddress(address)).toBe(false));
});

describe("checking a request's references before it is accepted", () => {
  it("accepts an https URL whose host resolves only to public addresses (IPv4 and IPv6)", async () => {
    expect(await check("seedance-2.0", { start_frame: "https://cdn.example.com/cat.jpg", image: "https://v6.example.com/a.png" })).toEqual([]);
  });

  it("refuses a URL that resolves to a private address, even if another address is public, without naming the address", async () => {
    const issues = await check("seedance-2.0", { start_frame: "https://rebind.example.com/a.jpg", end_frame: "https://intranet.example.com/b.jpg" });
    expect(issues.map((i) => i.field)).toEqual(["end_frame", "start_frame"]);
    expect(issues[0]!.reason).toMatch(/private|loopback|link-local/);
    expect(JSON.stringify(issues)).not.toMatch(/10\.0\.0\.5|192\.168/);
  });

  it("refuses names that resolve to IPv4-mapped, IPv4-compatible and 6to4 forms of loopback and link-local", async () => {
    for (const host of ["mapped.example.com", "compat.example.com", "sixtofour.example.com"])
      expect(await check("seedance-2.0", { image: `https://${host}/x.png` }), host).toHaveLength(1);
  });

  it("refuses literal loopback and link-local hosts, localhost, IPv6 link-local and http URLs", async () => {
    for (const url of ["https://127.0.0.1/x.png", "https://[::1]/x.png", "https://169.254.169.254/latest", "https://localhost/x.png", "https://v6-local.example.com/x.png"]) {
      expect(await check("seedance-2.0", { image: url }), url).toHaveLength(1);
    }
    expect((await check("seedance-2.0", { reference_image_urls: ["http://cdn.example.com/a.png"] }))[0]!.reason).toMatch(/https/);
  });

  it.each([
    "https://[::127.0.0.1]/x.png",
    "https://[::7f00:1]/x.png",
    "https://[::ffff:0:7f00:1]/x.png",
    "https://[::ffff:7f00:1]/x.png",
    "https://[2002:7f00:1::1]/x.png",
    "https://[2002:a9fe:a9fe::1]/x.png",
    "https://[64:ff9b::a9fe:a9fe]/x.png",
    "https://[fec0::1]/x.png",
    "https://[fe80::1%25eth0]/x.png",
    "https://0x7f.1/x.png",
    "https://2130706433/x.png",
    "https://127.1/x.png",
    "https://0177.0.0.1/x.png",
    "https://%31%32%37.0.0.1/x.png",
    "https://localhost./x.png",
    "https://a.b.localhost/x.png",
    "https://ｌｏｃａｌｈｏｓｔ/x.png",
  ])("refuses %s (the host as the URL parser reads it)", async (url) => {
    const issues = await check("seedance-2.0", { image: url });
    expect(issues).toEqual([{ field: "image", reason: expect.any(String) }]);
  });

  it("refuses a host that does not resolve", async () => {
    expect((await check("seedance-2.0", { image: "https://nowhere.invalid/a.png" }))[0]!.reason).toMatch(/could not be resolved/);
  });

  it("accepts a data: URI of the field's media kind within the limit and refuses one over it, naming the limit", async () => {
    expect(await check("seedance-2.0", { start_frame: png(1024) })).toEqual([]);
    const [issue] = await check("seedance-2.0", { start_frame: png(1025) });
    expect(issue).toEqual({ field: "start_frame", reason: expect.stringContaining("1024-byte limit") });
  });

  it("refuses a data: URI of the wrong media kind for its field", async () => {
    const [issue] = await check("seedance-2.0", { reference_video_urls: [png(10)] });
    expect(issue!.reason).toMatch(/video\/\*.*image\/png/);
    expect(await check("seedance-2.0", { reference_audio_urls: [mp3()] })).toEqual([]);
  });

  it("accepts upload ids that exist, belong to the key and hold the right media; refuses the others", async () => {
    const image = await db.prisma.upload.create({ data: { keyId: "key-1", mediaType: "image/png", sizeBytes: 3, data: new Uint8Array([1, 2, 3]) } });
    const video = await db.prisma.upload.create({ data: { keyId: "key-1", mediaType: "video/mp4", sizeBytes: 3, data: new Uint8Array([1, 2, 3]) } });
    const foreign = await db.prisma.upload.create({ data: { keyId: "key-2", mediaType: "image/png", sizeBytes: 3, data: new Uint8Array([1, 2, 3]) } });
    expect(await check("seedance-2.0", { images: [image.id], videos: [video.id], start_frame: image.id })).toEqual([]);
    const issues = await check("seedance-2.0", { images: [video.id, foreign.id], videos: [image.id] });
    expect(issues).toEqual([
      { field: "images[0]", reason: expect.stringContaining("is video/mp4, not image") },
      { field: "images[1]", reason: expect.stringContaining("does not exist for this key") },
      { field: "videos[0]", reason: expect.stringContaining("is image/png, not video") },
    ]);
    // An upload in a nested field is checked the same way.
    expect(await check("kling-3.0", { elements: [{ frontal_image_url: foreign.id }] })).toEqual([
      { field: "elements[0].frontal_image_url", reason: expect.stringContaining("does not exist for this key") },
    ]);
  });
});

describe("every place the catalog marks as carrying media is checked (the 21 places of issue 12, and more)", () => {
  const FILE = "file:///etc/passwd";
  const cases: [model: string, params: Record<string, unknown>, fields: string[]][] = [
    ["kling-2.6", { audio: FILE }, ["audio"]],
    ["veo-3.1-generate-001", { audio: "ftp://example.com/a.mp3" }, ["audio"]],
    ["veo-3.1-fast-generate-001", { audio: " https://cdn.example.com/a.mp3" }, ["audio"]],
    ["veo-3.1-lite", { audio: "//127.0.0.1/a.mp3" }, ["audio"]],
    ["seedance-2.0", { reference_image_urls: [FILE, " https://169.254.169.254/latest/meta-data/"] }, ["reference_image_urls[0]", "reference_image_urls[1]"]],
    ["seedance-2.0", { reference_video_urls: ["gopher://example.com/v.mp4"] }, ["reference_video_urls[0]"]],
    ["seedance-2.0", { reference_audio_urls: ["//127.0.0.1/a.mp3"] }, ["reference_audio_urls[0]"]],
    ["seedance-2.0-fast", { reference_image_urls: ["ftp://example.com/a.png"], reference_video_urls: [FILE], reference_audio_urls: ["gopher://x/"] }, [
      "reference_audio_urls[0]", "reference_image_urls[0]", "reference_video_urls[0]",
    ]],
    ["gemini-image-2", { image_urls: [FILE] }, ["image_urls[0]"]],
    ["nano-banana-2", { image_urls: ["https://cdn.example.com/a.png", "//127.0.0.1/x.png"] }, ["image_urls[1]"]],
    ["ideogram-v3.0", { image_urls: [" https://cdn.example.com/a.png"] }, ["image_urls[0]"]],
    ["kling-3.0", { image_urls: ["gopher://example.com/"] }, ["image_urls[0]"]],
    ["happy-horse", { video_guidance: [FILE], image_guidance: ["ftp://x/a.png"] }, ["image_guidance[0]", "video_guidance[0]"]],
    ["kling-video-o-1", { video_guidance: [{ video_url: "https://127.0.0.1/v.mp4", type: "BASE" }] }, ["video_guidance[0].video_url"]],
    ["kling-video-o-3", { image_guidance: [{ image_url: FILE }], video_guidance: ["https://10.0.0.1/v.mp4"] }, ["image_guidance[0].image_url", "video_guidance[0]"]],
    ["flux-dev", { image_guidances: [{ image_url: FILE, guidance_type: "StyleTransfer", strength: 0.5 }] }, ["image_guidances[0].image_url"]],
    ["flux-dev", { loras: [{ path: "gopher://example.com/lora.safetensors", scale: 1 }] }, ["loras[0].path"]],
    ["gpt-image-1", { image_guidances: [{ image_url: "https://169.254.169.254/x" }] }, ["image_guidances[0].image_url"]],
    ["gpt-image-2", { image_guidances: [{ image_url: " https://cdn.example.com/a.png" }] }, ["image_guidances[0].image_url"]],
    ["lucid-origin", { image_guidances: [{ image_url: "//127.0.0.1/a.png" }] }, ["image_guidances[0].image_url"]],
    ["kling-3.0", { elements: [{ frontal_image_url: "https://127.0.0.1/x.png", reference_image_urls: ["https://cdn.example.com/ok.png", FILE] }] }, [
      "elements[0].frontal_image_url", "elements[0].reference_image_urls[1]",
    ]],
    ["cortex_2.0", { controls: { image: FILE } }, ["controls.image"]],
    ["cortex_2.0-fast", { controls: { image: "https://cdn.example.com/a.png", depth: { map: "ftp://x/d.png" } } }, ["controls.depth.map"]],
    ["cortex_2.0", { elements: [{ anything: "https://10.0.0.1/x.png" }] }, ["elements[0].anything"]],
    ["cortex_1.0", { motion_strength: { source: FILE } }, ["motion_strength.source"]],
    ["cortex-v1.0", { tiling: "file:///x", contrast: ["//127.0.0.1/"] }, ["contrast[0]", "tiling"]],
    ["cortex_2.0", { frame_interpolation: { url: "gopher://x/" } }, ["frame_interpolation.url"]],
    ["kling-3.0", { voice_ids: ["voice-1", "https://127.0.0.1/voice"] }, ["voice_ids[1]"]],
  ];

  it.each(cases)("%s %j is refused naming %j", async (model, params, fields) => {
    const issues = await check(model, params);
    expect(issues.map((i) => i.field)).toEqual(fields);
  });

  it("leaves plain values in those places alone (names, numbers, booleans, enum-like strings)", async () => {
    expect(await check("flux-dev", { image_guidances: [{ image_url: "https://cdn.example.com/a.png", guidance_type: "StyleTransfer", strength: 0.5 }], loras: [{ path: "https://cdn.example.com/l.safetensors", scale: 1 }] })).toEqual([]);
    expect(await check("kling-video-o-1", { video_guidance: [{ video_url: "https://cdn.example.com/v.mp4", type: "BASE" }] })).toEqual([]);
    expect(await check("veo-3.1-lite", { audio: true })).toEqual([]);
    expect(await check("cortex-v1.0", { tiling: true, contrast: "high" })).toEqual([]);
    expect(await check("kling-3.0", { voice_ids: ["voice-1", "f578692c-6475-4d85-b4c2-32a97af506ff"] })).toEqual([]);
  });

  it("marks every array, reference and `?` param of the catalog except those that hold no media", () => {
    const unmarked = engine.models.flatMap((m) => m.params.filter((p) => ["array", "reference", "any"].includes(p.type) && !p.media).map((p) => `${m.id}.${p.name}`));
    expect(unmarked).toEqual(["gemini-image-2.response_modalities", "nano-banana-2.response_modalities", "rodin-v2.bounding_box"]);
    for (const model of engine.models) expect(profile(model.id).media.get("image")).toEqual({ value: "image" });
  });

  it("takes a LoRA only from an https URL (no data: URI, no upload id)", async () => {
    const issues = await check("flux-dev", { loras: [{ path: png(10) }, { path: "f578692c-6475-4d85-b4c2-32a97af506ff" }] });
    expect(issues).toEqual([
      { field: "loras[0].path", reason: "must be an https URL" },
      { field: "loras[1].path", reason: "must be an https URL" },
    ]);
  });

  it("bounds the walk: at most 64 references and 8 levels, naming the bound", async () => {
    const many = await check("seedance-2.0", { reference_image_urls: Array.from({ length: 65 }, (_, i) => `https://cdn.example.com/${i}.png`) });
    expect(many).toEqual([{ field: "reference_image_urls[64]", reason: expect.stringContaining("at most 64 references") }]);
    let deep: unknown = "https://cdn.example.com/a.png";
    for (let i = 0; i < 9; i++) deep = [deep];
    expect(await check("cortex_2.0", { controls: deep })).toEqual([{ field: expect.stringMatching(/^controls(\[0\]){8}$/), reason: expect.stringContaining("8 levels") }]);
  });

  it("resolves each host once however many references name it", async () => {
    lookups.length = 0;
    expect(await check("seedance-2.0", { reference_image_urls: ["https://cdn.example.com/1.png", "https://cdn.example.com/2.png", "https://cdn.example.com/3.png"] })).toEqual([]);
    expect(lookups).toEqual(["cdn.example.com"]);
  });
});

describe("the URL checked is the URL stored and forwarded", () => {
  it.each([
    ["https://8.8.8.8\\@127.0.0.1:4713/x.png", /backslash/],
    ["https://8.8.8.8@127.0.0.1/x.png", /credentials/],
    ["https://user:pw@cdn.example.com/x.png", /credentials/],
    ["https://@cdn.example.com/x.png", /credentials/],
    ["https:cdn.example.com/x.png", /https URL/],
    ["https:/cdn.example.com/x.png", /https URL/],
    ["https://cdn.example.com/a b.png", /spaces/],
    ["https://cdn.example.com/a.png\n", /control/],
    ["https://cdn.exa\tmple.com/a.png", /control/],
    ["\u00a0https://cdn.example.com/a.png", /spaces/],
  ])("refuses %j (parsers disagree on it)", async (url, reason) => {
    const [issue] = await check("seedance-2.0", { start_frame: "https://cdn.example.com/ok.png", reference_image_urls: [url] });
    expect(issue).toEqual({ field: "reference_image_urls[0]", reason: expect.stringMatching(reason) });
  });

  it("returns the params with every URL in its WHATWG serialization, nested ones included, and the rest untouched", async () => {
    const params = {
      prompt: "x",
      start_frame: "HTTPS://CDN.Example.COM:443/a/./b/../cat.png",
      reference_image_urls: ["https://cdn.example.com/ok.png", "https://cdn.example.com/é.png"],
      duration: 5,
    };
    const result = await checked("seedance-2.0", params);
    expect(result.issues).toEqual([]);
    expect(result.params).toEqual({
      prompt: "x",
      start_frame: "https://cdn.example.com/a/cat.png",
      reference_image_urls: ["https://cdn.example.com/ok.png", "https://cdn.example.com/%C3%A9.png"],
      duration: 5,
    });
    // What was sent is left as it was.
    expect(params.start_frame).toBe("HTTPS://CDN.Example.COM:443/a/./b/../cat.png");

    const nested = await checked("flux-dev", { image_guidances: [{ image_url: "https://CDN.example.com/x/../g.png", strength: 1 }] });
    expect(nested.params).toEqual({ image_guidances: [{ image_url: "https://cdn.example.com/g.png", strength: 1 }] });
  });

  it("returns the very same params object when nothing needed normalizing", async () => {
    const params = { prompt: "x", start_frame: "https://cdn.example.com/a.png" };
    expect((await checked("seedance-2.0", params)).params).toBe(params);
  });
});

describe("inline data is what it says it is", () => {
  it("refuses data:image/svg+xml, like uploads do", async () => {
    const svg = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString("base64")}`;
    expect(await check("seedance-2.0", { start_frame: svg })).toEqual([{ field: "start_frame", reason: expect.stringMatching(/SVG/) }]);
  });

  it("refuses a declared type the bytes contradict (magic bytes, as for uploads)", async () => {
    const html = Buffer.from("<html><script>alert(1)</script></html>").toString("base64");
    expect(await check("seedance-2.0", { start_frame: `data:image/png;base64,${html}` })).toEqual([{ field: "start_frame", reason: expect.stringMatching(/not a PNG image/) }]);
    const jpegAsPng = `data:image/png;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]).toString("base64")}`;
    expect(await check("seedance-2.0", { start_frame: jpegAsPng })).toEqual([{ field: "start_frame", reason: expect.stringMatching(/JPEG/) }]);
    const notMp3 = `data:audio/mpeg;base64,${Buffer.alloc(8).toString("base64")}`;
    expect(await check("seedance-2.0", { reference_audio_urls: [notMp3] })).toHaveLength(1);
  });

  it("stores a data: URI in its canonical form (type in lower case, parameters dropped)", async () => {
    const payload = pngBytes(16).toString("base64");
    const result = await checked("seedance-2.0", { start_frame: `data:IMAGE/PNG;name=a.png;base64,${payload}` });
    expect(result).toEqual({ issues: [], params: { start_frame: `data:image/png;base64,${payload}` } });
  });
});
