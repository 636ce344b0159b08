import { describe, expect, it } from "vitest";
import { corsAnswer } from "../../src/http/cors.ts";

const preflight = (origin: string | undefined) => ({ method: "OPTIONS", origin, requestMethod: "POST" });
const simple = (origin: string | undefined) => ({ method: "POST", origin, requestMethod: undefined });

describe("corsAnswer", () => {
  it("with any origin allowed, answers * and never allows credentials (a bearer key needs none)", () => {
    for (const request of [preflight("https://a.example"), simple("https://a.example")]) {
      const { headers } = corsAnswer(request, "*");
      expect(headers["access-control-allow-origin"]).toBe("*");
      expect(headers["access-control-allow-credentials"]).toBeUndefined();
    }
  });

  it("marks a preflight (OPTIONS with Origin and Access-Control-Request-Method) and lists methods and headers", () => {
    const answer = corsAnswer(preflight("https://a.example"), "*");
    expect(answer.preflight).toBe(true);
    expect(answer.headers["access-control-allow-methods"]).toContain("POST");
    expect(answer.headers["access-control-allow-headers"]).toContain("authorization");
    expect(answer.headers["access-control-allow-headers"]).toContain("idempotency-key");
    expect(Number(answer.headers["access-control-max-age"])).toBeGreaterThan(0);
  });

  it("does not treat an OPTIONS without Access-Control-Request-Method as a preflight", () => {
    expect(corsAnswer({ method: "OPTIONS", origin: "https://a.example", requestMethod: undefined }, "*").preflight).toBe(false);
    expect(corsAnswer({ method: "OPTIONS", origin: undefined, requestMethod: "POST" }, "*").preflight).toBe(false);
  });

  it("exposes the request id, Retry-After and Idempotent-Replayed to pages on an ordinary answer", () => {
    const exposed = corsAnswer(simple("https://a.example"), "*").headers["access-control-expose-headers"];
    expect(exposed).toContain("x-request-id");
    expect(exposed).toContain("retry-after");
    expect(exposed).toContain("idempotent-replayed");
  });

  it("with a list, echoes a listed origin with Vary: Origin and gives others nothing but Vary", () => {
    const allowed = ["https://console.example", "http://localhost:5173"];
    expect(corsAnswer(simple("http://localhost:5173"), allowed).headers).toMatchObject({ "access-control-allow-origin": "http://localhost:5173", vary: "Origin" });
    const refused = corsAnswer(preflight("https://evil.example"), allowed);
    expect(refused).toEqual({ headers: { vary: "Origin" }, preflight: true });
  });

  it("with no origin allowed (none), adds no headers at all", () => {
    expect(corsAnswer(simple("https://a.example"), []).headers).toEqual({});
    expect(corsAnswer(simple(undefined), "*").headers).toEqual({});
  });
});
