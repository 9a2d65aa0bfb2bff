// Typed ingest failures. The scheduler stores `code` on the source row (miniflux-style
// last_error) and the UI maps it to a localised hint, so codes are part of the contract.

/** Why a body could not be read as a feed. */
export type FeedErrorCode = "feed.malformed" | "feed.not_a_feed" | "feed.empty"
  // html and json sources: the page or API answered, but not with what the source's settings expect.
  | "html.no_items" | "json.malformed" | "json.not_array" | "source.bad_config";

/** Why a feed URL could not be fetched. */
export type FetchErrorCode =
  | "fetch.http_status"
  | "fetch.timeout"
  | "fetch.too_large"
  | "fetch.network"
  | "fetch.bad_url"
  | "fetch.bad_content_type"
  | "fetch.too_many_redirects"
  | "fetch.blocked_address"
  | "fetch.credentials_in_url"
  | "fetch.robots_disallowed"
  | "fetch.robots_unreachable";

/** A body that is not a usable feed; `message` tells a person what to check. */
export class FeedError extends Error {
  override readonly name = "FeedError";
  constructor(
    readonly code: FeedErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A failed fetch; `status` is set for fetch.http_status. */
export class FetchError extends Error {
  override readonly name = "FetchError";
  /** HTTP status for fetch.http_status, otherwise null. */
  readonly status: number | null;
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    options?: { cause?: unknown; status?: number },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.status = options?.status ?? null;
  }
}
