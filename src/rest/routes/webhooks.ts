import type { GatewayServices } from "../../services/gateway-services.ts";
import type { WebhookVendor } from "../../services/ports/vendor-webhooks.ts";
import { readBody } from "../../http/body.ts";
import { sendPayloadTooLarge } from "../failures.ts";
import { sendJson } from "../respond.ts";
import type { Handler } from "../route.ts";

/** A vendor's completion body is small JSON (file URLs, not files). */
const MAX_WEBHOOK_BYTES = 1024 * 1024;

/**
 * POST /webhooks/fal, /webhooks/replicate (no API key: the vendor's signature is the
 * credential). 204 when it verifies (the driver polls the task now), 401 when it does not, 404
 * when no vendor accounts are configured.
 */
export const webhookRoute =
  (services: GatewayServices, vendor: WebhookVendor): Handler =>
  async ({ req, res }) => {
    const webhooks = services.webhooks;
    if (!webhooks) return sendJson(res, 404, { error: "No vendor webhooks are configured", code: "NOT_FOUND" });
    const body = await readBody(req, MAX_WEBHOOK_BYTES);
    if (body.kind === "aborted") return;
    // The rest of the body is not read: the answer closes the connection (a body paused
    // half-read would hold it, and its address's large-body lane, until the request timeout).
    if (body.kind === "too-large") return sendPayloadTooLarge(res, MAX_WEBHOOK_BYTES);
    const outcome = await webhooks.receive(vendor, req.headers, body.bytes);
    if (!outcome.accepted) return sendJson(res, 401, { error: `Webhook refused: ${outcome.reason ?? "it does not verify"}`, code: "WEBHOOK_REJECTED" });
    res.writeHead(204).end();
  };
