/**
 * Downloading a vendor's result file: the one path every vendor adapter takes, so the rules are
 * kept in one place.
 * - A URL on the vendor's configured API origin is the operator's choice and is fetched as
 *   configured; any other URL is an address the vendor chose: it must be an https URL that passes
 *   the reference syntax check (`parseReferenceUrl`), and it is fetched through the guarded agent
 *   (public addresses only, checked when connecting: `guarded-dispatcher.ts`).
 * - No credentials go with a file request unless the caller passes them for its own origin.
 * - Redirects are not followed (undici's `request` never does): a 3xx is refused.
 * - The size is capped while streaming: a declared length over the cap is refused before the
 *   body is read, and an undeclared one stops being read at the cap. The cap is a result's, shared
 *   by all its files, and the first file that fails stops the others.
 * - Time is capped as a whole (`deadlineMs`), not only between two chunks: a host that sends a
 *   byte now and then cannot hold the task driver's pass. A download past its deadline is not an
 *   answer; the next poll downloads again (the spec's hard deadline bounds how long).
 * undici request API: https://undici.nodejs.org/#/docs/api/Dispatcher?id=dispatcherrequestoptions-callback
 */
import { posix } from "node:path";
import { request, type Dispatcher } from "undici";
import { parseReferenceUrl } from "../../engine/references.ts";
import type { OutputFile } from "../../services/ports/provider.ts";
import { callDeadline } from "./call-deadline.ts";

/** A result the gateway will not download however often it is asked: the attempt fails. */
export class RefusedDownload extends Error {}

export interface DownloadPolicy {
  /** The vendor API's origin: files there are fetched with `dispatcher`. */
  readonly origin: string;
  readonly dispatcher: Dispatcher;
  /** For any other origin (default in the adapters: `createGuardedAgent()`). */
  readonly downloadDispatcher: Dispatcher;
  /** Bytes of one result, all its files together. */
  readonly maxBytes: number;
  /** The longest wait for a response to start, or between two chunks of it. */
  readonly timeoutMs: number;
  /** The longest a result's download may take as a whole (default DEFAULT_DOWNLOAD_DEADLINE_MS). */
  readonly deadlineMs?: number;
  /** Headers sent only to `origin` (a vendor whose files need its key there). */
  readonly originHeaders?: Readonly<Record<string, string>>;
}

export const MEDIA_TYPES: Readonly<Record<string, string>> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".gif": "image/gif",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
  ".mov": "video/quicktime",
  ".glb": "model/gltf-binary",
};

export const DEFAULT_MAX_DOWNLOAD_BYTES = 512 * 1024 * 1024;
export const DEFAULT_DOWNLOAD_DEADLINE_MS = 5 * 60_000;

/** What the downloads of one result share: bytes left of the cap, and the signal that stops them all. */
interface DownloadBudget {
  left: number;
  readonly signal: AbortSignal;
}

/** Where a result URL may be fetched from, and whether it is the vendor's own origin. */
export function resultTarget(url: string, origin: string): { href: string; trusted: boolean } {
  let resolved: URL;
  try {
    resolved = new URL(url, origin);
  } catch {
    throw new RefusedDownload(`the result URL ${JSON.stringify(url.slice(0, 200))} is not a URL`);
  }
  if (resolved.origin === origin) return { href: resolved.href, trusted: true };
  const parsed = parseReferenceUrl(url);
  if (!parsed.ok) throw new RefusedDownload(`the result URL ${JSON.stringify(url.slice(0, 200))} ${parsed.reason.replace(/, a data: URI or an upload id\)?$/, "")}`);
  return { href: parsed.href, trusted: false };
}

/** A file name that is safe in /files/<task>/<name>: the URL's last segment, decoded, in [A-Za-z0-9._-]. */
export function resultFileName(href: string, index: number): string {
  const last = posix.basename(new URL(href).pathname);
  let decoded = last;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    // keep it encoded
  }
  const name = decoded.replace(/[^A-Za-z0-9._-]/g, "_").slice(-200);
  return /^\.*$/.test(name) ? `result-${index}` : name;
}

