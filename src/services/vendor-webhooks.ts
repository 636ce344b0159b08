/**
 * Vendor webhooks: a completion a vendor POSTs when `GATEAI_PUBLIC_URL` is set. Polling stays the
 * source of truth (the driver reads the outcome from the vendor's API, which also downloads the
 * files through the guard); a verified webhook only makes the driver read the attempt it names at
 * its next pass instead of at the attempt's read pace. A webhook that does not verify (forged,
 * tampered, replayed) changes nothing.
 */
import type { Clock } from "../kernel/clock.ts";
import type { VendorNotice } from "./ports/provider.ts";
import type { WebhookVendor, WebhookVerifier } from "./ports/vendor-webhooks.ts";

export interface VendorWebhooks {
  receive(vendor: WebhookVendor, headers: Readonly<Record<string, string | string[] | undefined>>, body: Uint8Array): Promise<{ accepted: boolean; reason?: string }>;
}

export function createVendorWebhooks(deps: { verifier: WebhookVerifier; clock: Clock; onCompletion: (notice: VendorNotice) => void }): VendorWebhooks {
  return {
    async receive(vendor, headers, body) {
      const verdict = await deps.verifier.verify(vendor, headers, body, Math.floor(deps.clock.now() / 1000));
      if (!verdict.ok) return { accepted: false, reason: verdict.reason };
      deps.onCompletion({ vendor, requestId: verdict.requestId });
      return { accepted: true };
    },
  };
}
