// Case attachment API types shared by the server and the web UI (no node:* imports).

/** One attachment of a case (GET /api/cases/:id/attachments). */
export interface CaseAttachmentView {
  id: number; caseId: number; name: string; size: number; mime: string; sha256: string; uploadedBy: number | null; uploadedByName: string; at: string;
}
