// Zod schemas of the board routes: the public form and lookups, and the staff's list and actions.
import { z } from "zod";
import { BOARD_CATEGORIES, BOARD_RATINGS } from "../board/commands";
import { name, text } from "./text-fields";

/** A message as the public form posts it. */
export const submissionBody = z.object({
  category: z.enum(BOARD_CATEGORIES),
  title: name(100),
  text: text(5000, { multiline: true }).transform((v) => v.trim()).pipe(z.string().min(5)),
  contact: text(200).transform((v) => v.trim()).optional(),
  anonymous: z.boolean().default(false),
  unitId: z.number().int().positive().optional(),
  altcha: z.string().min(1).max(2000),
});

/** What the poster sees by query code (never the contact). */
export const publicMessageView = z.object({
  status: z.enum(["held", "accepted", "rejected", "answered"]), statusLabel: z.string(), category: z.enum(BOARD_CATEGORIES), title: z.string(),
  createdAt: z.string(), moderationReason: z.string().nullable(), dueAt: z.string().nullable(),
  answer: z.object({ text: z.string(), unitName: z.string(), answeredAt: z.string() }).nullable(),
  rating: z.enum(BOARD_RATINGS).nullable(),
});

/** The challenge for the widget (altcha-lib v1). */
export const challengeView = z.object({ algorithm: z.string(), challenge: z.string(), salt: z.string(), signature: z.string(), maxnumber: z.number() });

/** A message as staff see it (the contact only as "has contact"). */
export const staffMessageView = z.object({
  id: z.number(), queryCode: z.string(), category: z.enum(BOARD_CATEGORIES), status: z.string(), unitId: z.number().nullable(),
  unitName: z.string().nullable(), title: z.string(), text: z.string(), anonymous: z.boolean(), hasContact: z.boolean(),
  moderationReason: z.string().nullable(), dueAt: z.string().nullable(), overdue: z.boolean(), draftText: z.string().nullable(),
  answerText: z.string().nullable(), answeredAt: z.string().nullable(), rating: z.string().nullable(), caseId: z.number().nullable(),
  createdAt: z.string(),
  steps: z.array(z.object({ at: z.string(), userName: z.string(), kind: z.string(), text: z.string().nullable() })).optional(),
});

/** The period of the statistics (default: this year so far). */
export const statsQuery = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
