// HTML pages name their charset in <meta>, which the feed decoder does not read; this adds that
// evidence, then defers to the feed decoder's order (BOM, HTTP header, UTF-8, GB18030).
import { charsetFromContentType, decodeFeedBody } from "../decode-body";

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i;

/** Decodes an HTML page: BOM, then the HTTP charset, then `<meta charset>`, then UTF-8/GB18030. */
export function decodeHtmlBody(body: Uint8Array, contentType: string | null): string {
  if (charsetFromContentType(contentType)) return decodeFeedBody(body, contentType);
  const head = Buffer.from(body.subarray(0, 4096)).toString("latin1");
  const meta = META_CHARSET.exec(head)?.[1]?.toLowerCase();
  return decodeFeedBody(body, meta ? `text/html; charset=${meta}` : contentType);
}
