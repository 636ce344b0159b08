import type { IncomingMessage } from "node:http";
import { describe, expect, test } from "vitest";
import type { Config } from "../../src/app/config.ts";
import { absoluteUrl, originOf } from "../../src/http/origin.ts";

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;
const config = (publicUrl?: string) => ({ ...(publicUrl ? { publicUrl } : {}) }) as Config;

describe("absolute URLs in answers", () => {
  test("GATEAI_PUBLIC_URL wins over anything the request says", () => {
    expect(originOf(request({ host: "internal:4000", "x-forwarded-proto": "http" }), config("https://core.claude.gg"))).toBe("https://core.claude.gg");
  });

  test("otherwise the forwarded proto and host, first hop only, else Host over http", () => {
    expect(originOf(request({ host: "internal:4000", "x-forwarded-proto": "https, http", "x-forwarded-host": "api.example.com, proxy" }), config())).toBe(
      "https://api.example.com",
    );
    expect(originOf(request({ host: "127.0.0.1:4000" }), config())).toBe("http://127.0.0.1:4000");
  });

  test("stored relative paths get the origin; absolute URLs stay as they are", () => {
    expect(absoluteUrl("https://a.test", "/files/t/x.png")).toBe("https://a.test/files/t/x.png");
    expect(absoluteUrl("https://a.test", "https://cdn.test/x.png")).toBe("https://cdn.test/x.png");
  });
});
