// Zod schemas of the submission, review flow, bulletin and adoption routes.
import { z } from "zod";
import { ADOPTION_LEVELS, SUBMISSION_KINDS, SUBMISSION_STATES } from "../shared/publicity-types";
import { name, text, trimmedText } from "./text-fields";
import { dayField } from "./publicity-schemas";

const ids = z.array(z.number().int().positive()).max(50);

/** A submission as created. */
export const submissionBody = z.object({
  kind: z.enum(SUBMISSION_KINDS),
  title: name(200),
  body: text(50_000, { multiline: true }).refine((v) => v.trim().length > 0, "field.required"),
  eventDate: dayField,
  unitId: z.number().int().positive().optional(),
  outletIds: ids.default([]),
});

/** A submission's changes (draft or returned). */
export const submissionPatch = z.object({
  kind: z.enum(SUBMISSION_KINDS).optional(),
  title: name(200).optional(),
  body: text(50_000, { multiline: true }).refine((v) => v.trim().length > 0, "field.required").optional(),
  eventDate: dayField.optional(),
  outletIds: ids.optional(),
});

/** List filters. */
export const submissionListQuery = z.object({
  state: z.enum(SUBMISSION_STATES).optional(),
  kind: z.enum(SUBMISSION_KINDS).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  mine: z.enum(["1", "0"]).transform((v) => v === "1").optional(),
  flagged: z.enum(["1", "0"]).transform((v) => v === "1").optional(),
  q: trimmedText(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

/** A decision's comment (required to return). */
export const commentBody = z.object({ comment: text(2000, { multiline: true }).default("") });

/** Versions to compare. */
export const diffQuery = z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() });

/** One review step. */
export const reviewStep = z.object({
  name: name(50),
  role: z.enum(["handler", "contributor", "spokesperson", "monitor", "leader", "admin"]),
  scope: z.enum(["unit", "office"]),
});

/** A flow's steps (1 to 6). */
export const flowBody = z.object({ steps: z.array(reviewStep).min(1).max(6) });

/** The timeliness limit. */
export const timelinessBody = z.object({ submitWorkingDays: z.number().int().min(1).max(30) });

/** A bulletin draft. */
export const bulletinBody = z.object({
  title: name(50).optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  editor: text(50).optional(),
  forwardedTo: text(500).optional(),
});

/** A bulletin's entries in order. */
export const entriesBody = z.object({ submissionIds: z.array(z.number().int().positive()).max(100) });

/** An adoption (采用) or instruction (批示). */
export const adoptionBody = z.object({
  kind: z.enum(["adoption", "instruction"]),
  office: name(100),
  level: z.enum(ADOPTION_LEVELS),
  onDate: dayField,
  text: text(5000, { multiline: true }).default(""),
});
