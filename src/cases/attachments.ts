// Attaching files to a case. The bytes are stored once by content under
// <data dir>/attachments/<first two hex digits>/<sha256>: written to a temporary file in the same
// folder, flushed, then renamed, so a crash leaves either the whole file or none under its name.
// The row, the case's timeline step and the audit row then commit together; a crash between the
// file and the commit leaves an unreferenced file, never a row without its file.
import { createHash, randomBytes } from "node:crypto";
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import type { Db } from "../db/connection";
import type { Actor } from "../store/audit";
import { recordAudit } from "../store/audit";
import { getCase, insertCaseStep } from "../store/cases";
import { insertCaseAttachment } from "../store/case-attachments";
import { checkAttachment } from "./attachment-types";

/** Where a stored file with this sha256 lives. */
export function attachmentPath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`attachments: not a sha256: ${sha256}`);
  return path.join(dataDir, "attachments", sha256.slice(0, 2), sha256);
}

/** Stores bytes by content (once); returns their sha256. */
export function storeBlob(dataDir: string, bytes: Buffer): string {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const file = attachmentPath(dataDir, sha256);
  if (existsSync(file)) return sha256;
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    const fd = openSync(tmp, "wx", 0o600);
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new Error("attachments: unable to store the file", { cause: err });
  }
  return sha256;
}

/** A file name made safe to store and show: no folders, no control characters, at most 200 characters. */
export function cleanFileName(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const base = raw.split(/[/\\]/).pop()!.replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  return base.length > 200 ? base.slice(base.length - 200) : base;
}

/** The outcome of an upload: the new attachment, or why it was refused (a message catalog code). */
export type AttachResult =
  | { ok: true; id: number; sha256: string; mime: string; size: number; name: string }
  | { ok: false; code: "attachments.type_refused" | "attachments.empty" | "attachments.bad_name" | "cases.not_found" };

/** Checks and stores a file and records it on the case (row, timeline step, audit in one transaction). */
export function attachToCase(
  db: Db, dataDir: string, caseId: number, rawName: string, bytes: Buffer, actor: Actor, ip: string | null, now = Date.now(),
): AttachResult {
  const name = cleanFileName(rawName);
  if (!name || name.startsWith(".")) return { ok: false, code: "attachments.bad_name" };
  if (!bytes.length) return { ok: false, code: "attachments.empty" };
  const type = checkAttachment(name, bytes);
  if (!type) return { ok: false, code: "attachments.type_refused" };
  if (!getCase(db, caseId)) return { ok: false, code: "cases.not_found" };
  const sha256 = storeBlob(dataDir, bytes);
  return db.tx((): AttachResult => {
    const c = getCase(db, caseId);
    if (!c) return { ok: false, code: "cases.not_found" };
    const id = insertCaseAttachment(db, { caseId, name, size: bytes.length, sha256, mime: type.mime, uploadedBy: actor.id, uploadedByName: actor.username }, now);
    insertCaseStep(db, {
      caseId, userId: actor.id, userName: actor.username, kind: "attachment", fromState: c.state, toState: c.state, text: name,
      data: { attachmentId: id, name, size: bytes.length, mime: type.mime, sha256 },
    }, now);
    recordAudit(db, { actor, action: "case.attachment", targetType: "case", targetId: caseId, summary: { attachmentId: id, name, size: bytes.length, sha256 }, ip }, now);
    return { ok: true, id, sha256, mime: type.mime, size: bytes.length, name };
  });
}
