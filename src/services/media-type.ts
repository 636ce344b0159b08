/**
 * Upload media types: what the part declares, checked against the file's first bytes for the
 * formats whose signature is cheap to recognise. Everything else of image/*, video/* or audio/*
 * is taken at its word.
 */

/** A recognised signature and the declared types it is consistent with. */
interface Signature {
  readonly mediaType: string;
  readonly description: string;
  /** Declared types that must carry this signature. */
  readonly claimedBy: readonly string[];
  /** Whether a file with this signature may be declared as `declared`. */
  readonly accepts: (declared: string) => boolean;
}

const signature = (mediaType: string, description: string, claimedBy: readonly string[], accepts?: (declared: string) => boolean): Signature => ({
  mediaType,
  description,
  claimedBy,
  accepts: accepts ?? ((declared) => claimedBy.includes(declared)),
});

const PNG = signature("image/png", "a PNG image", ["image/png", "image/apng"]);
const JPEG = signature("image/jpeg", "a JPEG image", ["image/jpeg", "image/jpg", "image/pjpeg"]);
const GIF = signature("image/gif", "a GIF image", ["image/gif"]);
const WEBP = signature("image/webp", "a WebP image", ["image/webp"]);
const WAV = signature("audio/wav", "a WAV audio file", ["audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave"]);
const MP3 = signature("audio/mpeg", "an MP3 audio file", ["audio/mpeg", "audio/mp3", "audio/mpeg3", "audio/x-mpeg"]);
const WEBM = signature("video/webm", "a WebM/Matroska file", ["video/webm", "audio/webm", "video/x-matroska", "audio/x-matroska"]);
// The ISO base media file format (an ftyp box) holds MP4, M4A, QuickTime and 3GP, so any video
// type is consistent with it; HEIF/AVIF images use the same box with their own brands.
const ISO_MEDIA = signature(
  "video/mp4",
  "an MP4/QuickTime file",
  ["video/mp4", "video/x-m4v", "audio/mp4", "audio/x-m4a", "audio/m4a"],
  (declared) => declared.startsWith("video/") || ["audio/mp4", "audio/x-m4a", "audio/m4a", "audio/aac"].includes(declared),
);
const ISO_IMAGE = signature("image/avif", "an AVIF/HEIF image", ["image/avif", "image/heic", "image/heif"]);

const SIGNATURES: readonly Signature[] = [PNG, JPEG, GIF, WEBP, WAV, MP3, WEBM, ISO_MEDIA, ISO_IMAGE];

const ascii = (bytes: Uint8Array, offset: number, text: string): boolean => {
  if (bytes.length < offset + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  return true;
};

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

/** The format the bytes announce, if it is one we recognise. */
export function sniff(bytes: Uint8Array): Signature | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
  if (ascii(bytes, 0, "GIF87a") || ascii(bytes, 0, "GIF89a")) return GIF;
  if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) return WEBP;
  if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WAVE")) return WAV;
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return WEBM;
  if (ascii(bytes, 4, "ftyp")) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    return ["avif", "avis", "heic", "heix", "mif1", "msf1"].includes(brand) ? ISO_IMAGE : ISO_MEDIA;
  }
  if (ascii(bytes, 0, "ID3")) return MP3;
  // An MPEG audio frame sync (11 set bits) with a valid layer.
  if (bytes.length >= 2 && bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0 && (bytes[1]! & 0x06) !== 0) return MP3;
  return undefined;
}

const MEDIA_FAMILY = /^(image|video|audio)\/[a-z0-9][a-z0-9.+-]*$/;

/** "Image/PNG; charset=x" → "image/png". */
export const essence = (mediaType: string): string => mediaType.split(";")[0]!.trim().toLowerCase();

export type MediaCheck = { readonly ok: true; readonly mediaType: string } | { readonly ok: false; readonly message: string };

/**
 * The media type to store for an upload, or why it is refused. An absent or generic declared
 * type (application/octet-stream) is replaced by the sniffed one.
 */
export function checkUploadMediaType(declaredType: string, bytes: Uint8Array): MediaCheck {
  const sniffed = sniff(bytes);
  let declared = essence(declaredType);
  if (declared === "" || declared === "application/octet-stream") {
    if (!sniffed) return { ok: false, message: "The file has no media type and its content is not a recognised image, video or audio format" };
    declared = sniffed.mediaType;
  }
  if (!MEDIA_FAMILY.test(declared)) return { ok: false, message: `Only image/*, video/* and audio/* files may be uploaded, not ${declared}` };
  // SVG is a document (it can carry scripts), not a raster image a model can take.
  if (declared === "image/svg+xml") return { ok: false, message: "SVG images are not accepted; upload a raster image (PNG, JPEG, WebP, GIF)" };
  if (sniffed && !sniffed.accepts(declared)) return { ok: false, message: `The file is declared ${declared} but its content is ${sniffed.description}` };
  if (!sniffed) {
    const signed = SIGNATURES.find((s) => s.claimedBy.includes(declared));
    if (signed) return { ok: false, message: `The file is declared ${declared} but its content is not ${signed.description}` };
  }
  return { ok: true, mediaType: declared };
}
