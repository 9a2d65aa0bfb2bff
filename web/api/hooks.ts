// Small data hooks over the API client; no caching library, just useEffect.
import { useCallback, useEffect, useState } from "react";
import { api, ApiRequestError, NETWORK_ERROR } from "./client";

/** What `useApi` returns. */
export interface ApiState<T> {
  data: T | undefined;
  error: ApiRequestError | undefined;
  loading: boolean;
  reload: () => void;
}

/** Options of `useApi`. */
export interface ApiOptions {
  /** Re-fetch this often while the tab is visible. */
  refreshMs?: number;
  /** Keep showing the previous path's data while a new path loads (tables, pagination). */
  keepPrevious?: boolean;
}

/** Turns anything thrown into an ApiRequestError so pages handle one type. */
export function toApiError(error: unknown): ApiRequestError {
  if (error instanceof ApiRequestError) return error;
  return new ApiRequestError(0, { code: NETWORK_ERROR, message: String(error) });
}

/** GETs `path` (null = nothing yet), re-fetching when it changes, on `reload()` and on a timer. */
export function useApi<T>(path: string | null, options: ApiOptions = {}): ApiState<T> {
  const { refreshMs, keepPrevious = false } = options;
  const [result, setResult] = useState<{ path: string; data: T } | undefined>();
  const [error, setError] = useState<ApiRequestError>();
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setLoading(true);
    api
      .get<T>(path, controller.signal)
      .then((data) => {
        setResult({ path, data });
        setError(undefined);
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(toApiError(caught));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [path, tick]);

  useEffect(() => {
    if (!refreshMs) return;
    const timer = window.setInterval(() => {
      if (!document.hidden) reload();
    }, refreshMs);
    return () => window.clearInterval(timer);
  }, [refreshMs, reload]);

  const data = result && (keepPrevious || result.path === path) ? result.data : undefined;
  return { data, error, loading, reload };
}
