// Collected titles and texts are hostile, and offices run on closed networks: guard both in the source.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

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
    expect(assets.map((file) => path.basename(file)).sort()).toEqual(["index.html", "styles.css"]);
    expect(offenders(assets, /(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i)).toEqual([]);
    const remote = /(src|href)=["'{]*`?https?:|fetch\(\s*["'`]https?:|import\(\s*["'`]https?:|@import/;
    expect(offenders(code, remote)).toEqual([]);
  });
});
