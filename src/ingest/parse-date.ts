// Feed dates as found in the wild: RFC 822 (often sloppy), ISO 8601, and the
// "2024-05-01 12:00:00" / "2024年5月1日" forms Chinese CMSs emit without a zone.

// A date without a zone comes from a Chinese local site far more often than not.
const DEFAULT_OFFSET_MINUTES = 8 * 60;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

// "CST" is US Central in RFC 822 but China Standard Time in the Java/PHP output of Chinese
// servers, which is where this product meets it.
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  CST: 480, HKT: 480, BJT: 480, JST: 540, KST: 540,
};

function zoneOffset(zone: string | undefined): number | null {
  if (!zone) return DEFAULT_OFFSET_MINUTES;
  const numeric = /^(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?$/i.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return numeric[1] === "-" ? -minutes : minutes;
  }
  const named = ZONES[zone.toUpperCase()];
  return named === undefined ? null : named;
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offset: number | null): Date | null {
  if (offset === null || mo < 1 || mo > 12 || d < 1 || h > 24 || mi > 59 || s > 60) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null; // 30 February
  const date = new Date(utc - offset * 60_000);
  return Number.isNaN(date.getTime()) ? null : date;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 50 ? 2000 + n : 1900 + n;
}

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|[A-Z]{2,4})?$/i;
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2})[:时](\d{2})分?(?:[:](\d{2})秒?)?)?$/;
const RFC822 = /^(?:[A-Za-z]{3,9},?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3})[A-Za-z]*\.?[\s-]+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(\S+)?$/;
// Java's Date.toString(), common in feeds from Chinese Java CMSs: "Wed May 01 12:00:00 CST 2024".
const JAVA = /^[A-Za-z]{3}\s+([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(\S+)\s+(\d{4})$/;

/** Parses a feed date (RFC 822, ISO 8601, Chinese local forms; no zone means +08:00), or null. */
export function parseFeedDate(input: string | null | undefined): Date | null {
  if (!input) return null;
  const s = input.trim().replace(/\s+/g, " ");
  if (s === "" || s.length > 64) return null;
  let m = ISO.exec(s);
  if (m) {
    const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, "0")) : 0;
    return build(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), ms, zoneOffset(m[8]));
  }
  m = CHINESE.exec(s);
  if (m) return build(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), 0, DEFAULT_OFFSET_MINUTES);
  m = RFC822.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
    if (month === 0) return null;
    return build(fullYear(m[3]), month, +m[1], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), 0, zoneOffset(m[7]));
  }
  m = JAVA.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[1].toLowerCase()) + 1;
    if (month === 0) return null;
    return build(+m[7], month, +m[2], +m[3], +m[4], +m[5], 0, zoneOffset(m[6]));
  }
  return null;
}
