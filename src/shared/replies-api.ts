// Official-account and reply API types shared by the server and the web UI (no node:* imports).

/** Reply statuses in order (labels in the locale files under replies.status.*). */
export const REPLY_STATUSES = ["draft", "submitted", "returned", "approved", "published"] as const;
/** One of REPLY_STATUSES. */
export type ReplyStatusName = (typeof REPLY_STATUSES)[number];

/** Platforms an official account may be on (labels under replies.platform.*). */
export const ACCOUNT_PLATFORMS = ["weibo", "wechat", "douyin", "gov_site", "people_board", "other"] as const;
/** One of ACCOUNT_PLATFORMS. */
export type AccountPlatformName = (typeof ACCOUNT_PLATFORMS)[number];

/** An official account (GET /api/official-accounts). */
export interface OfficialAccountView {
  id: number; unitId: number; unitName: string | null; platform: AccountPlatformName; accountName: string; publicUrl: string;
  spokespersonUserId: number | null; spokespersonName: string | null; enabled: boolean; createdAt: string; updatedAt: string;
}

/** A reply of a case, with the actions the signed-in user may take on it. */
export interface CaseReplyView {
  id: number; caseId: number; accountId: number; accountName: string | null; platform: string | null; text: string; status: ReplyStatusName;
  draftedBy: number | null; draftedByName: string | null; reviewedBy: number | null; reviewedByName: string | null; reviewNote: string | null;
  publishedUrl: string | null; publishedAt: string | null; createdAt: string; updatedAt: string;
  actions: ("edit" | "submit" | "approve" | "return" | "publish")[];
}

/** GET /api/cases/:id/replies. */
export interface CaseRepliesView { replies: CaseReplyView[]; accounts: OfficialAccountView[]; canDraft: boolean }

/** A reply template (GET /api/reply-templates). */
export interface ReplyTemplateView {
  id: number; category: string; title: string; text: string; unitId: number | null; unitName: string | null; createdAt: string; updatedAt: string;
}
