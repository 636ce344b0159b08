/** Checks that a webhook really comes from the vendor it claims (each vendor's signing scheme). */
export type WebhookVendor = "fal" | "replicate";

export type WebhookVerdict = { readonly ok: true; readonly requestId: string } | { readonly ok: false; readonly reason: string };

export interface WebhookVerifier {
  verify(vendor: WebhookVendor, headers: Readonly<Record<string, string | string[] | undefined>>, body: Uint8Array, nowSeconds: number): Promise<WebhookVerdict>;
}
