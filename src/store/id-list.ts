// Lists of integer ids inlined into SQL (`IN (1,2,3)`): only integers pass, so the text is safe to inline;
// SQLite's limit on bound parameters does not apply to a long list.

/** The integer ids of `ids` joined with commas, or null when none is left (the caller then matches nothing). */
export function idList(ids: readonly number[]): string | null {
  const clean = ids.filter((i) => Number.isInteger(i));
  return clean.length ? clean.join(",") : null;
}
