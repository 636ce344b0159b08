/**
 * Vendor accounts from the environment: `FAL_KEYS`, `REPLICATE_TOKENS`, `OPENAI_KEYS` (comma-
 * separated, one account each), optional `GATEAI_FAL_URL` / `GATEAI_REPLICATE_URL` /
 * `GATEAI_OPENAI_URL` (another endpoint speaking the same protocol, e.g. a fake in tests), and
 * `GATEAI_FAL_JWKS_URL` (where fal's webhook keys are read; tests), and
 * `GATEAI_SIMULATE_UNROUTED` (default on): a model no configured vendor runs is simulated; off,
 * it is refused before any charge (MODEL_UNAVAILABLE). Keys are never logged or echoed in an error.
 */
import { VENDOR_ROUTES, VENDORS, type VendorId } from "../catalog/vendors/index.ts";
import type { AccountRange } from "../services/ports/task-repo.ts";

export interface VendorAccounts {
  readonly keys: Readonly<Partial<Record<VendorId, readonly string[]>>>;
  readonly urls: Readonly<Partial<Record<VendorId, string>>>;
  readonly simulateUnrouted: boolean;
  /** Where fal's webhook keys are published (`GATEAI_FAL_JWKS_URL`; default fal's own). */
  readonly falJwksUrl?: string;
}

const VARIABLES: Readonly<Record<VendorId, { keys: string; url: string }>> = {
  fal: { keys: "FAL_KEYS", url: "GATEAI_FAL_URL" },
  replicate: { keys: "REPLICATE_TOKENS", url: "GATEAI_REPLICATE_URL" },
  openai: { keys: "OPENAI_KEYS", url: "GATEAI_OPENAI_URL" },
};

/**
 * The names the vendors' own clients read their key from: set instead of this gateway's, they
 * would leave every model simulated without a word (warned at start, not refused: the same
 * environment may serve those clients too).
 */
const VENDOR_CLIENT_VARIABLES: Readonly<Record<VendorId, readonly string[]>> = {
  fal: ["FAL_KEY"],
  replicate: ["REPLICATE_API_TOKEN"],
  openai: ["OPENAI_API_KEY"],
};

/**
 * The configured vendors (undefined when none is), reporting bad values into `errors`, and into
 * `warnings` a vendor client's key variable set where this gateway's is not. A setting that only
 * means something with a vendor's keys (its URL, the fallback to the simulation, fal's JWKS) is
 * refused without them: it would be ignored, and every model simulated.
 */
export function loadVendorAccounts(text: (name: string) => string | undefined, errors: string[], warnings: string[] = []): VendorAccounts | undefined {
  const keys: Partial<Record<VendorId, readonly string[]>> = {};
  const urls: Partial<Record<VendorId, string>> = {};
  for (const [vendor, names] of Object.entries(VARIABLES) as [VendorId, { keys: string; url: string }][]) {
    const list = (text(names.keys) ?? "").split(",").map((k) => k.trim()).filter(Boolean);
    if (list.some((k) => /\s/.test(k) || k.length > 500)) errors.push(`${names.keys}: a key must have no spaces and at most 500 characters`);
    if (list.length) keys[vendor] = list;
    const url = httpUrl(names.url, text(names.url), errors);
    if (url !== undefined) urls[vendor] = url;
    if (url !== undefined && !list.length) errors.push(`${names.url} is set without ${names.keys}: name the accounts (comma-separated keys), or remove ${names.url}`);
    for (const name of VENDOR_CLIENT_VARIABLES[vendor]) {
      if (text(name) !== undefined && !list.length) warnings.push(`${name} is set, and this gateway reads ${names.keys} (comma-separated, one pool account per key): ${vendor} is not configured`);
    }
  }
  const simulate = (text("GATEAI_SIMULATE_UNROUTED") ?? "true").toLowerCase();
  if (!["true", "false", "1", "0"].includes(simulate)) errors.push("GATEAI_SIMULATE_UNROUTED is invalid: true or false");
  const falJwksUrl = httpUrl("GATEAI_FAL_JWKS_URL", text("GATEAI_FAL_JWKS_URL"), errors);
  if (!Object.keys(keys).length) {
    for (const name of ["GATEAI_SIMULATE_UNROUTED", "GATEAI_FAL_JWKS_URL"]) {
      if (text(name) !== undefined) errors.push(`${name} is set without vendor keys (FAL_KEYS, REPLICATE_TOKENS, OPENAI_KEYS): it means something only with them; set the keys, or remove ${name}`);
    }
    return undefined;
  }
  return { keys, urls, simulateUnrouted: simulate === "true" || simulate === "1", ...(falJwksUrl ? { falJwksUrl } : {}) };
}

/** `value` as an http(s) URL without trailing slashes; a bad one is reported into `errors` (undefined). */
function httpUrl(name: string, value: string | undefined, errors: string[]): string | undefined {
  if (value === undefined) return undefined;
  const protocol = URL.canParse(value) ? new URL(value).protocol : undefined;
  if (protocol !== "https:" && protocol !== "http:") {
    errors.push(`${name} is invalid: expected an http:// or https:// URL`);
    return undefined;
  }
  return value.replace(/\/+$/, "");
}

/** Pool accounts at most (the configuration refuses more vendor keys than this). */
export const MAX_POOL = 1000;
/** Vendor keys over every vendor. */
export const vendorKeyCount = (accounts: VendorAccounts): number => Object.values(accounts.keys).reduce((n, list) => n + (list?.length ?? 0), 0);
/** The pool's size with vendor accounts: one account per key, at most MAX_POOL. */
export const vendorPoolSize = (accounts: VendorAccounts): number => Math.min(MAX_POOL, vendorKeyCount(accounts));

/** Accounts per vendor (no keys): what /credits and the logs may show. */
export const accountCounts = (accounts: VendorAccounts): Partial<Record<VendorId, number>> =>
  Object.fromEntries(Object.entries(accounts.keys).map(([vendor, list]) => [vendor, list.length]));

/** A vendor's accounts in the pool: ids `first .. first + count − 1` (vendors in VENDORS order, keys in the order given). */
export interface VendorRange {
  readonly vendor: VendorId;
  readonly first: number;
  readonly count: number;
}

/** Where each vendor's accounts sit in the pool: one pool account per configured key. */
export function vendorRanges(accounts: VendorAccounts): VendorRange[] {
  const ranges: VendorRange[] = [];
  let next = 1;
  for (const vendor of VENDORS) {
    const count = accounts.keys[vendor]?.length ?? 0;
    if (!count) continue;
    ranges.push({ vendor, first: next, count });
    next += count;
  }
  return ranges;
}

/** The pool accounts each routed model may run on (its vendor's); models absent run on any account (the simulation). */
export function accountsByModel(accounts: VendorAccounts): Record<string, AccountRange> {
  const ranges = vendorRanges(accounts);
  const out: Record<string, AccountRange> = {};
  for (const [model, routes] of Object.entries(VENDOR_ROUTES)) {
    // The vendor the routed provider picks: the first route whose vendor has accounts.
    const vendor = routes.find((route) => ranges.some((r) => r.vendor === route.vendor))?.vendor;
    const range = ranges.find((r) => r.vendor === vendor);
    if (range) out[model] = { first: range.first, count: range.count };
  }
  return out;
}
