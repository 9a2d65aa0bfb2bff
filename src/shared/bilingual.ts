// Messages the server writes for people (risk and burst reasons) carry both languages in one string,
// "中文 / English", because they are stored; the UI shows the half of the chosen language.

/** What separates the Chinese and the English half. */
export const BILINGUAL_SEPARATOR = " / ";

/** One stored message in both languages. */
export function bilingual(zh: string, en: string): string {
  return `${zh}${BILINGUAL_SEPARATOR}${en}`;
}
