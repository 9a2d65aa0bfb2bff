// API shapes of the case statistics (季度汇总) and the escalation memo, shared by server and web.

/** One unit's figures (rates as fractions, null when their denominator is 0). */
export interface CaseStatFigures {
  cases: number; replied: number; repliedRate: number | null; onTime: number; openPastDue: number; onTimeRate: number | null;
  medianHoursToReply: number | null; overdue: number;
}

/** GET /api/cases/stats. */
export interface CaseStatsResponse {
  from: string; to: string; timeZone: string; generatedAt: string;
  presets: { key: string; label: string; from: string; to: string }[];
  units: (CaseStatFigures & { unitId: number | null; unitName: string })[];
  total: CaseStatFigures;
  definitions: { key: string; label: string; zh: string; en: string }[];
}

/** GET /api/cases/:id/memo. */
export interface CaseMemoResponse {
  number: string | null; caseId: number; title: string; openedAt: string; firstPublishedAt: string | null; severity: string | null; category: string | null; summary: string;
  items: { id: number; title: string; sourceName: string; url: string | null; publishedAt: string | null; reposts: number }[];
  spread: { items: number; reposts: number; eventTitle: string | null; eventSize: number | null; text: string };
  triageOpinion: string | null; proposedHandling: string; instruction: string | null; canInstruct: boolean; state: string; stateLabel: string;
}
