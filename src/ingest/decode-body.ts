// Turns feed bytes into a string. Chinese sites still serve GBK/GB18030/Big5 and often
// mislabel them, so the order of evidence matters more than any single source.

const BOMS: ReadonlyArray<[string, number[]]> = [
  ["utf-8", [0xef, 0xbb, 0xbf]],
  ["utf-16le", [0xff, 0xfe]],
  ["utf-16be", [0xfe, 0xff]],
];

// Apache's text/* default is latin1.
/** Header charsets that are server defaults and say nothing about the document. */
export const GENERIC_HEADER_CHARSETS: ReadonlySet<string> = new Set(["iso-8859-1", "latin1", "us-ascii", "ascii", "windows-1252"]);

/** The charset parameter of a Content-Type header, lowercased, or null. */
export function charsetFromContentType(contentType: string | null): string | null {
  const m = contentType ? /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType) : null;
  return m ? m[1].toLowerCase() : null;
}

/** The encoding named in an XML declaration at the start of `body`, lowercased, or null. */
export function charsetFromXmlDeclaration(body: Uint8Array): string | null {
  const head = Buffer.from(body.subarray(0, 256)).toString("latin1");
  const m = /^(?:\uFEFF|\xEF\xBB\xBF)?\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m ? m[1].toLowerCase() : null;
}

function bomCharset(body: Uint8Array): { charset: string; length: number } | null {
  for (const [charset, bom] of BOMS) {
    if (body.length >= bom.length && bom.every((b, i) => body[i] === b)) return { charset, length: bom.length };
  }
  return null;
}

function tryDecode(bytes: Uint8Array, label: string, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: true }).decode(bytes);
  } catch {
    return null; // unknown label or, when fatal, bytes invalid in that encoding
  }
}

/**
 * Decodes a feed body. Evidence order: BOM (bytes cannot lie), HTTP charset, XML declaration,
 * UTF-8. A header that is only a server default, or a UTF-8 claim the bytes contradict, yields
 * to the next source; non-UTF-8 bytes nothing else explains are read as GB18030 since that is
 * what Chinese sites send when they send nothing (or mislabel).
 */
export function decodeFeedBody(body: Uint8Array, contentType: string | null): string {
  const header = charsetFromContentType(contentType);
  const declared = charsetFromXmlDeclaration(body);
  const candidates: string[] = [];
  if (header && !(GENERIC_HEADER_CHARSETS.has(header) && declared && declared !== header)) candidates.push(header);
  if (declared) candidates.push(declared);
  candidates.push("utf-8");
  return decodeWithCandidates(body, candidates);
}

/**
 * Decodes `body` with the first charset in `candidates` that reads it (after a BOM, which wins).
 * UTF-8 is read strictly, since legacy decoders accept almost any byte sequence; when every
 * candidate fails, mostly-UTF-8 text keeps its few bad bytes as U+FFFD and anything else is read
 * as GB18030. Never throws.
 */
export function decodeWithCandidates(body: Uint8Array, candidates: readonly string[]): string {
  const bom = bomCharset(body);
  if (bom) return tryDecode(body.subarray(bom.length), bom.charset, false) ?? "";
  for (const label of candidates) {
    const text = tryDecode(body, label, /^utf-?8$/.test(label));
    if (text !== null) return text;
  }
  const lossy = tryDecode(body, "utf-8", false) ?? "";
  const bad = lossy.split("\uFFFD").length - 1;
  const nonAscii = lossy.replace(/[\x00-\x7f]/g, "").length;
  // A few corrupt characters among many good ones is a damaged UTF-8 page, not a GB18030 one.
  if (bad * 10 <= nonAscii) return lossy;
  return tryDecode(body, "gb18030", false) ?? lossy;
}
