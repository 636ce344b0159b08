import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine/engine.ts";
import { checkReferences, isBlockedAddress, type HostResolver } from "../../src/services/references.ts";
import { openDatabase, type Database } from "../../src/adapters/postgres/database.ts";
import { createDatabaseFileStore } from "../../src/adapters/postgres/file-store.ts";

const engine = createEngine();
const profile = (id: string) => engine.profile(id)!;

/** A DNS stand-in: this machine has none. */
const dns: Record<string, string[]> = {
  "cdn.example.com": ["93.184.216.34"],
  "rebind.example.com": ["93.184.216.34", "10.0.0.5"],
  "intranet.example.com": ["192.168.1.20"],
  "v6.example.com": ["2606:2800:220:1::1"],
  "v6-local.example.com": ["fe80::1"],
};
const resolve: HostResolver = async (host) => {
  const found = dns[host];
  if (!found) throw new Error("ENOTFOUND");
  return found;
};

let db: Database;
beforeAll(async () => {
  db = await openDatabase({ memory: true });
});
afterAll(async () => db.close());

const check = (model: string, params: Record<string, unknown>, keyId = "key-1", maxBytes = 1024) =>
  checkReferences({ files: createDatabaseFileStore(db.prisma), policy: { maxBytes, resolve } }, keyId, profile(model), params);

const png = (bytes: number) => `data:image/png;base64,${Buffer.alloc(bytes, 7).toString("base64")}`;

describe("which addresses a reference may point at", () => {
  it.each(["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.1", "169.254.169.254", "0.0.0.0", "100.64.0.1", "::1", "::", "fe80::1", "fc00::1", "fd12::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "224.0.0.1"])(
    "refuses %s (loopback, private, link-local or special)",
    (address) => expect(isBlockedAddress(address)).toBe(true),
  );
  it.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:2800:220:1::1", "::ffff:93.184.216.34"])("allows the public address %s", (address) =>
    expect(isBlockedAddress(address)).toBe(false),
  );
});

describe("checking a request's references before it is accepted", () => {
  it("accepts an https URL whose host resolves only to public addresses (IPv4 and IPv6)", async () => {
    expect(await check("seedance-2.0", { start_frame: "https://cdn.example.com/cat.jpg", image: "https://v6.example.com/a.png" })).toEqual([]);
  });

  it("refuses a URL that resolves to a private address, even if another address is public", async () => {
    const issues = await check("seedance-2.0", { start_frame: "https://rebind.example.com/a.jpg", end_frame: "https://intranet.example.com/b.jpg" });
    expect(issues.map((i) => i.field)).toEqual(["end_frame", "start_frame"]);
    expect(issues[0]!.reason).toMatch(/private|loopback|link-local/);
  });

  it("refuses literal loopback and link-local hosts, localhost, IPv6 link-local and http URLs", async () => {
    for (const url of ["https://127.0.0.1/x.png", "https://[::1]/x.png", "https://169.254.169.254/latest", "https://localhost/x.png", "https://v6-local.example.com/x.png"]) {
      expect(await check("seedance-2.0", { image: url }), url).toHaveLength(1);
    }
    expect((await check("seedance-2.0", { reference_image_urls: ["http://cdn.example.com/a.png"] }))[0]!.reason).toMatch(/https/);
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
    const audio = `data:audio/mpeg;base64,${Buffer.alloc(8).toString("base64")}`;
    expect(await check("seedance-2.0", { reference_audio_urls: [audio] })).toEqual([]);
  });

  it("accepts upload ids that exist, belong to the key and hold the right media; refuses the others", async () => {
    const image = await db.prisma.upload.create({ data: { keyId: "key-1", mediaType: "image/png", sizeBytes: 3, data: new Uint8Array([1, 2, 3]) } });
    const video = await db.prisma.upload.create({ data: { keyId: "key-1", mediaType: "video/mp4", sizeBytes: 3, data: new Uint8Array([1, 2, 3]) } });
    const foreign = await db.prisma.upload.create({ data: { keyId: "key-2", mediaType: "image/png", sizeBytes: 3, data: new Uint8Array([1, 2, 3]) } });
    expect(await check("seedance-2.0", { images: [image.id], videos: [video.id], start_frame: image.id })).toEqual([]);
    const issues = await check("seedance-2.0", { images: [video.id, foreign.id], videos: [image.id] });
    expect(issues.map((i) => i.reason)).toEqual([
      expect.stringContaining("is video/mp4, not image"),
      expect.stringContaining("does not exist for this key"),
      expect.stringContaining("is image/png, not video"),
    ]);
  });
});
