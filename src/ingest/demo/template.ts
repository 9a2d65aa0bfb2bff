// Shape of a demo template group and the {slot} filler, kept apart from the word lists so
// the generator and both topic files can share them.
import { SLOT_NUMBERS, SLOT_WORDS } from "./places";

/** Overall tone a template group is written in; the sentiment analyser should agree. */
export type Tone = "positive" | "negative" | "neutral";

/** One storyline: its headlines and the sentences that tell it, so a post stays on one subject. */
export interface Story {
  titles: readonly string[];
  details: readonly string[];
}

/** Storylines for one topic, tone and voice; a post is a title plus opening, details and closing. */
export interface TemplateGroup {
  topic: string;
  tone: Tone;
  voice: "resident" | "official";
  stories: readonly Story[];
  openings: readonly string[];
  closings: readonly string[];
  /** Extra slot words for this group only, e.g. {bureau}. */
  slots?: Record<string, readonly string[]>;
}

/** A seeded PRNG (mulberry32): same seed, same demo. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random element of a non-empty list. */
export function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

const SLOT = /\{([a-z]+)(\d?)\}/g;

/**
 * A village lies in the post's township and a township holds the post's village (柳溪镇 and
 * 柳溪镇桃源村), so that a post never names a village of another township than its title.
 */
function within(words: readonly string[], name: string, chosen: ReadonlyMap<string, string>): readonly string[] {
  const town = chosen.get("town");
  const village = chosen.get("village");
  const fit =
    name === "village" && town ? words.filter((w) => w.startsWith(town))
    : name === "town" && village ? words.filter((w) => village.startsWith(w))
    : words;
  return fit.length > 0 ? fit : words;
}

/**
 * Fills {slot} placeholders; one post reuses one value per slot so title and body agree,
 * and {road2} is a road different from {road}.
 */
export function createFiller(random: () => number, groupSlots: TemplateGroup["slots"]): (template: string) => string {
  const chosen = new Map<string, string>();
  const resolve = (name: string, variant: string): string => {
    const key = name + variant;
    const known = chosen.get(key);
    if (known !== undefined) return known;
    let value: string;
    const range = SLOT_NUMBERS[name];
    if (range) {
      const [min, max, step] = range;
      value = String(min + step * Math.floor(random() * (Math.floor((max - min) / step) + 1)));
    } else {
      const words = within(groupSlots?.[name] ?? SLOT_WORDS[name] ?? [name], name, chosen);
      const taken = new Set([...chosen].filter(([k]) => k.startsWith(name)).map(([, v]) => v));
      const free = words.filter((w) => !taken.has(w));
      value = pick(random, free.length > 0 ? free : words);
    }
    chosen.set(key, value);
    return value;
  };
  return (template) => template.replace(SLOT, (_, name: string, variant: string) => resolve(name, variant));
}
