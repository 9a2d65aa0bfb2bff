// Zod schemas of the publicity people routes: the correspondents roster, training classes, recognitions
// and interview requests.
import { z } from "zod";
import { name, text, trimmedText } from "./text-fields";
import { INTERVIEW_ACTIONS, INTERVIEW_STATES } from "../publicity/interviews";

const id = z.number().int().positive();
const line = (max: number) => text(max).transform((v) => v.trim());
const day = z.iso.date();
const moment = z.iso.datetime({ offset: true }).transform((v) => Date.parse(v));

/** Roster kinds: 通讯员, 信息员. */
export const CORRESPONDENT_KINDS = ["correspondent", "informant"] as const;
/** Roster statuses: 在岗, 暂停, 已离开. */
export const CORRESPONDENT_STATUSES = ["active", "suspended", "left"] as const;

/** A roster entry as written. */
export const correspondentBody = z.object({
  unitId: id,
  name: name(50),
  userId: id.nullable().default(null),
  position: line(100).default(""),
  phone: z.string().trim().max(30).regex(/^[0-9+\-() ]*$/, "field.invalid_format").default(""),
  kind: z.enum(CORRESPONDENT_KINDS).default("correspondent"),
  recommendedBy: line(100).default(""),
  duties: text(1000, { multiline: true }).default(""),
  status: z.enum(CORRESPONDENT_STATUSES).default("active"),
  joinedOn: day.nullable().default(null),
});
/** A roster entry's changes. */
export const correspondentPatch = z.object({
  unitId: id.optional(), name: name(50).optional(), userId: id.nullable().optional(), position: line(100).optional(),
  phone: z.string().trim().max(30).regex(/^[0-9+\-() ]*$/, "field.invalid_format").optional(), kind: z.enum(CORRESPONDENT_KINDS).optional(),
  recommendedBy: line(100).optional(), duties: text(1000, { multiline: true }).optional(), status: z.enum(CORRESPONDENT_STATUSES).optional(),
  joinedOn: day.nullable().optional(),
});

/** Roster filters. */
export const correspondentListQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  status: z.enum(CORRESPONDENT_STATUSES).optional(),
  kind: z.enum(CORRESPONDENT_KINDS).optional(),
  q: trimmedText(50).optional(),
});

/** A roster entry as listed; phone is null for someone who may not see it. */
export const correspondentView = z.object({
  id: z.number(), unitId: z.number(), unitName: z.string().nullable(), userId: z.number().nullable(), hasAccount: z.boolean(), name: z.string(),
  position: z.string(), phone: z.string().nullable(), kind: z.enum(CORRESPONDENT_KINDS), recommendedBy: z.string(), duties: z.string(),
  status: z.enum(CORRESPONDENT_STATUSES), joinedOn: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
});

/** A recognition. */
export const recognitionBody = z.object({ awardedOn: day, title: name(200), issuer: line(100).default("") });
/** A recognition as shown. */
export const recognitionView = z.object({ id: z.number(), awardedOn: z.string(), title: z.string(), issuer: z.string() });

/** A person with their training record, recognitions and placements. */
export const correspondentDetailView = correspondentView.extend({
  training: z.object({
    classes: z.array(z.object({ id: z.number(), heldOn: z.string(), topic: z.string(), organiser: z.string(), hours: z.number() })),
    totalHours: z.number(),
  }),
  recognitions: z.array(recognitionView),
  placements: z.array(z.object({ id: z.number(), title: z.string(), outlet: z.string(), outletLevel: z.string(), publishedOn: z.string(), share: z.number() })),
});

/** Path params of a person's recognition. */
export const recognitionParams = z.object({ id: z.coerce.number().int().positive(), recognitionId: z.coerce.number().int().positive() });

const hours = z.number().min(0).max(1000);
/** One attendee: hours when they attended only part. */
export const attendeeBody = z.object({ correspondentId: id, hours: hours.nullable().optional() });

/** A training class as written. */
export const trainingBody = z.object({
  heldOn: day, topic: name(200), organiser: line(100).default(""), place: line(100).default(""), hours,
  attendeeIds: z.array(id).max(1000).default([]),
});
/** A training class's changes; attendeeIds replaces the attendees (each at the class's hours). */
export const trainingPatch = z.object({
  heldOn: day.optional(), topic: name(200).optional(), organiser: line(100).optional(), place: line(100).optional(), hours: hours.optional(),
  attendeeIds: z.array(id).max(1000).optional(),
});
/** A class's attendees. */
export const attendeesBody = z.object({ attendees: z.array(attendeeBody).max(1000) });

/** A training class as shown. */
export const trainingView = z.object({
  id: z.number(), heldOn: z.string(), topic: z.string(), organiser: z.string(), place: z.string(), hours: z.number(),
  attendees: z.array(z.object({ correspondentId: z.number(), name: z.string().nullable(), unitName: z.string().nullable(), hours: z.number().nullable() })),
  createdAt: z.string(),
});

/** An interview request as registered: an outlet on file, or its name. */
export const interviewBody = z.object({
  unitId: id,
  outletId: id.nullable().optional(),
  outletName: line(100).optional(),
  reporter: name(100),
  pressCard: line(50).default(""),
  contact: line(100).default(""),
  topic: name(300),
  requestedFor: moment.nullable().optional(),
  peopleAsked: line(300).default(""),
});

/** Request filters (from/to: ISO times bounding the moment asked for). */
export const interviewListQuery = z.object({
  state: z.enum(INTERVIEW_STATES).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  from: z.iso.datetime({ offset: true }).transform((v) => Date.parse(v)).optional(),
  to: z.iso.datetime({ offset: true }).transform((v) => Date.parse(v)).optional(),
});

/** A reason (optional to approve, required to decline or cancel: checked by the state machine). */
export const reasonBody = z.object({ reason: line(500).optional() });
/** Scheduling an approved request. */
export const scheduleBody = z.object({ scheduledAt: moment, place: name(200), accompaniedBy: line(200).default("") });
/** Linking the published piece. */
export const linkPlacementBody = z.object({ placementId: id });

/** An interview request as shown (only the office reads them, so with the reporter's press card and contact). */
export const interviewView = z.object({
  id: z.number(), unitId: z.number(), unitName: z.string().nullable(), outletId: z.number().nullable(), outletName: z.string(), reporter: z.string(),
  pressCard: z.string(), contact: z.string(), topic: z.string(), requestedFor: z.string().nullable(), peopleAsked: z.string(),
  state: z.enum(INTERVIEW_STATES), decisionReason: z.string(), decidedAt: z.string().nullable(), scheduledAt: z.string().nullable(), place: z.string(),
  accompaniedBy: z.string(), cancelReason: z.string(), placementId: z.number().nullable(), placementTitle: z.string().nullable(),
  actions: z.array(z.enum(INTERVIEW_ACTIONS)), createdAt: z.string(), updatedAt: z.string(),
});
