/**
 * Reading a vendor's result files: the one path every vendor adapter takes, so the rules are kept
 * in one place. A finished attempt names its files (`streamedResults`); the task driver reads them
 * into the file store (`StreamedFiles.read`), chunk by chunk: no result is held whole in memory.
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
 *   byte now and then cannot hold the task driver's pass. A read past its deadline is not an
 *   answer; the next poll reads again (the spec's hard deadline bounds how long).
 * - What will never succeed (a bad URL, a private address, a redirect, a 4xx, too large) is
 *   `ResultRefused`: the attempt fails. Anything else (network, 5xx, 429, the deadline) may pass
 *   on a later read.
 * undici request API: https://undici.nodejs.org/#/docs/api/Dispatcher?id=dispatcherrequestoptions-callback
 */
import { posix } from "node:path";
import { request, type Dispatcher } from "undici";
import { parseReferenceUrl } from "../../engine/references.ts";
import { ResultRefused, type ProviderStatus, type StreamedFile, type StreamedFiles, type VendorCost } from "../../services/ports/provider.ts";
import { callDeadline } from "./call-deadline.ts";

export interface DownloadPolicy {
  /** The vendor's name, which a refusal's message starts with ("fal result refused: …"). */
  readonly label: string;
  /** The vendor API's origin: files there are fetched with `dispatcher`. */
  readonly origin: string;
  readonly dispatcher: Dispatcher;
  /** For any other origin (default in the adapters: `createGuardedAgent()`). */
  readonly downloadDispatcher: Dispatcher;
  /** Bytes of one result, all its files together. */
  readonly maxBytes: number;
  /** The longest wait for a response to start, or between two chunks of it. */
  readonly timeoutMs: number;
  /** The longest a result's read may take as a whole (default DEFAULT_DOWNLOAD_DEADLINE_MS). */
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

/**
 * The most a result's files may hold together, by default. What these models make is tens of MB
 * at most (a 4K video of 20 seconds at a high bitrate is about 125 MB); a quarter GiB leaves room
 * for that and refuses a 500 MB answer, which no generation here makes.
 */
export const DEFAULT_MAX_DOWNLOAD_BYTES = 256 * 1024 * 1024;
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
    throw new ResultRefused(`the result URL ${JSON.stringify(url.slice(0, 200))} is not a URL`);
  }
  if (resolved.origin === origin) return { href: resolved.href, trusted: true };
  const parsed = parseReferenceUrl(url);
  if (!parsed.ok) throw new ResultRefused(`the result URL ${JSON.stringify(url.slice(0, 200))} ${parsed.reason.replace(/, a data: URI or an upload id\)?$/, "")}`);
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

/** Names for a result's files from their URLs, each one different from the others and from `taken`. */
function distinctNames(urls: readonly string[], taken: readonly string[]): string[] {
  const seen = new Set(taken);
  return urls.map((url, index) => {
    let first = `result-${index}`;
    try {
      first = resultFileName(new URL(url).href, index);
    } catch {
      // not a URL: refused when read (resultTarget), named by its place meanwhile
    }
    let name = first;
    for (let n = 0; seen.has(name); n++) name = `${index}${n ? `-${n}` : ""}-${first}`.slice(-200);
    seen.add(name);
    return name;
  });
}

/** Passes `body` on while the result's byte cap holds; past it, throws `tooLarge()` (which closes the body). */
async function* capped(body: AsyncIterable<Buffer>, budget: DownloadBudget, tooLarge: () => ResultRefused): AsyncGenerator<Uint8Array> {
  for await (const chunk of body) {
    budget.left -= chunk.byteLength;
    if (budget.left < 0) throw tooLarge();
    yield chunk;
  }
}

/**
 * Reads one result URL into `into`. The refusal it met is kept in `refused` before anything else
 * sees it: a store that wraps the errors of the stream it reads cannot turn a refusal into a
 * failure the next poll would read again.
 */
async function readOne(
  url: string,
  name: string,
  policy: DownloadPolicy,
  budget: DownloadBudget,
  into: (file: StreamedFile) => Promise<void>,
): Promise<void> {
  let refused: ResultRefused | undefined;
  const refuse = (message: string) => (refused = new ResultRefused(message));
  try {
    const { href, trusted } = resultTarget(url, policy.origin);
    const response = await request(href, {
      method: "GET",
      dispatcher: trusted ? policy.dispatcher : policy.downloadDispatcher,
      headersTimeout: policy.timeoutMs,
      bodyTimeout: policy.timeoutMs,
      signal: budget.signal,
      headers: trusted ? { ...policy.originHeaders } : {},
    }).catch((error: unknown) => {
      if ((error as { code?: string }).code === "EADDRBLOCKED") throw refuse(`the result URL ${href} ${(error as Error).message}`);
      throw error;
    });
    // An error of a body no one reads any more (closed below) must not be an uncaught one.
    response.body.on("error", () => undefined);
    try {
      if (response.statusCode !== 200) {
        if (response.statusCode >= 300 && response.statusCode < 400) throw refuse(`the result URL ${href} redirects (${response.statusCode}); redirects are not followed`);
        if (response.statusCode >= 400 && response.statusCode < 500 && response.statusCode !== 429) throw refuse(`the result file ${href} answered ${response.statusCode}`);
        throw new Error(`the result file ${href} answered ${response.statusCode}`);
      }
      const tooLarge = () => refuse(`the result file ${href} makes the result larger than ${policy.maxBytes} bytes`);
      if (Number(response.headers["content-length"] ?? 0) > budget.left) throw tooLarge();
      await into({ name, mediaType: mediaTypeOf(response.headers["content-type"], name), body: capped(response.body as AsyncIterable<Buffer>, budget, tooLarge) });
    } finally {
      if (!response.body.readableEnded) response.body.destroy();
    }
  } catch (error) {
    if (error instanceof ResultRefused) throw error;
    throw refused ?? error;
  }
}

/**
 * A finished attempt whose files are all still at the vendor: `results` and `models` (3D models)
 * are names of `streamed`. A 3D model without a preview image is the result itself.
 */
export function finishedStreaming(streamed: StreamedFiles, results: readonly string[], models: readonly string[], vendorCost?: VendorCost): ProviderStatus {
  return { state: "finished", files: [], streamed, result: results.length ? results : models, glb: models, ...(vendorCost ? { vendorCost } : {}) };
}

/**
 * The files of a finished attempt at these URLs (in order), read when the driver stores them:
 * within one byte cap and one deadline per read, the first failure stopping the others. `taken`:
 * names the attempt's other files already have.
 */
export function streamedResults(urls: readonly string[], policy: DownloadPolicy, taken: readonly string[] = []): StreamedFiles {
  const names = distinctNames(urls, taken);
  return {
    names,
    async read(into) {
      const stop = new AbortController();
      const deadline = callDeadline(policy.deadlineMs ?? DEFAULT_DOWNLOAD_DEADLINE_MS, stop.signal);
      const budget: DownloadBudget = { left: policy.maxBytes, signal: deadline.signal };
      let first: { error: unknown } | undefined;
      try {
        await Promise.allSettled(
          urls.map((url, index) =>
            readOne(url, names[index]!, policy, budget, into).catch((error: unknown) => {
              first ??= { error };
              stop.abort(error);
            }),
          ),
        );
      } finally {
        deadline.done();
      }
      if (!first) return;
      if (first.error instanceof ResultRefused) throw new ResultRefused(`${policy.label} result refused: ${first.error.message}`);
      throw first.error;
    },
  };
}
