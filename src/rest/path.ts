/**
 * One decoded path segment from a route's raw tail ("cortex_2.0", "veo-3.1-lite"), or
 * undefined when the tail is empty, has more segments, or is not valid percent-encoding.
 */
export function pathSegment(rawTail: string): string | undefined {
  if (rawTail === "" || rawTail.includes("/")) return undefined;
  return decodeSegment(rawTail);
}

/** Exactly `count` decoded segments, or undefined. */
export function pathSegments(rawTail: string, count: number): string[] | undefined {
  const raw = rawTail.split("/");
  if (raw.length !== count) return undefined;
  const decoded: string[] = [];
  for (const segment of raw) {
    const value = decodeSegment(segment);
    if (value === undefined) return undefined;
    decoded.push(value);
  }
  return decoded;
}

function decodeSegment(raw: string): string | undefined {
  if (raw === "") return undefined;
  try {
    const value = decodeURIComponent(raw);
    // An encoded slash or NUL never names anything we serve.
    return value.includes("/") || value.includes("\0") ? undefined : value;
  } catch {
    return undefined;
  }
}
