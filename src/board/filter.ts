// The board's content filter: holds a message for a moderator (never drops it) when it looks like
// spam or an illegal advertisement, and says why. Pure; the word list is the built-in one plus
// the office's own (TINGFENG_BOARD_BLOCK_WORDS).

/** Advertising terms that are almost never in a genuine message to a public body. */
export const DEFAULT_BLOCK_WORDS = ["代开发票", "办证刻章", "网络赌博", "博彩", "六合彩", "刷单返利", "裸聊", "私服外挂", "代孕", "高仿证件", "套现"];

/** Why a message is held, in Chinese (shown to moderators; the poster sees 待审核), or null. */
export function holdReason(title: string, text: string, blockWords: readonly string[] = DEFAULT_BLOCK_WORDS): string | null {
  const all = `${title}\n${text}`;
  const links = all.match(/https?:\/\/|www\./gi)?.length ?? 0;
  if (links > 3) return `包含 ${links} 个链接，疑似广告`;
  const run = /(.)\1{14,}/su.exec(all);
  if (run) return `包含大量重复字符「${run[1]}」`;
  const lower = all.toLowerCase();
  for (const w of blockWords) if (w && lower.includes(w.toLowerCase())) return `包含疑似违法广告用语「${w}」`;
  const cjk = all.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (all.length >= 40 && cjk === 0 && !/[a-z]{3,}\s+[a-z]{3,}/i.test(all)) return "内容无法识别（无中文或可读文字）";
  return null;
}

const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A query code of 12 characters from an alphabet without look-alikes (31^12 ≈ 7.9e17 codes). */
export function newQueryCode(random: (n: number) => Uint8Array): string {
  const out: string[] = [];
  while (out.length < 12) {
    for (const b of random(16)) {
      // Rejection sampling keeps every character equally likely.
      if (b < 248 && out.length < 12) out.push(CODE_ALPHABET[b % 31]);
    }
  }
  return out.join("");
}

/** Whether a string has the shape of a query code (checked before any lookup). */
export const isQueryCode = (s: string): boolean => /^[A-HJ-NP-Z2-9]{12}$/.test(s);
