// The first file part of a multipart/form-data body (curl -F file=@x.csv): enough for one upload,
// without a multipart dependency.

/** The boundary of a multipart/form-data content type, or null. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data/i.test(contentType)) return null;
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : null;
}

/** The first part that carries a filename (else the first part): its name and bytes; null when malformed. */
export function firstFilePart(body: Buffer, boundary: string): { fileName: string; bytes: Buffer } | null {
  const delimiter = Buffer.from(`--${boundary}`);
  let parts: { fileName: string; bytes: Buffer }[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const part = body.subarray(start + 2, next - 2); // skip CRLF after the delimiter and before the next
    const headEnd = part.indexOf("\r\n\r\n");
    if (headEnd >= 0) {
      const head = part.subarray(0, headEnd).toString("utf8");
      const name = /filename\*=UTF-8''([^;\r\n]+)/i.exec(head)?.[1];
      const plain = /filename="([^"]*)"/i.exec(head)?.[1];
      let fileName = plain ?? "";
      try {
        if (name) fileName = decodeURIComponent(name);
      } catch {
        // keep the plain name
      }
      parts.push({ fileName: /filename/i.test(head) ? fileName || "upload" : "", bytes: part.subarray(headEnd + 4) });
    }
    at = next;
  }
  parts = [...parts.filter((p) => p.fileName), ...parts.filter((p) => !p.fileName)];
  return parts[0] ?? null;
}
