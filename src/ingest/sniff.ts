// Byte-level guesses shared by the fetcher (reject early) and the parser (explain clearly).

const MAGIC: ReadonlyArray<[string, number[]]> = [
  ["PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["JPEG image", [0xff, 0xd8, 0xff]],
  ["GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["PDF document", [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ["ZIP archive", [0x50, 0x4b, 0x03, 0x04]],
  ["gzip data", [0x1f, 0x8b]],
  ["WebP/RIFF media", [0x52, 0x49, 0x46, 0x46]],
];

/** Names the kind of binary data in `body` ("PNG image", "binary data"), or null if it may be text. */
export function sniffBinary(body: Uint8Array): string | null {
  for (const [label, magic] of MAGIC) {
    if (body.length >= magic.length && magic.every((b, i) => body[i] === b)) return label;
  }
  // UTF-16 text legitimately contains NULs; its BOM is how feeds announce it.
  const utf16 = body.length >= 2 && ((body[0] === 0xff && body[1] === 0xfe) || (body[0] === 0xfe && body[1] === 0xff));
  if (utf16) return null;
  const end = Math.min(body.length, 1024);
  for (let i = 0; i < end; i++) if (body[i] === 0) return "binary data";
  return null;
}

const BINARY_TYPES = [/^image\//, /^video\//, /^audio\//, /^font\//, /^application\/(zip|gzip|x-gzip|pdf|x-7z-compressed|x-rar-compressed|x-tar|vnd\.ms-|msword|vnd\.openxmlformats)/];

/** The bare lowercased media type of a Content-Type header ("text/xml"), or null. */
export function mediaType(contentType: string | null): string | null {
  if (!contentType) return null;
  const type = contentType.split(";")[0].trim().toLowerCase();
  return type === "" ? null : type;
}

/** True when a media type can never be a feed (images, media, archives, office files). */
export function isBinaryMediaType(type: string | null): boolean {
  return type !== null && BINARY_TYPES.some((re) => re.test(type));
}
