// A value that follows its input only after the input has been still for a while (live search, preview).
import { useEffect, useState } from "react";

/** `value`, updated `delayMs` after its last change. */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
