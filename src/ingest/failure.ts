// What a failed poll records: a stable message code and the zh-CN text rendered from it. Only the
// code and safe parameters (an HTTP status) are used, never the error's own message, which may
// quote the response body or an operating-system error.
import { FETCH_MESSAGES, renderFetchMessage, type FetchMessageCode } from "../shared/fetch-messages";
import { FeedError, FetchError } from "./errors";

/** A failure as a source row stores it. */
export interface FailureDescription { code: FetchMessageCode; message: string }

function httpStatusCode(status: number | null): FetchMessageCode {
  if (status === 404 || status === 410) return "fetch.http_not_found";
  if (status === 401 || status === 403) return "fetch.http_forbidden";
  if (status === 429) return "fetch.http_rate_limited";
  if (status !== null && status >= 500 && status <= 599) return "fetch.http_server_error";
  return "fetch.http_status";
}

function codeOf(err: unknown): FetchMessageCode {
  if (err instanceof FetchError) return err.code === "fetch.http_status" ? httpStatusCode(err.status) : err.code;
  if (err instanceof FeedError) return err.code;
  return "fetch.failed";
}

/** The code and text (zh-CN unless asked otherwise) to store or show for a fetch that threw `err`. */
export function describeFailure(err: unknown, lang: "zh-CN" | "en" = "zh-CN"): FailureDescription {
  const code = codeOf(err);
  const status = err instanceof FetchError ? err.status : null;
  const message = renderFetchMessage(code, lang, status === null ? {} : { status }) ?? FETCH_MESSAGES["fetch.failed"][lang];
  return { code, message };
}
