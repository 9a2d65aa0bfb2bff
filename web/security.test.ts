// Collected titles and texts are hostile, and offices run on closed networks: guard both in the source.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HighlightExcerpt, HighlightText } from "./components/highlight-text";
import { safeHref } from "./lib/safe-href";

const webRoot = path.dirname(fileURLToPath(import.meta.url));

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "dist" ? [] : files(full, pattern);
    return pattern.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

function offenders(paths: string[], forbidden: RegExp): string[] {
  return paths.filter((file) => forbidden.test(readFileSync(file, "utf8"))).map((file) => path.relative(webRoot, file));
}

describe("web sources", () => {
  const code = files(webRoot, /\.tsx?$/);

  it("never hand a string to the HTML parser", () => {
    expect(code.length).toBeGreaterThan(20);
    const sinks = /dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML|document\.write/;
    expect(offenders(code, sinks)).toEqual([]);
  });

  it("load nothing from another origin (no CDN, web fonts or remote images)", () => {
    const assets = files(webRoot, /\.(html|css)$/);
    expect(assets.map((file) => path.basename(file)).sort()).toEqual(["board.css", "board.html", "index.html", "styles.css", "wall.css", "wall.html"]);
    expect(offenders(assets, /(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i)).toEqual([]);
    const remote = /(src|href)=["'{]*`?https?:|fetch\(\s*["'`]https?:|import\(\s*["'`]https?:|@import/;
    expect(offenders(code, remote)).toEqual([]);
  });
});

describe("collected text with highlights", () => {
  const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>学校食堂';

  it("stays inert when server spans cut through markup", () => {
    // Spans that start or end inside a tag must not let the browser see a tag.
    const spans = [
      { start: 1, end: 4 },
      { start: 30, end: 45 },
      { start: 44, end: 200 },
    ];
    const html = renderToStaticMarkup(createElement(HighlightText, { text: hostile, terms: ["script"], spans }));
    expect(html).not.toMatch(/<(img|script)/i);
    expect(html).toContain("&lt;");
    expect(html).toContain("<mark>");
  });

  it("stays inert in excerpts", () => {
    const html = renderToStaticMarkup(
      createElement(HighlightExcerpt, { text: hostile.repeat(5), spans: [{ start: 60, end: 70 }], radius: 10 }),
    );
    expect(html).not.toMatch(/<(img|script)/i);
    expect(html).toContain("<mark>");
  });

  it("only turns http(s) URLs into links", () => {
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("data:text/html,<script>alert(1)</script>")).toBeNull();
    expect(safeHref("not a url")).toBeNull();
    expect(safeHref("https://example.org/a?b=1")).toBe("https://example.org/a?b=1");
  });
});
