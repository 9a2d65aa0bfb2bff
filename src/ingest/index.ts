// Public surface of the ingest layer; everything else in this folder is an implementation detail.

export { parseFeed, type ParsedFeed, type ParsedItem } from "./parse-feed";
export { parseFeedDate } from "./parse-date";
export { findAlternateFeedLinks } from "./discover-feed";
export { htmlToText } from "./html-text";
export { canonicalUrl } from "./canonical-url";
export { contentHash } from "./content-hash";
export { fetchFeedUrl, fetchUrl, type FetchFeedOptions, type FetchResult, type FetchUrlOptions } from "./fetcher";
export { invalidAllowEntries, isAddressAllowed, isHostAllowed, parseAllowList, type AllowList } from "./allow-hosts";
export { isIpLiteral, isPublicAddress } from "./address-guard";
export { BlockedAddressError, isUrlPermittedBeforeLookup, systemResolver, type Resolver } from "./guarded-agent";
export { describeFailure, type FailureDescription } from "./failure";
export { nextFetchDelaySeconds } from "./backoff";
export { FeedError, FetchError, type FeedErrorCode, type FetchErrorCode } from "./errors";
export { chineseItemStream, createDemoGenerator, generateChineseItems, type DemoPost } from "./demo/corpus";
export { startDemoFeedServer, type DemoFeedServer, type DemoFeedServerOptions } from "./demo/server";
