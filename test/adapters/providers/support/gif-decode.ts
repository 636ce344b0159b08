/**
 * A small, strict GIF decoder for tests: walks every block, checks the structure and LZW-decodes
 * each frame, so a test can prove the encoder's output is a well-formed animated GIF.
 */

export interface DecodedGif {
  readonly version: string;
  readonly width: number;
  readonly height: number;
  readonly globalPalette: Uint8Array;
  readonly loops: boolean;
  readonly frames: ReadonlyArray<{
    readonly left: number;
    readonly top: number;
    readonly width: number;
    readonly height: number;
    readonly delayCs: number;
    readonly indices: Uint8Array;
  }>;
  /** Offset of the trailer byte. */
  readonly trailerAt: number;
}

export function decodeGif(bytes: Uint8Array): DecodedGif {
  let at = 0;
  const need = (n: number): void => {
    if (at + n > bytes.length) throw new Error(`GIF truncated at ${at} (+${n})`);
  };
  const u8 = (): number => {
    need(1);
    return bytes[at++]!;
  };
  const u16 = (): number => u8() | (u8() << 8);
  const ascii = (n: number): string => {
    need(n);
    const s = String.fromCharCode(...bytes.subarray(at, at + n));
    at += n;
    return s;
  };
  const subBlocks = (): Uint8Array => {
    const parts: number[] = [];
    for (;;) {
      const size = u8();
      if (size === 0) return Uint8Array.from(parts);
      need(size);
      for (let i = 0; i < size; i++) parts.push(bytes[at++]!);
    }
  };

  const version = ascii(6);
  if (version !== "GIF89a" && version !== "GIF87a") throw new Error(`bad signature ${version}`);
  const width = u16();
  const height = u16();
  const packed = u8();
  u8(); // background
  u8(); // aspect
  let globalPalette = new Uint8Array(0);
  if (packed & 0x80) {
    const size = 3 * (1 << ((packed & 7) + 1));
    need(size);
    globalPalette = bytes.slice(at, at + size);
    at += size;
  }
  let loops = false;
  let delayCs = 0;
  const frames: Array<DecodedGif["frames"][number]> = [];
  for (;;) {
    const introducer = u8();
    if (introducer === 0x3b) {
      return { version, width, height, globalPalette, loops, frames, trailerAt: at - 1 };
    }
    if (introducer === 0x21) {
      const label = u8();
      if (label === 0xf9) {
        const data = subBlocks();
        if (data.length !== 4) throw new Error("bad graphic control extension");
        delayCs = data[1]! | (data[2]! << 8);
      } else if (label === 0xff) {
        const data = subBlocks();
        const id = String.fromCharCode(...data.subarray(0, 11));
        if (id === "NETSCAPE2.0") loops = true;
      } else {
        subBlocks();
      }
      continue;
    }
    if (introducer !== 0x2c) throw new Error(`unexpected block 0x${introducer.toString(16)} at ${at - 1}`);
    const left = u16();
    const top = u16();
    const fw = u16();
    const fh = u16();
    const fpacked = u8();
    let palette = globalPalette;
    if (fpacked & 0x80) {
      const size = 3 * (1 << ((fpacked & 7) + 1));
      need(size);
      palette = bytes.slice(at, at + size);
      at += size;
    }
    if (fpacked & 0x40) throw new Error("interlaced frames are not expected");
    const minCodeSize = u8();
    const data = subBlocks();
    const indices = lzwDecode(data, minCodeSize, fw * fh);
    for (const i of indices) if (3 * i >= palette.length) throw new Error(`index ${i} outside palette`);
    frames.push({ left, top, width: fw, height: fh, delayCs, indices });
  }
}

export function lzwDecode(data: Uint8Array, minCodeSize: number, pixelCount: number): Uint8Array {
  if (minCodeSize < 2 || minCodeSize > 8) throw new Error(`bad LZW minimum code size ${minCodeSize}`);
  const clear = 1 << minCodeSize;
  const end = clear + 1;
  const out = new Uint8Array(pixelCount);
  let written = 0;
  let prefixes = new Int32Array(4096);
  let suffixes = new Uint8Array(4096);
  let firsts = new Uint8Array(4096);
  let lengths = new Int32Array(4096);
  const reset = (): void => {
    prefixes = new Int32Array(4096);
    suffixes = new Uint8Array(4096);
    firsts = new Uint8Array(4096);
    lengths = new Int32Array(4096);
    for (let i = 0; i < clear; i++) {
      prefixes[i] = -1;
      suffixes[i] = i;
      firsts[i] = i;
      lengths[i] = 1;
    }
  };
  reset();
  let codeSize = minCodeSize + 1;
  let next = end + 1;
  let previous = -1;
  let bitPos = 0;
  const totalBits = data.length * 8;
  const emit = (code: number): void => {
    const length = lengths[code]!;
    if (written + length > pixelCount) throw new Error("LZW data decodes to too many pixels");
    let c = code;
    for (let i = length - 1; i >= 0; i--) {
      out[written + i] = suffixes[c]!;
      c = prefixes[c]!;
    }
    written += length;
  };
  let sawEnd = false;
  let first = true;
  while (bitPos + codeSize <= totalBits) {
    let code = 0;
    for (let b = 0; b < codeSize; b++, bitPos++) code |= ((data[bitPos >> 3]! >> (bitPos & 7)) & 1) << b;
    if (first && code !== clear) throw new Error("LZW stream does not start with a clear code");
    first = false;
    if (code === clear) {
      reset();
      codeSize = minCodeSize + 1;
      next = end + 1;
      previous = -1;
      continue;
    }
    if (code === end) {
      sawEnd = true;
      break;
    }
    if (previous === -1) {
      if (code >= clear) throw new Error(`first code ${code} after clear is not a literal`);
      emit(code);
      previous = code;
      continue;
    }
    if (code > next) throw new Error(`LZW code ${code} beyond next ${next}`);
    if (next < 4096) {
      const firstOf = code === next ? firsts[previous]! : firsts[code]!;
      prefixes[next] = previous;
      suffixes[next] = firstOf;
      firsts[next] = firsts[previous]!;
      lengths[next] = lengths[previous]! + 1;
      next++;
      if (next === 1 << codeSize && codeSize < 12) codeSize++;
    }
    emit(code);
    previous = code;
  }
  if (!sawEnd) throw new Error("LZW stream has no end code");
  if (Math.ceil(bitPos / 8) !== data.length) throw new Error(`LZW data goes on after the end code (bit ${bitPos} of ${totalBits})`);
  if (written !== pixelCount) throw new Error(`LZW decoded ${written} pixels, expected ${pixelCount}`);
  return out;
}
