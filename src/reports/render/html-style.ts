// The printable page's CSS: A4 with official-document margins, the house fonts first and the CJK
// fonts a server has (Debian fonts-noto-cjk) last, so Chinese never prints as boxes.

const SANS = `"Noto Sans CJK SC"`;
/** Body text: 仿宋 where installed, else Noto Serif/Sans CJK. */
const BODY = `"仿宋_GB2312", "FangSong", "STFangsong", "Noto Serif CJK SC", ${SANS}`;
const TITLE = `"方正小标宋简体", "SimSun", "STSong", "Noto Serif CJK SC", ${SANS}`;
const HEADING = `"黑体", "SimHei", "STHeiti", ${SANS}`;

/** The style sheet of a report page (screen and print). */
export const REPORT_CSS = `
@page { size: A4; margin: 37mm 28mm 35mm 28mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 154mm; font-family: ${BODY}; font-size: 14pt; line-height: 1.75; color: #000; }
a { color: #0563c1; text-decoration: underline; word-break: break-all; }
.masthead { position: relative; text-align: center; border-bottom: 1px solid #000; padding-bottom: 6pt; margin-bottom: 8pt; }
.masthead.red { border-bottom: 2.25pt solid #c00000; }
.masthead h1 { font-family: ${TITLE}; font-weight: normal; font-size: 22pt; margin: 0 0 6pt; }
.masthead.red h1 { color: #c00000; font-size: 36pt; letter-spacing: 2pt; margin-top: 12pt; }
.masthead .number { font-size: 14pt; }
.masthead .issuer { display: flex; justify-content: space-between; margin-top: 6pt; }
.draft-mark { position: absolute; top: 0; right: 0; color: #c00000; font-family: ${HEADING}; font-size: 16pt; font-weight: bold; border: 1.5pt solid #c00000; padding: 0 6pt; }
.period { font-size: 12pt; margin: 0 0 6pt; }
h2 { font-family: ${HEADING}; font-weight: normal; font-size: 16pt; margin: 12pt 0 4pt; break-after: avoid; }
.text { text-indent: 2em; margin: 0 0 4pt; }
.note { font-size: 12pt; color: #333; }
sup { font-size: 9pt; line-height: 0; }
figure.chart { margin: 8pt 0; text-align: center; break-inside: avoid; }
figure.chart img { width: 100%; height: auto; }
figure.chart figcaption { font-size: 12pt; }
table { width: 100%; border-collapse: collapse; margin: 6pt 0 10pt; font-size: 12pt; break-inside: auto; }
caption { font-family: ${HEADING}; font-size: 12pt; margin-bottom: 3pt; }
th, td { border: 0.75pt solid #000; padding: 2pt 4pt; text-align: left; vertical-align: top; }
th { font-family: ${HEADING}; font-weight: normal; background: #e7e6e6; text-align: center; }
tr { break-inside: avoid; }
ol.items { margin: 0 0 6pt; padding-left: 2em; }
ol.items li { margin-bottom: 4pt; break-inside: avoid; }
.item-title { font-weight: bold; }
.excerpt, .origin { font-size: 12pt; }
`;
