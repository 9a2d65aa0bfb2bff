// Every error code the server throws by literal has texts in both languages, and no error carries a
// Chinese-only literal message (the English UI would show it as it is).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hasMessage } from "./messages";

const SRC = path.resolve(__dirname, "..");
const sources = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .map((f) => ({ file: f, text: readFileSync(path.join(SRC, f), "utf8") }));

const CODE_PATTERNS: [RegExp, (m: string) => string][] = [
  [/AppError\.notFound\("([^"]+)"\)/g, (m) => `resource.${m}`],
  [/AppError\.(?:of|conflict|badRequest)\((?:\d+,\s*)?"([^"]+)"/g, (m) => m],
  [/new AppError\(\d+,\s*"([^"]+)"/g, (m) => m],
  // Field messages written as a literal: validation({ f: "code" }), fields.f = "code", errs[...] = "code".
  [/(?:validation\(\{[^}]*?:\s*|\b(?:fields|errs)(?:\.\w+|\[[^\]]+\])\s*=\s*)"([^"]+)"/g, (m) => m],
];
const HAN = /\p{Script=Han}/u;

describe("the message catalog", () => {
  it("has texts for every literal error code and field message thrown", () => {
    const missing: string[] = [];
    for (const { file, text } of sources) {
      for (const [re, codeOf] of CODE_PATTERNS) for (const m of text.matchAll(re)) if (!hasMessage(codeOf(m[1]))) missing.push(`${file}: ${codeOf(m[1])}`);
    }
    expect(missing).toEqual([]);
  });

  it("finds no AppError with a Chinese literal message", () => {
    const literal = /(?:new AppError\(\d+,\s*"[^"]+",\s*|AppError\.(?:conflict|badRequest)\("[^"]+",\s*)([`"][^`"]*)/g;
    const found: string[] = [];
    // src/errors.ts itself keeps a Chinese text for logs only: notFound's message always comes from the catalog.
    for (const { file, text } of sources.filter((s) => s.file !== "errors.ts")) for (const m of text.matchAll(literal)) if (HAN.test(m[1])) found.push(`${file}: ${m[0]}`);
    expect(found).toEqual([]);
  });
});
