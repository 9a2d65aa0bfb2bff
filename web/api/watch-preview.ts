// The watch editor's live preview: POST /api/watches/preview once the query has been still for a moment.
import { useEffect, useState } from "react";
import type { WatchPreview } from "../../src/shared/analysis-api";
import { request, type ApiRequestError } from "./client";
import { toApiError } from "./hooks";
import { useDebouncedValue } from "../lib/use-debounced-value";

/** Pause after the last keystroke before the preview is asked for. */
export const PREVIEW_DELAY_MS = 400;

/** What useWatchPreview returns: matches, or the parse error of the query, or another failure. */
export interface WatchPreviewState {
  /** The (trimmed) query the state below belongs to; "" when there is nothing to preview. */
  query: string;
  preview?: WatchPreview;
  /** The server's message for a query that does not parse (400 with `fields.query`). */
  queryError?: string;
  error?: ApiRequestError;
  loading: boolean;
}

/** Previews `query` among recent items, debounced; a newer query cancels the request of an older one. */
export function useWatchPreview(query: string, limit = 20): WatchPreviewState {
  const settled = useDebouncedValue(query.trim(), PREVIEW_DELAY_MS);
  const [state, setState] = useState<WatchPreviewState>({ query: "", loading: false });

  useEffect(() => {
    if (!settled) {
      setState({ query: "", loading: false });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    request<WatchPreview>("POST", "/api/watches/preview", { query: settled, limit }, controller.signal)
      .then((preview) => setState({ query: settled, preview, loading: false }))
      .catch((caught: unknown) => {
        if (controller.signal.aborted) return;
        const error = toApiError(caught);
        const queryError = error.fields.query;
        setState({ query: settled, loading: false, ...(queryError ? { queryError } : { error }) });
      });
    return () => controller.abort();
  }, [settled, limit]);

  // Cleared at once (not after the debounce), so a reopened editor never shows the last session's result.
  return query.trim() ? state : { query: "", loading: false };
}
