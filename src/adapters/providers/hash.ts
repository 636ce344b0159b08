/**
 * Deterministic randomness: every "random" choice of the simulated provider comes from a
 * SHA-256 digest of its inputs, so any process computes the same answer.
 */
import { createHash } from "node:crypto";

/** SHA-256 of `text` (UTF-8), 32 bytes. */
export function sha256(text: string): Uint8Array {
  return new Uint8Array(createHash("sha256").update(text, "utf8").digest());
}

/**
 * A number uniformly distributed in [0, 1), read from 4 bytes of `digest` at `offset`
 * (big-endian). `unitAt(d, o) < 1` always holds, so a probability of 1 always fires and 0 never.
 */
export function unitAt(digest: Uint8Array, offset: number): number {
  if (!Number.isInteger(offset) || offset < 0 || offset + 4 > digest.length) {
    throw new RangeError(`unitAt: offset ${offset} out of range for a ${digest.length}-byte digest`);
  }
  const word =
    ((digest[offset]! << 24) | (digest[offset + 1]! << 16) | (digest[offset + 2]! << 8) | digest[offset + 3]!) >>> 0;
  return word / 0x1_0000_0000;
}

/**
 * A deterministic pseudo-random generator (mulberry32) seeded from the first 4 bytes of
 * `digest`; returns numbers in [0, 1).
 */
export function seededRandom(digest: Uint8Array): () => number {
  let state = Math.floor(unitAt(digest, 0) * 0x1_0000_0000) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}
