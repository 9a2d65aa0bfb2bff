// The house style of printed documents (official-document layout): fonts, A4 page and margins, shared
// by the escalation memo and the reports.

// Word picks the East Asian font for Chinese characters and the ASCII one for the rest. A machine
// without the GB2312 or 方正 fonts (most outside government offices) finds, in the document's font
// table (OFFICIAL_FONT_TABLE), an alternative name Windows, Word and WPS ship with (仿宋, 宋体, 黑体) and
// the GB2312 character set, rather than substituting a font of its own choice.
/** Body text: 仿宋_GB2312, FangSong for Latin text. */
export const BODY_FONT = { eastAsia: "仿宋_GB2312", ascii: "FangSong", hAnsi: "FangSong", cs: "FangSong" };
/** Titles: 方正小标宋简体, SimSun for Latin text. */
export const TITLE_FONT = { eastAsia: "方正小标宋简体", ascii: "SimSun", hAnsi: "SimSun", cs: "SimSun" };
/** Labels and first-level headings: 黑体. */
export const LABEL_FONT = { eastAsia: "黑体", ascii: "SimHei", hAnsi: "SimHei", cs: "SimHei" };
/** A font of the above shape. */
export type OfficialFont = typeof BODY_FONT;
/** A4 in twentieths of a point, margins as in official documents (37 mm top, 28 mm sides). */
export const A4 = { width: 11906, height: 16838 };
/** Page margins in twentieths of a point. */
export const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1587 };
/** 14 pt (四号), in half-points. */
export const BODY_SIZE = 28;
/** The width between the margins, in twentieths of a point (DXA). */
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
/** The red of red headers (红头) and their rules. */
export const OFFICIAL_RED = "C00000";

// CT_Font children in schema order: altName, panose1, charset, family, pitch. charset 86 = GB2312.
const fontEntry = (name: string, altName: string, family: "roman" | "modern" | "swiss", pitch: "fixed" | "variable") =>
  `<w:font w:name="${name}"><w:altName w:val="${altName}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`;

/** The font table part of an official document: each East Asian font with a fallback Word and WPS ship (a Packer override). */
export const OFFICIAL_FONT_TABLE = {
  path: "word/fontTable.xml",
  data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    + fontEntry(BODY_FONT.eastAsia, "仿宋", "modern", "fixed")
    + fontEntry(TITLE_FONT.eastAsia, "宋体", "roman", "variable")
    + fontEntry(LABEL_FONT.eastAsia, "SimHei", "modern", "fixed")
    + "</w:fonts>",
} as const;
