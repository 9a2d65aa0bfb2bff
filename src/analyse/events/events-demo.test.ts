// The demo county as a newcomer meets it: 3,000 posts of the demo feed at its default pace (a post
// every 5 s) through the analyser. An event is one incident, so the titles of a big event name the
// same one or two places (a road, or the two roads of one intersection), not a string of schools,
// roads or townships that happen to share a topic.
import { describe, expect, it } from "vitest";
import { createDemoGenerator } from "../../ingest/demo/corpus";
import { SLOT_WORDS } from "../../ingest/demo/places";
import { Analyser } from "../pipeline";

const T0 = Date.UTC(2026, 10, 20, 0, 0);
const POSTS = 3_000;
const LARGEST = 10;
// Every place and institution the demo names in titles.
const NAMES = ["town", "village", "school", "road", "bus", "river", "company", "hospital"].flatMap((k) => SLOT_WORDS[k]);

/** The demo names a title holds, without those inside a longer one it holds (南湖 in 南湖镇中心小学). */
function namesIn(title: string): string[] {
  const found = NAMES.filter((n) => title.includes(n));
  return found.filter((n) => !found.some((o) => o !== n && o.includes(n)));
}

describe("events on the demo stream", () => {
  const a = new Analyser();
  const demo = createDemoGenerator(20261206);
  const titles = new Map<number, string[]>();
  for (let i = 0; i < POSTS; i++) {
    const t = T0 + i * 5_000;
    const post = demo.next(new Date(t));
    const { eventId } = a.analyse({ id: i + 1, title: post.title, text: post.text, source: "演示", publishedAt: t }).event;
    titles.set(eventId, [...(titles.get(eventId) ?? []), post.title]);
  }
  const largest = [...titles.values()].sort((x, y) => y.length - x.length).slice(0, LARGEST);

  it("names at most two places in the titles of each of its ten largest events", () => {
    const mixed = largest
      .map((ts) => ({ size: ts.length, places: [...new Set(ts.flatMap(namesIn))] }))
      .filter((e) => e.places.length > 2);
    expect(mixed).toEqual([]);
  });
});
