// Which of an item's entities can anchor an incident: a place at a fine level (a township, a
// village, a road, a county) or a named institution, not a province, a city or a country, which
// names the setting of a thousand unrelated stories, nor a bare 教育局 or 卫生部 without its place.

/** Anchors an item offers at most: its entities come most telling first, so these are what it is about. */
export const MAX_ITEM_ANCHORS = 5;

// Provinces, prefectures and countries; 自治区 and the like end in 区 but name a province.
const COARSE_ENDINGS = ["省", "市", "州", "国", "自治区", "特别行政区"];
// A bare government body: one character of its field plus its kind (教育局, 卫生部, 国务院, 关工委).
const BARE_BODY_ENDINGS = new Set(["局", "部", "院", "委", "办", "厅", "署", "会", "所"]);

// Endings of places (as opposed to institutions): an item and an event that each name such a place,
// and no anchor in common, are about different incidents. All are one character but 街道 and 大道,
// so the last character decides (this runs for every entity of every candidate event).
const PLACE_LAST = new Set(["县", "区", "乡", "镇", "村", "路", "街", "巷", "桥", "河", "湖", "山", "岛", "港", "湾", "站"]);

// A numbered line (3路, 12路 is long enough anyway) or a river or lake the dictionary knows (南湖, 沙河).
const SHORT_PLACE = /^(?:[0-9a-z]路|\p{Script=Han}[河湖])$/u;

/** Whether an anchor names a place (a county, township, village, road, river …) rather than an institution. */
export function isPlaceAnchor(anchor: string): boolean {
  const last = anchor[anchor.length - 1];
  return PLACE_LAST.has(last) || (last === "道" && (anchor.endsWith("街道") || anchor.endsWith("大道")));
}

/** Whether an entity names a place or institution finely enough to tell one incident from another. */
export function isAnchor(entity: string): boolean {
  // Two characters name a township's stem (东关) or a common word, but a bus line (3路) or a lake (南湖) is a place.
  if (entity.length < 2 || (entity.length === 2 && !SHORT_PLACE.test(entity))) return false;
  for (const end of COARSE_ENDINGS) if (entity.endsWith(end)) return false;
  return !(entity.length === 3 && BARE_BODY_ENDINGS.has(entity[2]));
}

/** The anchors among an item's entities (trimmed, lower-cased, distinct), at most MAX_ITEM_ANCHORS of them. */
export function anchorsOf(entities: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of entities) {
    if (typeof raw !== "string") continue;
    const e = raw.trim().toLowerCase();
    if (e && isAnchor(e)) out.add(e);
    if (out.size >= MAX_ITEM_ANCHORS) break;
  }
  return [...out];
}
