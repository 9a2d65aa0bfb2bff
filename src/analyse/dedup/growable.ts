// Typed arrays that grow by half when full: per-item data stays in flat memory (a few bytes per
// post) instead of one object per post, with at most a third of it spare.

type Typed = Int32Array | Uint16Array | Float64Array | Uint8Array;
type Ctor<T extends Typed> = { new (length: number): T };

/** `array` itself when it has room for `length` elements, else a copy at least 1.5 times as large. */
export function ensure<T extends Typed>(array: T, length: number, make: Ctor<T>): T {
  if (length <= array.length) return array;
  let size = Math.max(16, Math.ceil(array.length * 1.5));
  while (size < length) size = Math.ceil(size * 1.5);
  const bigger = new make(size);
  new Uint8Array(bigger.buffer).set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  return bigger;
}

/** The first `length` elements as base64 (for JSON state). */
export function toBase64(array: Typed, length: number): string {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, length * array.BYTES_PER_ELEMENT);
  return Buffer.from(bytes).toString("base64");
}

/** A typed array decoded from `toBase64` output. */
export function fromBase64<T extends Typed>(text: string, make: Ctor<T> & { BYTES_PER_ELEMENT: number }): T {
  const bytes = Buffer.from(text, "base64");
  const out = new make(bytes.length / make.BYTES_PER_ELEMENT);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}
