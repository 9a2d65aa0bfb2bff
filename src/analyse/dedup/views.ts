// What near-duplicate matching compares. A repost is the reposter's words, then `//@name:` and the
// text it reposts; so besides the whole post (its body) we keep the text after the FIRST marker (its
// parent) and match that against other posts' bodies. The text after the LAST marker is only the
// oldest comment still quoted, not the original, so it is not used. Two people reposting the same
// post with different comments stay apart unless their comments also match: they are separate
// items that both join the reposted post's group when it is indexed.
import { normaliseText } from "../normalise";
import { keepWords } from "./word-chars";

/** The compact strings that matching shingles: the whole post, and the text it reposts if any. */
export type MatchKeys = { body: string; parent: string | null };

// Bounds the work on pathological input; copies are detected from their first part.
const MAX_INPUT = 16_000;
/** Longest key that is shingled, in UTF-16 code units. */
export const MAX_KEY = 4_000;

// The reposted text is kept apart only when the comment in front is over a fifth of the post.
const PARENT_SHARE = 0.8;
// Slashes optional: copy-pasting and truncated comments often lose one or both.
const REPOST_MARK = /\/{0,2}@[^\s@:/]{1,30} ?:/;
// Wrappers that reposting tools and people put in front of a copy.
const WRAPPER = /^(?:\s*(?:转发微博|转发:|转:|【转载】|转载:?|repost:?))+/;
// Source and editor lines that sites append; anchored at the end and after a break so that the
// same words inside a sentence survive.
const SOURCE_TAIL =
  /(?:^|[\s,.;!?，。；！？、…])\(?(?:(?:来源|责任编辑|编辑|文章来源|本文来源|原文链接|原标题) ?:|转自)[^\s,.;!?，。；！？]{0,30}\)?\s*$/;
const URL = /(?:https?:?\/*|www\.)[^\s\u2e80-\uffff]*|\b[a-z0-9-]+(?:\.[a-z0-9-]+)+\/[\w./%=&?#~+-]*/g;

// A link stays as host and path: short links identify what was shared and tell apart short posts
// with the same words, while schemes and query strings (tracking parameters) differ between copies.
function linkTarget(url: string): string {
  const bare = url.replace(/^(?:https?:?\/*|www\.)/, "");
  return ` ${bare.split(/[?#]/)[0]} `;
}

function stripTail(text: string): string {
  let s = text;
  for (let i = 0; i < 2; i++) {
    // The pattern is anchored at the end; trying it on the last stretch only keeps it linear.
    const from = Math.max(0, s.length - 48);
    const m = SOURCE_TAIL.exec(s.slice(from));
    if (m) s = s.slice(0, from + m.index);
  }
  return s;
}

const wrapperLength = (text: string): number => WRAPPER.exec(text)?.[0].length ?? 0;

/**
 * Splits and cleans a post for matching: wrappers, source tails, punctuation and symbols go.
 * Pass `normalised` when the text is already `normaliseText` output, to skip doing that twice.
 */
export function matchKeys(text: string, normalised = false): MatchKeys {
  const capped = text.slice(0, MAX_INPUT);
  const t = stripTail((normalised ? capped : normaliseText(capped)).replace(URL, linkTarget));
  const mark = REPOST_MARK.exec(t);
  if (!mark) return { body: keepWords(t.slice(wrapperLength(t)), MAX_KEY), parent: null };
  // The body is the comment, the marker's name and the reposted text; the last is cleaned once.
  const comment = t.slice(0, mark.index);
  const after = t.slice(mark.index + mark[0].length);
  const wrap = wrapperLength(after);
  const parent = keepWords(after.slice(wrap), MAX_KEY);
  const front = keepWords(comment.slice(wrapperLength(comment)) + mark[0] + after.slice(0, wrap), MAX_KEY);
  const body = (front + parent).slice(0, MAX_KEY);
  // With a short comment in front the body already matches the reposted post on its own.
  return { body, parent: parent && parent.length <= PARENT_SHARE * body.length ? parent : null };
}
