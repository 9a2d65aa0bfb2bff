// Which files a case may carry, judged by their bytes and not by what the browser claims: PDF, Word
// and Excel (the OOXML zip with the right main content type, or the old OLE compound file), JPEG,
// PNG, GIF, WebP and plain text. The name's extension must agree with the content, so a page or an
// SVG renamed to .txt or .png is refused. Pure: no I/O.
import { inflateRawSync } from "node:zlib";

/** A kind of file we accept. */
export type AttachmentKind = "pdf" | "docx" | "xlsx" | "doc" | "xls" | "jpg" | "png" | "gif" | "webp" | "txt";

/** Each kind's extensions and the type it is served with. */
export const ATTACHMENT_KINDS: Record<AttachmentKind, { ext: readonly string[]; mime: string }> = {
  pdf: { ext: [".pdf"], mime: "application/pdf" },
  docx: { ext: [".docx"], mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  xlsx: { ext: [".xlsx"], mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  doc: { ext: [".doc"], mime: "application/msword" },
  xls: { ext: [".xls"], mime: "application/vnd.ms-excel" },
  jpg: { ext: [".jpg", ".jpeg"], mime: "image/jpeg" },
  png: { ext: [".png"], mime: "image/png" },
  gif: { ext: [".gif"], mime: "image/gif" },
  webp: { ext: [".webp"], mime: "image/webp" },
  txt: { ext: [".txt"], mime: "text/plain; charset=utf-8" },
};

const starts = (b: Buffer, sig: number[] | string, at = 0) =>
  (typeof sig === "string" ? Buffer.from(sig, "latin1") : Buffer.from(sig)).equals(b.subarray(at, at + sig.length));

const OOXML_MAIN: Record<string, AttachmentKind> = {
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
};

/** One entry's bytes from a zip (through its central directory), or null; at most `max` bytes inflated. */
export function zipEntry(b: Buffer, name: string, max = 1 << 20): Buffer | null {
  // The end-of-central-directory record sits in the last 22 + 65535 bytes.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) if (b.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) return null;
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  for (let n = 0; n < count && p + 46 <= b.length; n++) {
    if (b.readUInt32LE(p) !== 0x02014b50) return null;
    const method = b.readUInt16LE(p + 10), csize = b.readUInt32LE(p + 20), nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30), commentLen = b.readUInt16LE(p + 32), local = b.readUInt32LE(p + 42);
    if (b.toString("utf8", p + 46, p + 46 + nameLen) === name) {
      if (local + 30 > b.length || b.readUInt32LE(local) !== 0x04034b50) return null;
      const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
      const data = b.subarray(start, start + csize);
      if (method === 0) return data.length <= max ? data : null;
      if (method !== 8) return null;
      try {
        return inflateRawSync(data, { maxOutputLength: max });
      } catch {
        return null;
      }
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return null;
}

function ooxmlKind(b: Buffer): AttachmentKind | null {
  const types = zipEntry(b, "[Content_Types].xml")?.toString("utf8");
  if (!types) return null;
  // The main part's override: a macro-enabled or template document has another type and is refused.
  for (const m of types.matchAll(/ContentType="([^"]+)"/g)) if (OOXML_MAIN[m[1]!]) return OOXML_MAIN[m[1]!]!;
  return null;
}

function oleKind(b: Buffer): AttachmentKind | null {
  // The compound file's directory names its streams in UTF-16LE: WordDocument, or Workbook / Book.
  const has = (s: string) => b.includes(Buffer.from(s, "utf16le"));
  if (has("WordDocument")) return "doc";
  if (has("Workbook") || has("Book")) return "xls";
  return null;
}

function isPlainText(b: Buffer): boolean {
  for (const c of b) if (c < 0x09 || (c > 0x0d && c < 0x20 && c !== 0x1b) || c === 0x7f) return false;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(b);
  } catch {
    return false;
  }
  // Markup is not plain text: a page or an SVG saved as .txt is refused.
  const head = text.replace(/^\uFEFF/, "").trimStart().slice(0, 4096);
  return !head.startsWith("<") && !/<\s*(script|svg|html|!doctype|iframe|body|\?xml)\b/i.test(head);
}

/** What a file is by its bytes, or null when it is none of the kinds we accept. */
export function sniffKind(b: Buffer): AttachmentKind | null {
  if (!b.length) return null;
  if (starts(b, "%PDF-")) return "pdf";
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (starts(b, [0xff, 0xd8, 0xff])) return "jpg";
  if (starts(b, "GIF87a") || starts(b, "GIF89a")) return "gif";
  if (starts(b, "RIFF") && starts(b, "WEBP", 8)) return "webp";
  if (starts(b, [0x50, 0x4b, 0x03, 0x04])) return ooxmlKind(b);
  if (starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return oleKind(b);
  return isPlainText(b) ? "txt" : null;
}

/** The kind and type to store for a file named `name`, or null when it is refused (content, or an extension that disagrees). */
export function checkAttachment(name: string, b: Buffer): { kind: AttachmentKind; mime: string } | null {
  const kind = sniffKind(b);
  if (!kind) return null;
  const dot = name.lastIndexOf(".");
  const ext = dot < 0 ? "" : name.slice(dot).toLowerCase();
  return ATTACHMENT_KINDS[kind].ext.includes(ext) ? { kind, mime: ATTACHMENT_KINDS[kind].mime } : null;
}
