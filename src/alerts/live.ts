// The in-process hub the in-app channel publishes to and the SSE route (GET /api/alerts/stream) listens on.
import type { AlertMessage } from "./channels/types";

type Listener = (m: AlertMessage) => void;
const listeners = new Set<Listener>();

/** Listens for in-app messages; returns an unsubscribe. */
export function subscribeLive(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Sends a message to every open browser; returns how many listened. */
export function publishLive(m: AlertMessage): number {
  for (const fn of listeners) fn(m);
  return listeners.size;
}
