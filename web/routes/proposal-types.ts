// API shapes of /api/placement-proposals as the pages read them (the server's zod schemas define them).

/** One proposal (疑似已刊发) or spread item. */
export interface ProposalView {
  id: number; state: "pending" | "confirmed" | "dismissed" | "spread"; similarity: number;
  submission: { id: number; title: string; unitId: number; unitName: string | null };
  item: { id: number; title: string | null; url: string | null; sourceName: string | null; publishedAt: string | null };
  outletId: number | null; outletName: string | null; placementId: number | null; decidedAt: string | null; createdAt: string;
}

/** Spread counts per draft, and one draft's reposts when asked for. */
export interface SpreadView {
  submissions: { submissionId: number; title: string; unitName: string | null; count: number; lastAt: string | null }[];
  count: number;
  items: ProposalView[];
}

/** An outlet as the select lists it (GET /api/outlets). */
export interface OutletOption { id: number; name: string; active?: boolean }

/** What a scan did. */
export interface ScanResult { scanned: number; proposed: number; spread: number }
