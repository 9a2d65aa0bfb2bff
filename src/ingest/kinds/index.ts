// The registry of polled source kinds: one module per kind, found by the source's `kind`.
import type { SourceKind } from "../../shared/api";
import { htmlKind } from "./html";
import { jsonKind } from "./json";
import { rssKind } from "./rss";
import type { SourceKindModule } from "./types";

const KINDS: Partial<Record<SourceKind, SourceKindModule>> = { rss: rssKind, html: htmlKind, json: jsonKind };

/** The module that polls `kind`, or null for kinds people fill (import, manual). */
export function kindModule(kind: string): SourceKindModule | null {
  return Object.prototype.hasOwnProperty.call(KINDS, kind) ? KINDS[kind as SourceKind] ?? null : null;
}

export { htmlSettings, jsonSettings, storedConfig, type HtmlSettings, type JsonSettings } from "./config";
export { isValidSelector } from "./html";
export type { KindContext, KindResult, KindSource, SourceKindModule } from "./types";
