// Kind settings stored on a source (sources.config, JSON) and accepted by the API. Pure zod, so the
// routes, the pollers and the preview validate the same shape.
import { z } from "zod";
import { isValidSelector } from "./selector";
import { isCleanText } from "../../shared/clean-text";

const clean = (v: string) => isCleanText(v);

const selector = z.string().trim().min(1).max(300).refine(clean, "field.bad_text").refine(isValidSelector, "source.bad_selector");
const optionalSelector = z.string().trim().max(300).refine(clean, "field.bad_text").refine((v) => v === "" || isValidSelector(v), "source.bad_selector").optional().transform((v) => (v ? v : undefined));
const dotPath = z.string().trim().max(200).refine(clean, "field.bad_text").regex(/^[^\s.[\]]+(?:\[\d+\])*(?:\.[^\s.[\]]+(?:\[\d+\])*)*$|^$/, "source.bad_path");
const timeFormat = z.string().trim().max(60).refine(clean, "field.bad_text").optional().transform((v) => (v ? v : undefined));
const optionalPath = dotPath.optional().transform((v) => (v ? v : undefined));

/** CSS selectors of an HTML list page. */
export const htmlSelectors = z.object({ item: selector, title: selector, link: selector, time: optionalSelector, body: optionalSelector });

/** Settings of an html source. */
export const htmlSettings = z.object({
  selectors: htmlSelectors,
  timeFormat,
  /** Fetch even what robots.txt disallows (set by an administrator only). */
  ignoreRobots: z.boolean().optional(),
  /** List pages per poll, following nextPage or pageUrlPattern. */
  pages: z.number().int().min(1).max(10).default(1),
  /** Selector of the "next page" link. */
  nextPage: optionalSelector,
  /** URL of page N with `{page}` for N (2, 3, …), e.g. "https://x.cn/news/list_{page}.html". */
  pageUrlPattern: z.string().trim().max(2048).refine(clean, "field.bad_text")
    .refine((v) => v === "" || (/^https?:\/\/[^\s]+$/i.test(v) && v.includes("{page}")), "source.page_pattern")
    .optional().transform((v) => (v ? v : undefined)),
});
/** A parsed html source's settings. */
export type HtmlSettings = z.infer<typeof htmlSettings>;

/** Dot paths into a JSON response: `list` from the root, the rest from each list element. */
export const jsonMapping = z.object({
  list: dotPath, title: dotPath.refine((v) => v !== "", "field.required"), link: optionalPath, time: optionalPath, text: optionalPath, author: optionalPath,
});

/** Settings of a json source. */
export const jsonSettings = z.object({
  mapping: jsonMapping,
  timeFormat,
  /** Fetch even what robots.txt disallows (set by an administrator only). */
  ignoreRobots: z.boolean().optional(),
});
/** A parsed json source's settings. */
export type JsonSettings = z.infer<typeof jsonSettings>;

/** Parses a stored config string (bad JSON reads as {}). */
export function storedConfig(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return {};
  }
}