/** The media type a response declares, else the one its name implies. */
export function mediaTypeOf(declared: string | string[] | undefined, name: string): string {
  const header = Array.isArray(declared) ? declared[0] : declared;
  return (header ?? MEDIA_TYPES[posix.extname(name).toLowerCase()] ?? "application/octet-stream").split(";")[0]!.trim().toLowerCase();
}

/**
 * The bytes and media type of one result URL, at most `policy.maxBytes` of them. Throws
 * `RefusedDownload` for what will never succeed (bad URL, private address, redirect, too large)
 * and a plain Error for what may succeed on a later poll (network error, 5xx).
 */
export async function downloadResult(
  url: string,
  index: number,
  policy: DownloadPolicy,
  budget?: DownloadBudget,
): Promise<OutputFile> {
  if (budget) return downloadWithin(url, index, policy, budget);
  const deadline = callDeadline(policy.deadlineMs ?? DEFAULT_DOWNLOAD_DEADLINE_MS);
  try {
    return await downloadWithin(url, index, policy, { left: policy.maxBytes, signal: deadline.signal });
  } finally {
    deadline.done();
  }
}

async function downloadWithin(url: string, index: number, policy: DownloadPolicy, budget: DownloadBudget): Promise<OutputFile> {
  const { href, trusted } = resultTarget(url, policy.origin);
  const response = await request(href, {
    method: "GET",
    dispatcher: trusted ? policy.dispatcher : policy.downloadDispatcher,
    headersTimeout: policy.timeoutMs,
    bodyTimeout: policy.timeoutMs,
    signal: budget.signal,
    headers: trusted ? { ...policy.originHeaders } : {},
  }).catch((error: unknown) => {
    if ((error as { code?: string }).code === "EADDRBLOCKED") throw new RefusedDownload(`the result URL ${href} ${(error as Error).message}`);
    throw error;
  });
  if (response.statusCode !== 200) {
    response.body.on("error", () => undefined).destroy();
    if (response.statusCode >= 300 && response.statusCode < 400) throw new RefusedDownload(`the result URL ${href} redirects (${response.statusCode}); redirects are not followed`);
    if (response.statusCode >= 400 && response.statusCode < 500 && response.statusCode !== 429) throw new RefusedDownload(`the result file ${href} answered ${response.statusCode}`);
    throw new Error(`the result file ${href} answered ${response.statusCode}`);
  }
  const tooLarge = () => new RefusedDownload(`the result file ${href} makes the result larger than ${policy.maxBytes} bytes`);
  if (Number(response.headers["content-length"] ?? 0) > budget.left) {
    response.body.on("error", () => undefined).destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  // Leaving the loop early (break) closes the body: nothing more is read.
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    budget.left -= chunk.byteLength;
    if (budget.left < 0) break;
    chunks.push(chunk);
  }
  if (budget.left < 0) throw tooLarge();
  const name = resultFileName(href, index);
  return { name, mediaType: mediaTypeOf(response.headers["content-type"], name), data: Buffer.concat(chunks, size) };
}

/**
 * Downloads every URL (in order) within one byte cap and one deadline, stopping the others when
 * one fails, and gives the files distinct names (a vendor may name them all "image.png").
 */
export async function downloadResults(urls: readonly string[], policy: DownloadPolicy): Promise<OutputFile[]> {
  const stop = new AbortController();
  const deadline = callDeadline(policy.deadlineMs ?? DEFAULT_DOWNLOAD_DEADLINE_MS, stop.signal);
  const budget: DownloadBudget = { left: policy.maxBytes, signal: deadline.signal };
  const files = await Promise.all(
    urls.map((url, index) =>
      downloadWithin(url, index, policy, budget).catch((error: unknown) => {
        stop.abort(error);
        throw error;
      }),
    ),
  ).finally(() => deadline.done());
  const seen = new Set<string>();
  return files.map((file, index) => {
    let name = file.name;
    for (let n = 0; seen.has(name); n++) name = `${index}${n ? `-${n}` : ""}-${file.name}`.slice(-200);
    seen.add(name);
    return name === file.name ? file : Object.assign({}, file, { name });
  });
}
