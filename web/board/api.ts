// The public board's calls to /api/public/*: JSON in and out, errors as the server's message.

/** An error with the server's message (already in the reader's language). */
export class BoardError extends Error {
  constructor(readonly status: number, message: string, readonly fields: Record<string, string> = {}) {
    super(message);
  }
}

/** Calls the API; throws BoardError with the server's message when it answers with an error. */
export async function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => ({}))) as { message?: string; fields?: Record<string, string> };
  if (!res.ok) {
    const fieldText = Object.values(data.fields ?? {}).join("；");
    throw new BoardError(res.status, fieldText || data.message || `HTTP ${res.status}`, data.fields);
  }
  return data as T;
}

/** A unit a message may be addressed to. */
export interface PublicUnit { id: number; name: string }

/** What the poster sees of a message. */
export interface PublicMessage {
  status: "held" | "accepted" | "rejected" | "answered"; statusLabel: string; category: string; title: string; createdAt: string;
  moderationReason: string | null; dueAt: string | null; answer: { text: string; unitName: string; answeredAt: string } | null;
  rating: "satisfied" | "basically" | "unsatisfied" | null;
}

/** The public statistics. */
export interface PublicStats {
  from: string; to: string; definitions: Record<string, string>;
  units: { unitId: number | null; unitName: string; valid: number; answered: number; answeredRate: number | null; onTimeRate: number | null;
    satisfactionRate: number | null; medianHoursToAnswer: number | null }[];
}
