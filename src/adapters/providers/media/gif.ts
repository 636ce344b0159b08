/**
 * An animated GIF89a encoder: one global colour table, full-size frames of palette indices,
 * LZW-compressed, looping forever (NETSCAPE2.0 extension).
 */

export interface GifFrame {
  /** width × height palette indices, row by row. */
  readonly indices: Uint8Array;
  /** Display time in hundredths of a second. */
  readonly delayCs: number;
}

export interface GifAnimation {
  readonly width: number;
  readonly height: number;
  /** RGB triples, 2..256 colours. */
  readonly palette: Uint8Array;
  readonly frames: readonly GifFrame[];
}

const MAX_CODES = 4096;

/** Encodes `animation` as an animated GIF file. Throws on malformed input (a caller bug). */
export function encodeGif(animation: GifAnimation): Uint8Array {
  const { width, height, palette, frames } = animation;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > 0xffff || height > 0xffff) {
    throw new RangeError(`encodeGif: bad size ${width}×${height}`);
  }
  const colors = palette.length / 3;
  if (!Number.isInteger(colors) || colors < 2 || colors > 256) {
    throw new RangeError(`encodeGif: palette must hold 2..256 RGB triples, got ${palette.length} bytes`);
  }
  if (frames.length === 0) throw new RangeError("encodeGif: no frames");

  // The colour table size is a power of two ≥ colours; pad with black.
  let tableBits = 1;
  while (1 << tableBits < colors) tableBits++;
  const table = new Uint8Array(3 * (1 << tableBits));
  table.set(palette);
  const minCodeSize = Math.max(2, tableBits);

  const out = new ByteWriter();
  out.ascii("GIF89a");
  out.u16(width);
  out.u16(height);
  out.byte(0x80 | ((tableBits - 1) << 4) | (tableBits - 1)); // global table, colour resolution, size
  out.byte(0); // background colour index
  out.byte(0); // pixel aspect ratio: unspecified
  out.bytes(table);
  // NETSCAPE2.0 application extension: loop forever.
  out.bytes(Uint8Array.of(0x21, 0xff, 0x0b));
  out.ascii("NETSCAPE2.0");
  out.bytes(Uint8Array.of(0x03, 0x01, 0x00, 0x00, 0x00));

  for (const [i, frame] of frames.entries()) {
    if (frame.indices.length !== width * height) {
      throw new RangeError(`encodeGif: frame ${i} has ${frame.indices.length} indices, expected ${width * height}`);
    }
    const { indices } = frame;
    for (let p = 0; p < indices.length; p++) {
      if (indices[p]! >= colors) throw new RangeError(`encodeGif: frame ${i} uses colour ${indices[p]} of ${colors}`);
    }
    const delay = Math.round(frame.delayCs);
    if (!(delay >= 0 && delay <= 0xffff)) throw new RangeError(`encodeGif: frame ${i} delay ${frame.delayCs}`);
    // Graphic control extension: disposal "do not dispose", no transparency.
    out.bytes(Uint8Array.of(0x21, 0xf9, 0x04, 0x04));
    out.u16(delay);
    out.bytes(Uint8Array.of(0x00, 0x00));
    // Image descriptor: full frame, no local table, not interlaced.
    out.byte(0x2c);
    out.u16(0);
    out.u16(0);
    out.u16(width);
    out.u16(height);
    out.byte(0);
    out.byte(minCodeSize);
    const data = lzwEncode(frame.indices, minCodeSize);
    for (let at = 0; at < data.length; at += 255) {
      const block = data.subarray(at, Math.min(at + 255, data.length));
      out.byte(block.length);
      out.bytes(block);
    }
    out.byte(0); // block terminator
  }
  out.byte(0x3b); // trailer
  return out.finish();
}

/** GIF's variable-width LZW: clear code first, a clear whenever the table fills, then EOI. */
export function lzwEncode(indices: Uint8Array, minCodeSize: number): Uint8Array {
  const clearCode = 1 << minCodeSize;
  const endCode = clearCode + 1;
  const alphabet = clearCode;
  // child[prefix * alphabet + symbol] = code of (prefix + symbol), 0 = absent (no real code is 0 here
  // except single symbols, which are never stored as children).
  const child = new Uint16Array(MAX_CODES * alphabet);
  const bits = new BitWriter();
  let codeSize = minCodeSize + 1;
  let nextCode = endCode + 1;

  bits.write(clearCode, codeSize);
  if (indices.length === 0) {
    bits.write(endCode, codeSize);
    return bits.finish();
  }
  let prefix = indices[0]!;
  for (let i = 1; i < indices.length; i++) {
    const symbol = indices[i]!;
    const key = prefix * alphabet + symbol;
    const existing = child[key]!;
    if (existing !== 0) {
      prefix = existing;
      continue;
    }
    bits.write(prefix, codeSize);
    if (nextCode < MAX_CODES) {
      child[key] = nextCode;
      if (nextCode === 1 << codeSize && codeSize < 12) codeSize++;
      nextCode++;
    } else {
      bits.write(clearCode, codeSize);
      child.fill(0);
      codeSize = minCodeSize + 1;
      nextCode = endCode + 1;
    }
    prefix = symbol;
  }
  bits.write(prefix, codeSize);
  // A decoder adds a table entry for every code after the first since a clear — including the
  // last one, which the loop above never assigns — and widens as soon as its next code reaches
  // 2^codeSize. So the end code is one bit wider when the last code took the table to that edge.
  if (nextCode === 1 << codeSize && codeSize < 12) codeSize++;
  bits.write(endCode, codeSize);
  return bits.finish();
}

/** Packs codes least-significant bit first, as GIF wants. */
class BitWriter {
  private buffer = new Uint8Array(4096);
  private length = 0;
  private acc = 0;
  private accBits = 0;

  write(code: number, size: number): void {
    this.acc |= code << this.accBits;
    this.accBits += size;
    while (this.accBits >= 8) {
      this.push(this.acc & 0xff);
      this.acc >>>= 8;
      this.accBits -= 8;
    }
  }

  finish(): Uint8Array {
    if (this.accBits > 0) this.push(this.acc & 0xff);
    this.acc = 0;
    this.accBits = 0;
    return this.buffer.slice(0, this.length);
  }

  private push(byte: number): void {
    if (this.length === this.buffer.length) {
      const grown = new Uint8Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.length++] = byte;
  }
}

class ByteWriter {
  private parts: Uint8Array[] = [];
  private size = 0;

  byte(value: number): void {
    this.bytes(Uint8Array.of(value & 0xff));
  }

  u16(value: number): void {
    this.bytes(Uint8Array.of(value & 0xff, (value >>> 8) & 0xff));
  }

  ascii(text: string): void {
    this.bytes(Uint8Array.from(text, (c) => c.charCodeAt(0) & 0x7f));
  }

  bytes(data: Uint8Array): void {
    this.parts.push(data);
    this.size += data.length;
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}
