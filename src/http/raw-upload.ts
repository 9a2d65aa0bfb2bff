// Routes that take a file as the raw request body (attachments, imports): the file's name from the
// `x-file-name` header, and a Fastify scope that accepts any content type up to a byte limit.
import type { FastifyInstance } from "fastify";
import { AppError } from "../errors";

/** The file name a client sent in `x-file-name` (URI-encoded), or "" when absent or not decodable. */
export function fileNameOf(header: string | string[] | undefined): string {
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) return "";
  try {
    return decodeURIComponent(raw);
  } catch {
    return "";
  }
}

/** Makes `scope` read every body as raw bytes up to `maxBytes`; a larger one is a 413 that says the limit. */
export function acceptRawBodies(scope: FastifyInstance, maxBytes: number): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
  // Too large a body says the limit; anything else goes to the app's error handler.
  scope.setErrorHandler((err: { code?: string }) => {
    if (err.code === "FST_ERR_CTP_BODY_TOO_LARGE") throw AppError.of(413, "attachments.too_large", { mb: Math.floor(maxBytes / 1048576 * 10) / 10 });
    throw err;
  });
}
