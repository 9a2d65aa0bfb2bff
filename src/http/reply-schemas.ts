// Zod schemas of the official-account, case-reply and reply-template routes.
import { z } from "zod";
import { ACCOUNT_PLATFORMS, REPLY_STATUSES } from "../replies/workflow";
import { name, text, trimmedText } from "./text-fields";
import { patchOf } from "./patch-schema";

const id = z.number().int().positive();
const replyText = text(5_000, { multiline: true }).transform((v) => v.trim()).pipe(z.string().min(1));
/** A public address: an absolute http(s) URL (checked again by the workflow when a reply is published). */
const httpUrl = z.string().trim().max(2_000).refine((v) => /^https?:\/\/[^\s/?#]+/i.test(v) && URL.canParse(v), "replies.bad_url");

/** An official account as written. */
export const accountBody = z.object({
  unitId: id,
  platform: z.enum(ACCOUNT_PLATFORMS),
  accountName: name(100),
  publicUrl: httpUrl,
  spokespersonUserId: id.nullable().default(null),
  enabled: z.boolean().default(true),
});
/** An account patch: a field left out keeps its value. */
export const accountPatch = patchOf(accountBody);
/** An official account as the API shows it. */
export const accountView = z.object({
  id: z.number(), unitId: z.number(), unitName: z.string().nullable(), platform: z.enum(ACCOUNT_PLATFORMS), accountName: z.string(),
  publicUrl: z.string(), spokespersonUserId: z.number().nullable(), spokespersonName: z.string().nullable(), enabled: z.boolean(),
  createdAt: z.string(), updatedAt: z.string(),
});
/** Account list filters. */
export const accountListQuery = z.object({ unitId: z.coerce.number().int().positive().optional() });

/** A reply as drafted. */
export const replyDraftBody = z.object({ accountId: id, text: replyText });
/** A draft's changes. */
export const replyEditBody = z.object({ accountId: id.optional(), text: replyText.optional() });
/** Why a reply is returned. */
export const replyReturnBody = z.object({ reason: text(2_000, { multiline: true }).transform((v) => v.trim()).pipe(z.string().min(1)) });
/** Where a reply was published. */
export const replyPublishBody = z.object({ url: httpUrl });
/** Path parameters of one reply of a case. */
export const replyParams = z.object({ id: z.coerce.number().int().positive(), replyId: z.coerce.number().int().positive() });

/** A reply as the API shows it. */
export const replyView = z.object({
  id: z.number(), caseId: z.number(), accountId: z.number(), accountName: z.string().nullable(), platform: z.string().nullable(),
  text: z.string(), status: z.enum(REPLY_STATUSES), draftedBy: z.number().nullable(), draftedByName: z.string().nullable(),
  reviewedBy: z.number().nullable(), reviewedByName: z.string().nullable(), reviewNote: z.string().nullable(),
  publishedUrl: z.string().nullable(), publishedAt: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
  /** The actions the signed-in user may take on it now. */
  actions: z.array(z.string()),
});
/** A case's replies with the accounts its replies may use and what the user may do. */
export const replyListView = z.object({
  replies: z.array(replyView),
  accounts: z.array(accountView),
  canDraft: z.boolean(),
});

/** A reply template as written. */
export const templateBody = z.object({
  category: name(50),
  title: name(100),
  text: text(5_000, { multiline: true }).transform((v) => v.trim()).pipe(z.string().min(1)),
  unitId: id.nullable().default(null),
});
/** A template patch. */
export const templatePatch = patchOf(templateBody);
/** A reply template as the API shows it. */
export const templateView = z.object({
  id: z.number(), category: z.string(), title: z.string(), text: z.string(), unitId: z.number().nullable(), unitName: z.string().nullable(),
  createdAt: z.string(), updatedAt: z.string(),
});
/** Template list filters. */
export const templateListQuery = z.object({ category: trimmedText(50).optional(), unitId: z.coerce.number().int().positive().optional() });
