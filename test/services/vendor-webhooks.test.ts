// A vendor webhook that verifies hands its vendor and request id to the driver (which reads that
// attempt at its next pass); one that does not verify reaches the driver not at all.
import { describe, expect, it } from "vitest";
import type { VendorNotice } from "../../src/services/ports/provider.ts";
import type { WebhookVerifier } from "../../src/services/ports/vendor-webhooks.ts";
import { createVendorWebhooks } from "../../src/services/vendor-webhooks.ts";

const verifier: WebhookVerifier = {
  async verify(_vendor, headers) {
    return headers["x-signed"] === "yes" ? { ok: true, requestId: String(headers["x-request-id"]) } : { ok: false, reason: "signature does not verify" };
  },
};

describe("vendor webhooks", () => {
  it("hand a verified completion's vendor and request id on; a forged one is refused and handed on not at all", async () => {
    const notices: VendorNotice[] = [];
    const webhooks = createVendorWebhooks({ verifier, clock: { now: () => 0 }, onCompletion: (notice) => notices.push(notice) });
    expect(await webhooks.receive("replicate", { "x-signed": "yes", "x-request-id": "p-7" }, new Uint8Array())).toEqual({ accepted: true });
    expect(await webhooks.receive("fal", { "x-signed": "no", "x-request-id": "r-1" }, new Uint8Array())).toEqual({ accepted: false, reason: "signature does not verify" });
    expect(notices).toEqual([{ vendor: "replicate", requestId: "p-7" }]);
  });
});
