// Generates the fictional 青禾县 stream: varied posts from templates and slot words, with
// reposts of earlier posts, all from a seed so demos and benchmarks are reproducible.
import { OFFICIAL_AUTHORS, RESIDENT_AUTHORS, SLOT_WORDS } from "./places";
import { createFiller, mulberry32, pick, type TemplateGroup, type Tone } from "./template";
import { CIVIC_GROUPS } from "./topics-civic";
import { COMMUNITY_GROUPS } from "./topics-community";

/** One generated demo post; topic and tone are the ground truth for analysis checks. */
export interface DemoPost {
  guid: string;
  title: string;
  text: string;
  url: string;
  author: string;
  publishedAt: Date;
  topic: string;
  tone: Tone;
}

// Complaints dominate real monitoring queues; the weights mimic that without drowning praise.
const TOPIC_WEIGHTS: Record<string, number> = { education: 26, traffic: 20, environment: 20, health: 13, local: 12, praise: 7 };
const TONE_SHARE: Record<Tone, number> = { negative: 0.5, neutral: 0.3, positive: 0.2 };
const GROUPS = [...CIVIC_GROUPS, ...COMMUNITY_GROUPS];
const CUMULATIVE: number[] = [];
for (const g of GROUPS) {
  const tonesInTopic = GROUPS.filter((o) => o.topic === g.topic).reduce((sum, o) => sum + TONE_SHARE[o.tone], 0);
  const weight = ((TOPIC_WEIGHTS[g.topic] ?? 5) * TONE_SHARE[g.tone]) / tonesInTopic;
  CUMULATIVE.push((CUMULATIVE.at(-1) ?? 0) + weight);
}
const BY_TOPIC = new Map<string, TemplateGroup[]>();
for (const g of GROUPS) BY_TOPIC.set(g.topic, [...(BY_TOPIC.get(g.topic) ?? []), g]);
const REPOST_SHARE = 0.12;
const HISTORY = 200;

function pickGroup(random: () => number): TemplateGroup {
  const r = random() * CUMULATIVE[CUMULATIVE.length - 1];
  const i = CUMULATIVE.findIndex((c) => r < c);
  return GROUPS[i === -1 ? GROUPS.length - 1 : i];
}

/**
 * A post of one storyline. Short ones are topped up from the storyline's own details; with
 * `siblings` (the benchmark stream, which needs long texts) also from sibling storylines, whose
 * sentences may be about another road or topic than the title.
 */
function compose(random: () => number, group: TemplateGroup, min: number, max: number, siblings = false): { title: string; text: string } {
  const fill = createFiller(random, group.slots);
  const story = pick(random, group.stories);
  const title = fill(pick(random, story.titles));
  const opening = random() < 0.75 ? fill(pick(random, group.openings)) : "";
  const closing = random() < 0.8 ? fill(pick(random, group.closings)) : "";
  // Details keep their written order (they tell a story); dropping some varies the posts.
  const kept = story.details.filter(() => random() < 0.8);
  const details = (kept.length >= 2 ? kept : story.details.slice(0, 2)).map(fill);
  let text = opening + details.join("") + closing;
  if (!siblings) {
    // The details this post dropped, in their written order, until it is long enough.
    for (const d of story.details.map(fill)) {
      if (text.length >= min) break;
      if (!details.includes(d)) details.push(d);
      text = opening + details.join("") + closing;
    }
    // Then the group's openings and closings, which speak of the same school or township.
    const more = [...group.openings, ...group.closings].map(fill).filter((x) => x && x !== opening && x !== closing);
    for (let k = 0; text.length < min && k < more.length; k++) text += more[k];
    return { title, text: text.length > max ? text.slice(0, max) : text };
  }
  // Short storylines are topped up from sibling storylines (same group first, then same topic).
  const others = (BY_TOPIC.get(group.topic) ?? []).filter((g) => g !== group);
  for (let guard = 0; text.length < min && guard < 16; guard++) {
    const source = guard < 8 || others.length === 0 ? group : pick(random, others);
    const extra = fill(pick(random, pick(random, source.stories).details));
    if (!details.includes(extra)) details.push(extra);
    text = opening + details.join("") + closing;
  }
  return { title, text: text.length > max ? text.slice(0, max) : text };
}

function repost(random: () => number, original: { title: string; text: string; author: string }, max: number): { title: string; text: string } {
  const comment = pick(random, SLOT_WORDS.comment);
  const style = Math.floor(random() * 3);
  const title = style === 0 ? `转发：${original.title}` : style === 1 ? `【转载】${original.title}` : `${original.title}（转）`;
  const text =
    style === 0 ? `${comment} //@${original.author}：${original.text}`
    : style === 1 ? `【转载】${original.text} 原帖作者：${original.author}`
    : `转自网络，${comment}。${original.text}`;
  return { title, text: text.slice(0, max) };
}

/** A seeded stream of demo posts; `baseUrl` is the demo server the post URLs point at. */
export function createDemoGenerator(seed: number, baseUrl = "http://127.0.0.1"): { next(now: Date): DemoPost } {
  const random = mulberry32(seed);
  const history: DemoPost[] = [];
  let counter = 0;
  return {
    next(now: Date): DemoPost {
      counter++;
      const guid = `qh-${(seed >>> 0).toString(36)}-${counter}`;
      const original = history.length > 0 && random() < REPOST_SHARE ? pick(random, history) : null;
      let post: DemoPost;
      if (original) {
        post = { ...original, ...repost(random, original, 300), guid, author: pick(random, RESIDENT_AUTHORS), publishedAt: now };
      } else {
        const group = pickGroup(random);
        const authors = group.voice === "official" ? OFFICIAL_AUTHORS : RESIDENT_AUTHORS;
        post = { guid, ...compose(random, group, 60, 300), author: pick(random, authors), publishedAt: now, topic: group.topic, tone: group.tone, url: "" };
        history.push(post);
        if (history.length > HISTORY) history.shift();
      }
      post.url = `${baseUrl}/posts/${guid}`;
      return post;
    },
  };
}

/**
 * An endless seeded stream of Chinese title/text pairs for benchmarks: posts of `min`–`max`
 * characters (default 100–200) and reposts of one of the last `history` posts.
 */
export function* chineseItemStream(seed: number, opts: { min?: number; max?: number; history?: number } = {}): Generator<{ title: string; text: string }> {
  const { min = 100, max = 200, history = Number.POSITIVE_INFINITY } = opts;
  const random = mulberry32(seed);
  const recent: { title: string; text: string }[] = [];
  for (let i = 0; ; i++) {
    const earlier = recent.length > 0 && random() < REPOST_SHARE ? recent[Math.floor(random() * recent.length)] : null;
    const item = earlier ? repost(random, { ...earlier, author: pick(random, RESIDENT_AUTHORS) }, max) : compose(random, pickGroup(random), min, max, true);
    if (recent.length < history) recent.push(item);
    else recent[i % history] = item;
    yield item;
  }
}

/** `n` Chinese title/text pairs of ~100–200 characters for benchmarks (about 1 µs-scale each). */
export function generateChineseItems(n: number, seed: number): { title: string; text: string }[] {
  const stream = chineseItemStream(seed);
  return Array.from({ length: n }, () => stream.next().value);
}
