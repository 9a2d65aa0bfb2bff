// Tells open wall streams of a database that a display token was revoked, so they close at once
// (a stream also re-checks its token at every tick, which covers revocations by another process).
import type { Db } from "../db/connection";

type Listener = (tokenId: number) => void;
const listeners = new WeakMap<Db, Set<Listener>>();

/** Listens for revocations in `db`; returns an unsubscribe. */
export function onDisplayRevoked(db: Db, fn: Listener): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(fn);
  return () => set.delete(fn);
}

/** Tells the listeners of `db` that a token was revoked (call after the revocation committed). */
export function publishDisplayRevoked(db: Db, tokenId: number): void {
  for (const fn of listeners.get(db) ?? []) fn(tokenId);
}
