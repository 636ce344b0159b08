import { Agent, type Dispatcher } from "undici";
import { createGuardedAgent } from "./guarded-dispatcher.ts";
import { DEFAULT_MAX_DOWNLOAD_BYTES, type DownloadPolicy } from "./result-download.ts";
import type { VendorCall } from "./vendor-http.ts";

export interface VendorConnectionOptions {
  /** The vendor API's base URL (a fake's, in tests). */
  readonly baseUrl?: string;
  /** Per API call (default 30 s); downloads get at least 2 minutes. */
  readonly timeoutMs?: number;
  readonly dispatcher?: Dispatcher;
  /** For result files on any other origin (default: the guarded agent). */
  readonly downloadDispatcher?: Dispatcher;
  readonly maxDownloadBytes?: number;
}

export interface VendorConnection {
  /** The base URL without a trailing slash: every API URL is built from it. */
  readonly base: string;
  readonly call: VendorCall;
  readonly policy: DownloadPolicy;
}

/**
 * A queue-style vendor's connection (fal, Replicate): the API calls and the download policy share
 * one origin, so the account's key only ever goes there (`callVendor` refuses any other), and
 * result files anywhere else go through the guarded agent, without it.
 */
export function vendorConnection(options: VendorConnectionOptions, defaultBase: string, label: string): VendorConnection {
  const base = (options.baseUrl ?? defaultBase).replace(/\/+$/, "");
  const origin = new URL(base).origin;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const dispatcher = options.dispatcher ?? new Agent({ keepAliveTimeout: 30_000, connections: 64 });
  return {
    base,
    call: { dispatcher, origin, timeoutMs },
    policy: {
      label,
      origin,
      dispatcher,
      downloadDispatcher: options.downloadDispatcher ?? createGuardedAgent(),
      maxBytes: options.maxDownloadBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES,
      timeoutMs: Math.max(timeoutMs, 120_000),
    },
  };
}
