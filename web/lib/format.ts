// Display formatting shared by the pages.
import dayjs from "dayjs";

/** Shown where a value is missing. */
export const EMPTY = "—";

/** Formats an ISO timestamp in local time as YYYY-MM-DD HH:mm (EMPTY when absent or invalid). */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return EMPTY;
  const value = dayjs(iso);
  return value.isValid() ? value.format("YYYY-MM-DD HH:mm") : EMPTY;
}
