// Text as analysis and matching see it (the original is stored untouched elsewhere): full-width
// forms folded to ASCII, traditional characters to simplified, Latin lowercased, whitespace collapsed.
// OpenCC is the slow step (~8–9 M chars/s), so it only runs on text containing a character that
// some traditional→simplified rule changes; about three in four mainland posts contain none.
// Taiwan's table reads the simplified 么 as Taiwan's 么 (= 幺, "small"), so mainland 特么 / 好么 came
// out as 特幺 / 好幺: 么 is never converted (traditional 麼 still becomes 么).
import { ConverterBuilder, type DictGroup } from "opencc-js/core";
import * as t2cn from "opencc-js/preset/t2cn";

const KEPT = "么";

type Converting = { convert: (text: string) => string; triggers: Uint8Array; astral: Set<number> };

let converting: Converting | null = null;

function ruleKeys(groups: readonly DictGroup[]): string[] {
  const keys: string[] = [];
  for (const group of groups)
    for (const dict of group) {
      if (typeof dict !== "string") keys.push(...dict.map(([key]) => key));
      else for (const pair of dict.split("|")) keys.push(pair.slice(0, pair.indexOf(" ")));
    }
  return keys;
}

// A character is a trigger when converting it alone, or a rule key containing it, changes it
// (every character of a key whose conversion changes length). Text without triggers converts to
// itself; this is checked on every character and rule key rather than read from the dictionaries,
// because the chain maps some simplified text to traditional variants and back (什么 → 什麼 → 什么).
function loadConverting(): Converting {
  if (converting) return converting;
  const tw = ConverterBuilder(t2cn)({ from: "tw", to: "cn" });
  const convert = (text: string) => (text.includes(KEPT) ? text.split(KEPT).map((part) => tw(part)).join(KEPT) : tw(text));
  const triggers = new Uint8Array(0x10000);
  const astral = new Set<number>();
  const mark = (key: string) => {
    const out = convert(key);
    if (out === key) return;
    const k = Array.from(key);
    const v = Array.from(out);
    k.forEach((ch, i) => {
      if (k.length !== v.length || ch !== v[i]) {
        const code = ch.codePointAt(0) ?? 0;
        if (code < 0x10000) triggers[code] = 1;
        else astral.add(code);
      }
    });
  };
  for (const key of ruleKeys(t2cn.configs.tw2s.conversionChain)) mark(key);
  for (let code = 0x2e80; code < 0xfb00; code++) if (!triggers[code]) mark(String.fromCharCode(code));
  for (let code = 0x2f800; code < 0x2fa20; code++) mark(String.fromCodePoint(code)); // compatibility ideographs
  triggers[KEPT.charCodeAt(0)] = 0;
  converting = { convert, triggers, astral };
  return converting;
}

function needsConversion(text: string, c: Converting): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x2e80) continue; // below the CJK blocks nothing converts
    if (code >= 0xd800 && code <= 0xdbff) {
      if (c.astral.has(text.codePointAt(i) ?? 0)) return true;
      i++;
    } else if (c.triggers[code]) return true;
  }
  return false;
}

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;
const fold = (ch: string) => (ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

/** Text normalised for analysis and matching: half-width, simplified, lowercase, single spaces. */
export function normaliseText(text: string): string {
  let out = text.replace(FULL_WIDTH, fold);
  const c = loadConverting();
  if (needsConversion(out, c)) out = c.convert(out);
  return out.toLowerCase().replace(/\s+/g, " ").trim();
}
