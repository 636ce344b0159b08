/** Characters a path may hold that the URL parser leaves as they are. */
const PLAIN_PATH = /^\/[\w\-.~!$&'()*+,;=:@%/]*$/;
/** A dot segment ("/./", "/../", also percent-encoded), which the URL parser resolves. */
const DOT_SEGMENT = /\/(?:\.|%2e)/i;

/**
 * The path of a request target, as `new URL(target, base).pathname` gives it. The plain
 * origin-form targets clients send are only cut at "?" or "#"; anything else (dot segments,
 * characters the parser would escape, absolute-form) goes through the URL parser. One
 * difference: "//x" is a path here, as HTTP reads an origin-form target, where the URL parser
 * would take "x" for a host (and throw on "//"). A target that is no URL at all has path "".
 */
export function requestPath(target: string): string {
  let end = target.length;
  const query = target.indexOf("?");
  if (query !== -1) end = query;
  const fragment = target.indexOf("#");
  if (fragment !== -1 && fragment < end) end = fragment;
  const path = end === target.length ? target : target.slice(0, end);
  if (PLAIN_PATH.test(path) && !DOT_SEGMENT.test(path)) return path;
  if (target.startsWith("/")) return new URL(`http://localhost${target}`).pathname;
  // Absolute-form ("http://host/path"), or something that names no path ("*", garbage).
  return URL.canParse(target, "http://localhost") ? new URL(target, "http://localhost").pathname : "";
}

/** The query parameters of a request target (those of the URL parser, "#..." excluded). */
export function requestQuery(target: string): URLSearchParams {
  const start = target.indexOf("?");
  if (start === -1) return new URLSearchParams();
  const fragment = target.indexOf("#", start);
  return new URLSearchParams(fragment === -1 ? target.slice(start + 1) : target.slice(start + 1, fragment));
}

/** Where an upload link's token starts: the token is a credential (anyone holding it reads the upload for an hour). */
const UPLOAD_LINK = "/files/uploads/";

/** A path as logs show it: an upload link without its token, and at most 512 characters. */
export function pathForLog(path: string): string {
  // Read as the files route reads it, each segment decoded: /files/%75ploads/<token> is a link too.
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // not decodable: the files route serves no link at it either
  }
  const logged = decoded.startsWith(UPLOAD_LINK) ? `${UPLOAD_LINK}…` : path;
  return logged.length > 512 ? `${logged.slice(0, 512)}…` : logged;
}
