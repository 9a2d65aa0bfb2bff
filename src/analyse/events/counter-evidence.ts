// Evidence that an item is about another incident than an event, although they share an anchor:
// an intersection names two roads, and a complaint about 人民路和文昌路 shares 文昌路 with one
// about 文昌路和滨河路, yet they are two broken traffic lights. An item that names a place the event
// does not know, while the event's core names a place the item does not, is about somewhere else;
// the same holds for two hospitals, two schools or two factories (anchors of one kind).
import { isPlaceAnchor } from "./anchors";
import type { Member, OpenEvent } from "./open-event";

// Schools of every level are one kind (a kindergarten's story is not a primary school's).
const SCHOOL_LAST = new Set(["学", "园", "专", "校"]);

/** The kind of an anchor: "place" for townships, villages, roads, rivers …; "school"; else its last character (院, 厂 …). */
export function anchorKind(anchor: string): string {
  if (isPlaceAnchor(anchor)) return "place";
  const last = anchor[anchor.length - 1];
  return SCHOOL_LAST.has(last) ? "school" : last;
}

/**
 * Whether an anchor belongs to an event's core: held by at least a third of its items, or by its
 * first post (while it remembers it). An anchor one member named in passing is not what the event
 * is about, so it neither admits an item nor, missing from the item, tells against it.
 */
export function isCoreAnchor(ev: OpenEvent, anchor: string): boolean {
  const n = ev.entities.get(anchor);
  if (n === undefined) return false;
  // Two items at least: one item naming a second road (an intersection) does not move the event there.
  if (n >= CORE_MIN_ITEMS && n * 3 >= ev.size) return true;
  return ev.complete && ev.members.length > 0 && ev.members[0].entities.includes(anchor);
}

/** Items that must name an anchor, besides the event's first post, for it to be one of the event's core anchors. */
export const CORE_MIN_ITEMS = 2;

// Kinds of the item's anchors that the other side lacks (scratch, emptied by each call).
const KINDS = new Set<string>();

/**
 * Whether naming an anchor can tell against another incident. A county or district (青禾县) holds
 * every township of it, so it contradicts nothing; finer places and institutions do, however many
 * open events name them: a township named in a hundred events is still not another township.
 */
export function canContradict(anchor: string): boolean {
  const last = anchor[anchor.length - 1];
  if (last === "县") return false;
  return last !== "区" || FINE_AREAS.some((a) => anchor.endsWith(a));
}

// Areas ending in 区 that are finer than a township (a district, 城区, names many).
const FINE_AREAS = ["社区", "小区", "园区", "景区", "校区", "厂区"];

/**
 * Whether an item names a place that is not one of the event's core anchors, or an institution the
 * event does not hold while it holds another of that kind (another hospital): then it joins only on
 * a shared anchor, never on topic words alone. An item naming the bus company of a bus route's
 * event names no other incident; one naming another township does.
 */
export function namesUnknownTo(ev: OpenEvent, m: Member): boolean {
  for (const a of m.entities) if (canContradict(a) && isPlaceAnchor(a) && !isCoreAnchor(ev, a)) return true;
  return namesOtherThanEvent(ev, m, m.entities, false);
}

/**
 * Whether an item's leading anchors (those its title names, see leadAnchors) hold one the event
 * does not, while the event's core names one of the same kind that the item does not name at all:
 * another road, another school, another hospital.
 */
export function namesOtherThanEvent(ev: OpenEvent, m: Member, lead: readonly string[], coreOnly = true): boolean {
  KINDS.clear();
  for (const a of lead) if (!ev.entities.has(a) && canContradict(a)) KINDS.add(anchorKind(a));
  if (KINDS.size === 0) return false;
  let other = false;
  for (const e of ev.entities.keys()) {
    if (!KINDS.has(anchorKind(e)) || m.entities.includes(e) || !canContradict(e)) continue;
    if (!coreOnly || isCoreAnchor(ev, e)) {
      other = true;
      break;
    }
  }
  KINDS.clear();
  return other;
}

/** The same test against one post (a near-duplicate group's first post), with all of that post's anchors. */
export function namesOtherThanPost(first: Member, m: Member, lead: readonly string[]): boolean {
  KINDS.clear();
  for (const a of lead) if (!first.entities.includes(a) && canContradict(a)) KINDS.add(anchorKind(a));
  let other = false;
  if (KINDS.size)
    for (const e of first.entities)
      if (KINDS.has(anchorKind(e)) && !m.entities.includes(e) && canContradict(e)) {
        other = true;
        break;
      }
  KINDS.clear();
  return other;
}

/**
 * The anchors an item is about: those its title names (人民路 of 人民路早高峰堵了…, not the township
 * its body says the writer drove from), or all of them when the title names none (or is missing).
 * A body names places in passing; two posts about one jam on 人民路 from two townships are one incident.
 */
export function leadAnchors(title: string, anchors: readonly string[]): readonly string[] {
  if (!title || anchors.length === 0) return anchors;
  const t = title.toLowerCase();
  const lead = anchors.filter((a) => t.includes(a));
  return lead.length ? lead : anchors;
}
