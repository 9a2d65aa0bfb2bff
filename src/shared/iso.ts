// Times as the API and messages write them: ISO 8601 in UTC, null staying null.

/** An epoch-ms time as ISO 8601 (null stays null). */
export function iso(ms: number): string;
export function iso(ms: number | null): string | null;
export function iso(ms: number | null): string | null {
  return ms == null ? null : new Date(ms).toISOString();
}
