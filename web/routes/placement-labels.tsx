// Shared pieces of the placements and publicity settings pages: the API's view shapes, vocabulary labels and
// option lists in the active language, and the outlet level tag.
import { Tag } from "antd";
import type { MessageKey } from "../locales/zh-CN";
import type { I18n } from "../locales/i18n";
import { GENRES, MEDIA, OUTLET_LEVELS, SLOTS, type Genre, type Medium, type OutletLevel, type ScoringRules, type Slot } from "../../src/shared/publicity-types";

/** An outlet as GET /api/outlets returns it. */
export interface OutletView { id: number; name: string; level: OutletLevel; medium: Medium; hosts: string[]; sourceId: number | null; active: boolean; placements: number }

/** A placement as GET /api/placements returns it. */
export interface PlacementView {
  id: number; title: string; outletId: number; outletName: string; level: OutletLevel; medium: Medium; genre: Genre; slot: Slot; featured: boolean;
  publishedOn: string; link: string; unitId: number; unitName: string | null; note: string;
  authors: { name: string; share: number; correspondentId: number | null; points: number }[];
  points: number; ruleSetId: number | null; ruleSetName: string | null;
}

/** A saved rule set as GET /api/scoring-rules returns it. */
export interface RuleSetView { id: number; name: string; validFrom: string; validTo: string | null; rules: ScoringRules; inForce: boolean; createdBy: string | null }

type T = I18n["t"];
/** The label of a level, medium, genre or slot code. */
export const vocabLabel = (t: T, kind: "level" | "medium" | "genre" | "slot", code: string): string => t(`pubScoring.${kind}.${code}` as MessageKey);
/** Select options of a vocabulary. */
export const vocabOptions = (t: T, kind: "level" | "medium" | "genre" | "slot") =>
  ({ level: OUTLET_LEVELS, medium: MEDIA, genre: GENRES, slot: SLOTS } as Record<string, readonly string[]>)[kind].map((c) => ({ value: c, label: vocabLabel(t, kind, c) }));

const LEVEL_COLOR: Record<OutletLevel, string> = { national: "red", provincial: "volcano", city: "orange", county: "blue", internal: "default" };
/** A coloured tag naming an outlet level. */
export function LevelTag({ t, level }: { t: T; level: OutletLevel }) {
  return <Tag color={LEVEL_COLOR[level]}>{vocabLabel(t, "level", level)}</Tag>;
}

