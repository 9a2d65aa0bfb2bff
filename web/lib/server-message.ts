// Stored analysis reasons (risk, bursts) are bilingual ("中文 / English"); the UI shows the half in the chosen
// language. Error messages are not: the server writes them in the language the client asks for.
import { BILINGUAL_SEPARATOR } from "../../src/shared/bilingual";
import type { Lang } from "../locales/translate";

/** The part of a "中文 / English" message for `lang`; other messages are returned unchanged. */
export function localMessage(message: string, lang: Lang): string {
  const parts = message.split(BILINGUAL_SEPARATOR);
  if (parts.length !== 2 || parts[0].trim() === "" || parts[1].trim() === "") return message;
  return (lang === "en" ? parts[1] : parts[0]).trim();
}
