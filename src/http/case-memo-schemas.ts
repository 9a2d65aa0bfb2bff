// Zod schema of a case's escalation memo content (what the leader's phone page shows).
import { z } from "zod";

/** The memo of a case, as JSON. */
export const caseMemoView = z.object({
  number: z.string().nullable(), caseId: z.number(), title: z.string(), openedAt: z.string(), firstPublishedAt: z.string().nullable(), severity: z.string().nullable(),
  category: z.string().nullable(), summary: z.string(),
  items: z.array(z.object({ id: z.number(), title: z.string(), sourceName: z.string(), url: z.string().nullable(), publishedAt: z.string().nullable(), reposts: z.number() })),
  spread: z.object({ items: z.number(), reposts: z.number(), eventTitle: z.string().nullable(), eventSize: z.number().nullable(), text: z.string() }),
  triageOpinion: z.string().nullable(), proposedHandling: z.string(), instruction: z.string().nullable(),
  /** Whether the case may take the instruct step now (it is escalated). */
  canInstruct: z.boolean(), state: z.string(), stateLabel: z.string(),
});
