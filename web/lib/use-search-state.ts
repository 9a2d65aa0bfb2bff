// Filter state kept in the URL query, so a filtered list survives reloads, links and "back".
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router-dom";

/** Reads `keys` from the URL query ("" when absent) and returns a setter that merges a patch. */
export function useSearchState<K extends string>(
  keys: readonly K[],
): [Record<K, string>, (patch: Partial<Record<K, string | number | null | undefined>>) => void] {
  const [params, setParams] = useSearchParams();
  // Call sites pass a fresh array literal each render; its joined text is the stable dependency.
  const keyList = keys.join("&");
  const values = useMemo(() => {
    const out = {} as Record<K, string>;
    for (const key of keyList.split("&") as K[]) out[key] = params.get(key) ?? "";
    return out;
  }, [params, keyList]);

  const update = useCallback(
    (patch: Partial<Record<K, string | number | null | undefined>>) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === null || value === "") next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [values, update];
}
