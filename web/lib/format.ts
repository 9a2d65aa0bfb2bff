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

/** A file size: B, KB, MB or GB with one decimal. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
