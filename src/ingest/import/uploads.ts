// Files uploaded for import and waiting for their column mapping: kept in memory for a while,
// bounded in number, and only for the user who uploaded them.
import { randomUUID } from "node:crypto";
import type { Table } from "./table";

/** An upload awaiting confirmation. */
export type PendingUpload = { id: string; userId: number; fileName: string; table: Table; expiresAt: number };

const TTL_MS = 30 * 60_000;
// A 50 MB file's table takes a few hundred MB at worst; keep only a few at a time.
const MAX_PENDING = 4;

/** Pending uploads of one server process. */
export class UploadStore {
  private readonly byId = new Map<string, PendingUpload>();

  /** Keeps a table; the oldest upload goes when too many wait. Returns its id. */
  put(userId: number, fileName: string, table: Table, now = Date.now()): string {
    this.sweep(now);
    while (this.byId.size >= MAX_PENDING) this.byId.delete(this.byId.keys().next().value!);
    const id = randomUUID();
    this.byId.set(id, { id, userId, fileName, table, expiresAt: now + TTL_MS });
    return id;
  }

  /** The upload with this id if it is the user's and has not expired. */
  get(id: string, userId: number, now = Date.now()): PendingUpload | undefined {
    this.sweep(now);
    const u = this.byId.get(id);
    return u && u.userId === userId ? u : undefined;
  }

  /** Forgets an upload (after its import). */
  delete(id: string): void {
    this.byId.delete(id);
  }

  private sweep(now: number): void {
    for (const [id, u] of this.byId) if (u.expiresAt <= now) this.byId.delete(id);
  }
}
