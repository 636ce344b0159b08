/**
 * One file field of a multipart/form-data body, as a stream (RFC 7578 over RFC 2046 §5.1.1): the
 * body is scanned chunk by chunk for the boundary delimiter (`CRLF--boundary`, found with the
 * native Buffer.indexOf), so the file's bytes flow on as they arrive and at most a delimiter's
 * length of them is held back. The parts before the wanted one are skipped, the rest of the body
 * after it is read and dropped; the whole body is bounded by `maxBodyBytes` while it streams.
 * Node's own multipart parser (undici's Request.formData) reads the whole body into memory first,
 * and the well-known streaming parsers (busboy) are not dependencies of the gateway.
 * https://www.rfc-editor.org/rfc/rfc7578, https://www.rfc-editor.org/rfc/rfc2046#section-5.1.1
 */

/** The body is not multipart as declared (400). */
export class MalformedMultipartError extends Error {
  override name = "MalformedMultipartError";
}

/** More bytes than `maxBodyBytes` arrived (413). */
export class MultipartTooLargeError extends Error {
  override name = "MultipartTooLargeError";
}

export interface MultipartFile {
  /** The part's Content-Type ("" when absent). */
  readonly contentType: string;
  readonly filename: string | undefined;
  /** The file's bytes as they arrive; throws MalformedMultipartError / MultipartTooLargeError. */
  readonly body: AsyncIterable<Buffer>;
}

/** Longest header block of one part. */
const MAX_PART_HEADER_BYTES = 16 * 1024;

/** The boundary of a multipart/form-data Content-Type, or undefined. */
export function multipartBoundary(contentType: string): string | undefined {
  if (!/^multipart\/form-data\s*;/i.test(contentType)) return undefined;
  const match = /;\s*boundary\s*=\s*(?:"([^"]{1,70})"|([^\s;",]{1,70}))\s*(?:;|$)/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/**
 * The filename parameter of a part's Content-Disposition, undefined when it has none. Every form a
 * sender may use is taken (RFC 7578 §4.2, RFC 6266 §4.3): `filename*=charset'lang'%XX…` (RFC 8187,
 * UTF-8 or ISO-8859-1), which wins over `filename=` as a quoted string (`\` escapes) or a bare
 * token. A `filename*` whose encoding is broken is kept as sent: its presence is what marks a file.
 */
export function dispositionFilename(disposition: string): string | undefined {
  const extended = /;\s*filename\*\s*=\s*([A-Za-z0-9!#$%&+^_`{}~-]*)'[^']*'([^\s;]*)/i.exec(disposition);
  if (extended) return decodeExtValue(extended[1]!, extended[2]!);
  const quoted = /;\s*filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(disposition);
  if (quoted) return quoted[1]!.replace(/\\(.)/g, "$1");
  return /;\s*filename\s*=\s*([^\s;"]+)/i.exec(disposition)?.[1];
}

/** An RFC 8187 value's percent-encoded bytes in its charset (UTF-8, else ISO-8859-1); as sent when broken. */
function decodeExtValue(charset: string, encoded: string): string {
  if (/%(?![0-9A-Fa-f]{2})/.test(encoded)) return encoded;
  const bytes = Buffer.from(encoded.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1");
  if (!/^utf-8$/i.test(charset)) return bytes.toString("latin1");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return encoded;
  }
}

/**
 * Finds the part named `field` in `source` (a request) and returns it, its body still streaming;
 * null when the body ends without it. The caller must consume `body` to the end (or stop reading
 * the request).
 */
export async function readMultipartFile(source: AsyncIterable<Buffer>, boundary: string, field: string, maxBodyBytes: number): Promise<MultipartFile | null> {
  const iterator = source[Symbol.asyncIterator]();
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const keep = delimiter.length - 1;
  // A CRLF in front, so the first boundary (which has none) is found like every other.
  let buffer: Buffer = Buffer.from("\r\n");
  let total = 0;
  let ended = false;

  const pull = async (): Promise<boolean> => {
    if (ended) return false;
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      return false;
    }
    total += next.value.length;
    if (total > maxBodyBytes) throw new MultipartTooLargeError(`The body is larger than ${maxBodyBytes} bytes`);
    buffer = buffer.length ? Buffer.concat([buffer, next.value]) : next.value;
    return true;
  };

  /** Drops bytes up to the next delimiter; false at the end of the body. */
  const skipToDelimiter = async (): Promise<boolean> => {
    for (;;) {
      const at = buffer.indexOf(delimiter);
      if (at >= 0) {
        buffer = buffer.subarray(at);
        return true;
      }
      if (buffer.length > keep) buffer = buffer.subarray(buffer.length - keep);
      if (!(await pull())) return false;
    }
  };

  /** At a delimiter: past it and the part's headers; null after the closing delimiter. */
  const partHeaders = async (): Promise<Map<string, string> | null> => {
    while (buffer.length < delimiter.length + 2) if (!(await pull())) throw new MalformedMultipartError("The body ends inside a boundary");
    const after = buffer.subarray(delimiter.length, delimiter.length + 2).toString("latin1");
    if (after === "--") return null;
    let end: number;
    while ((end = buffer.indexOf("\r\n\r\n", delimiter.length)) < 0) {
      if (buffer.length > MAX_PART_HEADER_BYTES) throw new MalformedMultipartError("A part's headers are too long");
      if (!(await pull())) throw new MalformedMultipartError("The body ends inside a part's headers");
    }
    const lines = buffer.subarray(delimiter.length, end).toString("utf8").split("\r\n").slice(1);
    buffer = buffer.subarray(end + 4);
    const headers = new Map<string, string>();
    for (const line of lines) {
      const colon = line.indexOf(":");
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    return headers;
  };

  const drain = async () => {
    buffer = Buffer.alloc(0);
    while (await pull()) buffer = Buffer.alloc(0);
  };

  async function* fileBody(): AsyncGenerator<Buffer> {
    for (;;) {
      const at = buffer.indexOf(delimiter);
      if (at >= 0) {
        if (at > 0) yield buffer.subarray(0, at);
        buffer = buffer.subarray(at);
        break;
      }
      if (buffer.length > keep) {
        const ready = buffer.subarray(0, buffer.length - keep);
        buffer = buffer.subarray(buffer.length - keep);
        yield ready;
      }
      if (!(await pull())) throw new MalformedMultipartError("The body ends inside the file part");
    }
    await drain();
  }

  if (!(await skipToDelimiter())) return null;
  for (;;) {
    const headers = await partHeaders();
    if (!headers) {
      await drain();
      return null;
    }
    const disposition = headers.get("content-disposition") ?? "";
    const name = /;\s*name\s*=\s*"([^"]*)"/i.exec(disposition)?.[1] ?? /;\s*name\s*=\s*([^\s;]+)/i.exec(disposition)?.[1];
    if (/^form-data\b/i.test(disposition) && name === field) {
      return { contentType: headers.get("content-type") ?? "", filename: dispositionFilename(disposition), body: fileBody() };
    }
    if (!(await skipToDelimiter())) throw new MalformedMultipartError("The body ends inside a part");
  }
}
