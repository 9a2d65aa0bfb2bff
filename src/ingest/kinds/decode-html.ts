// HTML pages name their charset in <meta>, which the feed decoder does not read. Servers often
// send a default charset that says nothing about the page (Apache's latin1, a blanket utf-8 on a
// GBK site), so a header the bytes contradict, or a generic one, yields to the page's own <meta>.
import { charsetFromContentType, decodeWithCandidates, GENERIC_HEADER_CHARSETS } from "../decode-body";

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i;

/** Decodes an HTML page: BOM, a specific HTTP charset, `<meta charset>`, strict UTF-8, then GB18030. */
export function decodeHtmlBody(body: Uint8Array, contentType: string | null): string {
  const header = charsetFromContentType(contentType);
  const head = Buffer.from(body.subarray(0, 4096)).toString("latin1");
  const meta = META_CHARSET.exec(head)?.[1]?.toLowerCase() ?? null;
  const candidates: string[] = [];
  if (header && !GENERIC_HEADER_CHARSETS.has(header)) candidates.push(header);
  // A <meta> naming UTF-16 in an ASCII-readable head is a template default, not the page's charset.
  if (meta && !meta.startsWith("utf-16")) candidates.push(meta);
  candidates.push("utf-8");
  return decodeWithCandidates(body, candidates);
}
