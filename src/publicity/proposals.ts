// 疑似已刊发: which ledger items carry the text of an approved news draft, which outlet an item was
// probably published in, and whether a match is a placement to propose or a repost (spread). Pure:
// the texts, outlets and earlier proposals come in as parameters. Matching uses the near-duplicate
// machinery of src/analyse/dedup (MinHash over character 3-shingles to pass over most pairs cheaply,
// then the exact near-copy rule `similarity` with the rule below); it adds no similarity of its own.
import { matchKeys, similarity, type MatchRule, DEFAULT_RULE } from "../analyse/dedup";
import { bodiesMatch } from "../analyse/dedup/similarity";
import { distinctShingles, estimateJaccard, signatureOf } from "../analyse/dedup/minhash";
import { normaliseText } from "../analyse/normalise";
import { analysedText } from "../analyse/pipeline";

/**
 * "The same article" is the repost rule with two changes (measured in proposals.test.ts on a 330-
 * character county news draft): a new headline and a "本报讯（记者…）" lead keep containment ≥ 0.88 and a
 * cut paragraph ≥ 0.88 with Jaccard 0.62–0.69, while a different article on the same event or topic
 * stays ≤ 0.27 containment. (1) minRatio 0.2 instead of 0.5: feeds often carry only the opening
 * paragraphs of a piece (lead only: 0.93 containment at half the length; first paragraph: 1.0 at a
 * fifth), which the repost rule rejects as too short to be the same post. (2) minShingles 30 instead
 * of 8: with the lower ratio, a snippet of a few words found in the draft would otherwise count, so
 * fewer than 30 distinct shingles (about 30 characters) only match an identical text. The thresholds
 * (Jaccard 0.55, containment 0.85) stay those the index was tuned with: our variants sit above them
 * and the other articles far below.
 */
export const SAME_ARTICLE_RULE: MatchRule = { ...DEFAULT_RULE, minRatio: 0.2, minShingles: 30 };

// MinHash estimates of Jaccard have a standard error of about 0.045 at 128 hashes: pairs are passed
// on to the exact rule when their estimate clears thresholds lowered by three of those.
const PREFILTER_RULE: MatchRule = { ...SAME_ARTICLE_RULE, jaccard: SAME_ARTICLE_RULE.jaccard - 0.15, containment: SAME_ARTICLE_RULE.containment - 0.15 };

/** A text prepared for matching: the text as the analysis sees it, its MinHash signature and distinct-shingle count. */
export type MatchText = { text: string; sig: Uint16Array; size: number };

/** Prepares a title and body as the analysis pipeline reads a post (title in front unless the body starts with it). */
export function matchText(title: string, body: string): MatchText {
  const text = normaliseText(analysedText(title, body));
  const shingles = distinctShingles(matchKeys(text, true).body, SAME_ARTICLE_RULE.shingle);
  return { text, sig: signatureOf(shingles, new Uint16Array(128)), size: shingles.length };
}

/** How much of the shorter text is in the longer one (0..1) when two texts are the same article, else null. */
export function sameArticle(a: MatchText, b: MatchText): number | null {
  const small = Math.min(a.size, b.size);
  // Short texts only match an identical text (which has as many shingles): most short posts stop here.
  if (small < SAME_ARTICLE_RULE.minShingles ? a.size !== b.size : !bodiesMatch(estimateJaccard(a.sig, b.sig), a.size, b.size, PREFILTER_RULE)) return null;
  const s = similarity(a.text, b.text, SAME_ARTICLE_RULE);
  return s.nearCopy ? Math.max(s.containment, s.jaccard) : null;
}

/** An outlet as far as guessing goes. */
export type OutletGuessRow = { id: number; hosts: readonly string[]; sourceId: number | null; active: boolean };

const bareHost = (h: string): string => h.trim().toLowerCase().replace(/^www\./, "").replace(/\.$/, "");

/** The host of an http(s) URL without "www.", or null. */
export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? bareHost(u.hostname) : null;
  } catch {
    return null;
  }
}

/**
 * The outlet an item was probably published in: the active outlet fed by the item's source, else one
 * whose hosts include the item URL's host (compared without "www."; a listed parent domain also
 * covers its subdomains, as m.example.cn of example.cn). Null when none fits.
 */
export function guessOutlet(outlets: readonly OutletGuessRow[], sourceId: number, url: string | null): number | null {
  const active = outlets.filter((o) => o.active);
  const bySource = active.find((o) => o.sourceId === sourceId);
  if (bySource) return bySource.id;
  const host = hostOf(url);
  if (!host) return null;
  const exact = active.find((o) => o.hosts.some((h) => bareHost(h) === host));
  if (exact) return exact.id;
  return active.find((o) => o.hosts.some((h) => bareHost(h) && host.endsWith(`.${bareHost(h)}`)))?.id ?? null;
}

/** What is already known about one submission: its earlier live proposals (pending, confirmed, spread) and its placements' outlets. */
export type SubmissionState = { outlets: Set<number>; groups: Set<string> };

/**
 * Whether a matching item is proposed ('pending') or counted as spread: spread when its outlet already
 * has a proposal or placement of this draft, or when no outlet is guessed and it is in the repost
 * group of an item already proposed or confirmed; otherwise a proposal (the first per outlet, a second
 * outlet running the piece included, or a match with no outlet guessed and no proposed original).
 * Records the item in `known` so the next item of the same scan sees it.
 */
export function classifyMatch(known: SubmissionState, outletId: number | null, dupGroup: string | null): "pending" | "spread" {
  const spread = outletId !== null ? known.outlets.has(outletId) : dupGroup !== null && known.groups.has(dupGroup);
  if (!spread) {
    if (outletId !== null) known.outlets.add(outletId);
    if (dupGroup !== null) known.groups.add(dupGroup);
  }
  return spread ? "spread" : "pending";
}
