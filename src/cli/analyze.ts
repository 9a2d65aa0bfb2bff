// `tingfeng analyze --input FILE.jsonl [--output FILE.jsonl] [--model MODEL.json]`: runs the server's
// analysis pipeline over a file, no server or database needed. One output line per input line, in
// order. Group and event ids are given after the whole file was read, so copies that arrive
// before their original still share the final group id.
import { createReadStream, createWriteStream, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { Analyser, type PipelineItem } from "../analyse/pipeline";
import { deserialiseModel } from "../analyse/sentiment";

const MAX_LINE_CHARS = 2_000_000;

const lineSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string().max(MAX_LINE_CHARS),
  title: z.string().max(10_000).optional(),
  publishedAt: z.union([z.string(), z.number()]).optional(),
  source: z.string().max(200).optional(),
});

/** One output line. */
export type AnalyzeOutput = {
  id: string; sentiment: { label: string; score: number }; keywords: string[]; dupGroup: string; event: string;
};

function timeOf(v: string | number | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const t = typeof v === "number" ? (v < 1e12 ? v * 1000 : v) : Date.parse(v);
  return Number.isFinite(t) ? t : fallback;
}

type OkRow = { ok: true; id: string; n: number; sentiment: { label: string; score: number }; keywords: string[]; event: number };

// Lines are analysed in batches of this many (the pipeline's steps run over a batch at a time).
const BATCH = 256;

/** Analyses JSONL lines; a bad line is reported with its number and produces an error line. */
export async function analyzeLines(lines: AsyncIterable<string>, analyser = new Analyser(), warn: (m: string) => void = () => {}): Promise<string[]> {
  const rows: (OkRow | { ok: false; id: string | null; error: string })[] = [];
  const base = Date.UTC(2000, 0, 1);
  const pending: { item: PipelineItem; row: OkRow }[] = [];
  const flush = () => {
    analyser.analyseBatch(pending.map((p) => p.item)).forEach((r, i) => {
      const { row } = pending[i];
      row.sentiment = { label: r.sentiment.label, score: r.sentiment.score };
      row.keywords = r.keywords.map((k) => k.word);
      row.event = r.event.eventId;
    });
    pending.length = 0;
  };
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === "") continue;
    let parsed: z.infer<typeof lineSchema>;
    let raw: unknown = null;
    try {
      raw = JSON.parse(line);
      parsed = lineSchema.parse(raw);
    } catch (err) {
      const msg = err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") : "not valid JSON";
      warn(`line ${lineNo}: ${msg}`);
      const id = raw && typeof raw === "object" && "id" in raw && (typeof raw.id === "string" || typeof raw.id === "number") ? String(raw.id) : null;
      rows.push({ ok: false, id, error: msg });
      continue;
    }
    const n = rows.length + 1;
    const row: OkRow = { ok: true, id: parsed.id, n, sentiment: { label: "neu", score: 0 }, keywords: [], event: 0 };
    rows.push(row);
    pending.push({
      item: { id: n, title: parsed.title ?? "", text: parsed.text, source: parsed.source ?? "", publishedAt: timeOf(parsed.publishedAt, base + n) },
      row,
    });
    if (pending.length >= BATCH) flush();
  }
  flush();
  const idOf = new Map<number, string>();
  rows.forEach((r) => r.ok && idOf.set(r.n, r.id));
  return rows.map((r) => {
    if (!r.ok) return JSON.stringify({ id: r.id, error: r.error });
    const group = analyser.dedup.groupOf(String(r.n)) ?? String(r.n);
    const out: AnalyzeOutput = {
      id: r.id, sentiment: r.sentiment, keywords: r.keywords, dupGroup: `g${idOf.get(Number(group)) ?? group}`,
      event: `e${r.event}`,
    };
    return JSON.stringify(out);
  });
}

/** The CLI entry. */
export async function analyzeCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args, options: { input: { type: "string" }, output: { type: "string" }, model: { type: "string" } },
  });
  if (!values.input) {
    console.error("usage: tingfeng analyze --input FILE.jsonl [--output FILE.jsonl] [--model MODEL.json]");
    return 2;
  }
  const model = values.model ? deserialiseModel(readFileSync(values.model, "utf8")) : null;
  const input = createInterface({ input: createReadStream(values.input, { encoding: "utf8" }), crlfDelay: Infinity });
  let bad = 0;
  const out = await analyzeLines(input, new Analyser({ model }), (m) => {
    bad++;
    console.error(m);
  });
  const sink = values.output ? createWriteStream(values.output) : process.stdout;
  for (const line of out) if (!sink.write(`${line}\n`)) await new Promise<void>((r) => sink.once("drain", () => r()));
  if (values.output) await new Promise<void>((resolve, reject) => (sink as ReturnType<typeof createWriteStream>).end((e?: Error | null) => (e ? reject(e) : resolve())));
  return bad ? 1 : 0;
}
