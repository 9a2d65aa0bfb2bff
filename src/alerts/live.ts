// The in-process hub the in-app channel publishes to and the SSE route (GET /api/alerts/stream) listens on.
// A channel's message goes to every open browser; a message for a person (a rule's recipient, whoever
// is on duty, an escalation) only to that person's browsers.
import type { AlertMessage } from "./channels/types";

type Listener = (m: AlertMessage) => void;
const listeners = new Map<Listener, number | null>();

/** Listens for in-app messages (as `userId`, to also hear messages sent to that person); returns an unsubscribe. */
export function subscribeLive(fn: Listener, userId: number | null = null): () => void {
  listeners.set(fn, userId);
  return () => listeners.delete(fn);
}

/** Sends a message to every open browser; returns how many listened. */
export function publishLive(m: AlertMessage): number {
  for (const fn of listeners.keys()) fn(m);
  return listeners.size;
}

/** Sends a message to one person's open browsers; returns how many listened. */
export function publishLiveTo(userId: number, m: AlertMessage): number {
  let n = 0;
  for (const [fn, id] of listeners) if (id === userId) (fn(m), n++);
  return n;
}
