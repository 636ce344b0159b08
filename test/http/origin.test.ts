import type { IncomingMessage } from "node:http";
import { describe, expect, test } from "vitest";
import type { Config } from "../../src/app/config.ts";
import { absoluteUrl, clientAddress, originOf } from "../../src/http/origin.ts";

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;
const config = (publicUrl?: string, trustProxy = false) => ({ ...(publicUrl ? { publicUrl } : {}), trustProxy }) as Config;

describe("absolute URLs in answers", () => {
  test("GATEAI_PUBLIC_URL wins over anything the request says", () => {
    expect(originOf(request({ host: "internal:4000", "x-forwarded-proto": "http" }), config("https://core.claude.gg"))).toBe("https://core.claude.gg");
    expect(originOf(request({ host: "internal:4000", "x-forwarded-host": "evil.example" }), config("https://core.claude.gg", true))).toBe("https://core.claude.gg");
  });

  test("behind a trusted proxy (GATEAI_TRUST_PROXY=1): the forwarded proto and host, first hop only, else Host over http", () => {
    expect(originOf(request({ host: "internal:4000", "x-forwarded-proto": "https, http", "x-forwarded-host": "api.example.com, proxy" }), config(undefined, true))).toBe(
      "https://api.example.com",
    );
    expect(originOf(request({ host: "127.0.0.1:4000" }), config(undefined, true))).toBe("http://127.0.0.1:4000");
  });

  test("without GATEAI_TRUST_PROXY, X-Forwarded-Host and -Proto are the caller's to write: only Host counts", () => {
    expect(originOf(request({ host: "internal:4000", "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" }), config())).toBe("http://internal:4000");
    expect(originOf(request({ host: "127.0.0.1:4000" }), config())).toBe("http://127.0.0.1:4000");
  });

  test("a host or proto that is not one is ignored (no path, query or userinfo smuggled into result URLs)", () => {
    expect(originOf(request({ host: "evil.example/x?" }), config())).toBe("http://localhost");
    expect(originOf(request({ host: "a@evil.example" }), config())).toBe("http://localhost");
    expect(originOf(request({ host: "[::1]:4000" }), config())).toBe("http://[::1]:4000");
    expect(originOf(request({ host: "gateway_1:4000" }), config())).toBe("http://gateway_1:4000");
    expect(originOf(request({ host: "internal:4000", "x-forwarded-host": "evil.example/#", "x-forwarded-proto": "javascript" }), config(undefined, true))).toBe("http://internal:4000");
  });

  test("stored relative paths get the origin; absolute URLs stay as they are", () => {
    expect(absoluteUrl("https://a.test", "/files/t/x.png")).toBe("https://a.test/files/t/x.png");
    expect(absoluteUrl("https://a.test", "https://cdn.test/x.png")).toBe("https://cdn.test/x.png");
  });
});

describe("the client's address (the failed-authentication throttle's key)", () => {
  test("the connection's peer; X-Forwarded-For only behind a trusted proxy, its last entry (the one the proxy appended)", () => {
    expect(clientAddress({ "x-forwarded-for": "1.2.3.4" }, "10.0.0.7", false)).toBe("10.0.0.7");
    expect(clientAddress({ "x-forwarded-for": "6.6.6.6, 1.2.3.4" }, "10.0.0.7", true)).toBe("1.2.3.4");
    expect(clientAddress({}, "10.0.0.7", true)).toBe("10.0.0.7");
  });

  test("IPv4-mapped addresses are IPv4; IPv6 addresses count per /64", () => {
    expect(clientAddress({}, "::ffff:127.0.0.1", false)).toBe("127.0.0.1");
    expect(clientAddress({}, "2001:db8:1:2:aaaa::1", false)).toBe("2001:db8:1:2::/64");
    expect(clientAddress({}, "2001:db8:1:2:bbbb:cccc:dddd:eeee", false)).toBe("2001:db8:1:2::/64");
    expect(clientAddress({}, "::1", false)).toBe("0:0:0:0::/64");
  });
});
