// Source names for filter dropdowns, from whichever endpoint the user's role may read.
import type { DashboardView, Role, SourceView } from "../../src/shared/api";
import { useApi } from "./hooks";

/** A selectable source. */
export interface SourceOption {
  value: number;
  label: string;
}

/** All sources as options: GET /api/sources for admin/monitor, else the dashboard's per-source list. */
export function useSourceOptions(role: Role): SourceOption[] | undefined {
  const full = role === "admin" || role === "monitor";
  const sources = useApi<{ sources: SourceView[] }>(full ? "/api/sources" : null);
  const dashboard = useApi<DashboardView>(full ? null : "/api/dashboard");
  if (full) return sources.data?.sources.map((source) => ({ value: source.id, label: source.name }));
  return dashboard.data?.perSource.map((source) => ({ value: source.sourceId, label: source.name }));
}
