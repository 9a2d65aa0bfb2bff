// A source's last fetch error in the reader's language: rendered from its stable code when the
// server stored one, else the stored (Chinese) text as it is.
import type { SourceView } from "../../src/shared/api";
import { isFetchMessageCode, renderFetchMessage } from "../../src/shared/fetch-messages";
import type { Lang } from "../locales/translate";

/** The last error to show for `source` in `lang`, or null when its last fetch succeeded. */
export function sourceErrorText(source: Pick<SourceView, "lastError" | "lastErrorCode">, lang: Lang): string | null {
  if (!source.lastError) return null;
  const code = source.lastErrorCode;
  // A code this build does not know, or one whose text needs a parameter, falls back to the stored text.
  return (code && isFetchMessageCode(code) ? renderFetchMessage(code, lang) : null) ?? source.lastError;
}
