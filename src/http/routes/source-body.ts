// The kind settings a source body carries (html selectors, json mapping) and how they become the
// stored config: validated with the same schemas the pollers read them with.
import { z } from "zod";
import { AppError } from "../../errors";
import { htmlSelectors, htmlSettings, jsonMapping, jsonSettings, storedConfig } from "../../ingest/kinds/config";

/** Body fields of html and json sources (all optional at this level; configFor checks per kind). */
export const kindFields = {
  selectors: htmlSelectors.optional(),
  timeFormat: htmlSettings.shape.timeFormat,
  pages: z.number().int().min(1).max(10).optional(),
  nextPage: htmlSettings.shape.nextPage,
  pageUrlPattern: htmlSettings.shape.pageUrlPattern,
  mapping: jsonMapping.optional(),
};

/** The kind settings of a parsed body. */
export type KindFields = { [K in keyof typeof kindFields]?: z.output<(typeof kindFields)[K]> };

const KEYS = Object.keys(kindFields) as Array<keyof KindFields>;

/** Only the kind settings a body carries; a setting sent blank ("") is carried as undefined, to clear it. */
export function kindSettingsOf(body: KindFields): KindFields {
  return Object.fromEntries(KEYS.filter((k) => Object.prototype.hasOwnProperty.call(body, k)).map((k) => [k, body[k]])) as KindFields;
}

/** The config to store for `kind` from these settings; 400 with a field error when a required part is missing. */
export function configFor(kind: string, settings: KindFields): Record<string, unknown> {
  if (kind === "html") {
    if (!settings.selectors) throw AppError.validation({ "selectors.item": "field.required" });
    return htmlSettings.parse({ ...settings, mapping: undefined }) as Record<string, unknown>;
  }
  if (kind === "json") {
    if (!settings.mapping) throw AppError.validation({ "mapping.list": "field.required" });
    const { mapping, timeFormat } = settings;
    return jsonSettings.parse({ mapping, timeFormat }) as Record<string, unknown>;
  }
  return {};
}

/** The config after a PATCH: the stored settings with the patched ones on top, or null when none was patched. */
export function patchedConfig(kind: string, storedText: string, patch: KindFields): Record<string, unknown> | null {
  const changes = kindSettingsOf(patch);
  if (Object.keys(changes).length === 0) return null;
  const stored = storedConfig(storedText);
  const base = stored !== null && typeof stored === "object" ? (stored as KindFields) : {};
  return configFor(kind, { ...base, ...changes });
}
