// Publicity scores (考核排名): the unit and person rankings of a year or a period, the monthly/quarterly
// notice (月通报/季通报) as DOCX and the annual assessment (年度考核) as XLSX and DOCX. The office's
// (publicity.scores); every figure is recomputed from the placements and adoptions on each request.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { scoreAdoptions, scoreAuthors, scorePlacements, scoreQuotas } from "../../store/publicity-scores";
import { listRuleSets } from "../../store/scoring-rules";
import { unitNames } from "../../store/units";
import { recordAudit } from "../../store/audit";
import { personScores, unitScores, type ScoreInput } from "../../publicity/scores";
import { periodBounds, periodName, type ScorePeriod } from "../../publicity/score-period";
import { noticeContent, writeNoticeDocx } from "../../publicity/notice";
import { assessmentOf, writeAssessmentDocx, writeAssessmentXlsx } from "../../publicity/assessment";
import { localDate } from "../../shared/working-calendar";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody } from "../schemas";
import { assessmentQuery, personScoresView, scoresQuery, unitScoresView } from "../publicity-scores-schemas";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const attachment = (ascii: string, zh: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(zh)}`;

/** Publicity scores routes. */
export async function publicityScoreRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  const tz = config.timeZone;
  const thisYear = () => Number(localDate(Date.now(), tz).slice(0, 4));

  /** Everything the figures of [from, to] need, with the quotas of `year`. */
  function inputOf(year: number, from: string, to: string): ScoreInput {
    return {
      placements: scorePlacements(db, from, to), authors: scoreAuthors(db, from, to), adoptions: scoreAdoptions(db, from, to),
      quotas: scoreQuotas(db, year), ruleSets: listRuleSets(db), unitNames: unitNames(db),
    };
  }
  // The placements page (and GET /api/placements) read unitId, year, from, to, level, correspondentId, authorName.
  const placementsLink = (unitId: number, year: number, period: ScorePeriod) => {
    const b = periodBounds(year, period);
    return `/placements?unitId=${unitId}&year=${year}${period === "year" ? "" : `&from=${b.from}&to=${b.to}`}`;
  };

  function rankings(q: { year?: number; period?: ScorePeriod }) {
    const year = q.year ?? thisYear();
    const period = q.period ?? "year";
    const { from, to } = periodBounds(year, period);
    const input = inputOf(year, from, to);
    return { year, period, from, to, periodLabel: periodName(year, period), input, units: unitScores(input, period), people: personScores(input) };
  }

  r.get("/api/publicity/scores", {
    schema: { tags: ["publicity"], summary: "Unit ranking of a year or period (考核排名)", querystring: scoresQuery, response: { 200: unitScoresView, 400: errorBody, 403: errorBody } },
  }, async (req) => {
    authorize(req, "publicity.scores");
    const s = rankings(req.query);
    return { year: s.year, period: s.period, from: s.from, to: s.to, periodLabel: s.periodLabel, units: s.units.map((u) => ({ ...u, link: placementsLink(u.unitId, s.year, s.period) })) };
  });

  r.get("/api/publicity/people", {
    schema: { tags: ["publicity"], summary: "Person ranking of a year or period (points by share)", querystring: scoresQuery, response: { 200: personScoresView, 400: errorBody, 403: errorBody } },
  }, async (req) => {
    authorize(req, "publicity.scores");
    const s = rankings(req.query);
    return {
      year: s.year, period: s.period, from: s.from, to: s.to, periodLabel: s.periodLabel,
      people: s.people.map((p) => ({
        ...p, link: `${placementsLink(p.unitId, s.year, s.period)}${p.correspondentId != null ? `&correspondentId=${p.correspondentId}` : `&authorName=${encodeURIComponent(p.name)}`}`,
      })),
    };
  });

  r.get("/api/publicity/notice.docx", {
    schema: { tags: ["publicity"], summary: "The monthly / quarterly notice (月通报/季通报) as DOCX", querystring: scoresQuery },
  }, async (req, reply) => {
    const p = authorize(req, "publicity.scores");
    const s = rankings(req.query);
    // Year to the period's end, against the yearly quota: who is behind the pro-rata progress.
    const ytd = unitScores(inputOf(s.year, `${s.year}-01-01`, s.to), "year");
    const content = noticeContent({ year: s.year, period: s.period, units: s.units, people: s.people, ytd });
    const file = await writeNoticeDocx(content, zhDay(localDate(Date.now(), tz)));
    recordAudit(db, { actor: actorOf(p), action: "publicity.notice_export", targetType: "publicity", targetId: null, summary: { year: s.year, period: s.period, units: s.units.length }, ip: req.ip });
    reply.header("content-type", DOCX).header("content-disposition", attachment(`publicity-notice-${s.year}-${s.period}.docx`, `${content.title}.docx`));
    return reply.send(file);
  });

  const assessment = (year: number | undefined) => {
    const s = rankings({ year, period: "year" });
    return assessmentOf(s.year, s.units, s.input.ruleSets);
  };

  r.get("/api/publicity/assessment.xlsx", {
    schema: { tags: ["publicity"], summary: "The annual assessment (年度考核) as XLSX", querystring: assessmentQuery },
  }, async (req, reply) => {
    const p = authorize(req, "publicity.scores");
    const a = assessment(req.query.year);
    const file = await writeAssessmentXlsx(a, zhDay(localDate(Date.now(), tz)));
    recordAudit(db, { actor: actorOf(p), action: "publicity.assessment_export", targetType: "publicity", targetId: null, summary: { year: a.year, format: "xlsx", units: a.lines.length }, ip: req.ip });
    reply.header("content-type", XLSX).header("content-disposition", attachment(`publicity-assessment-${a.year}.xlsx`, `${a.title}.xlsx`));
    return reply.send(file);
  });

  r.get("/api/publicity/assessment.docx", {
    schema: { tags: ["publicity"], summary: "The annual assessment (年度考核) as DOCX", querystring: assessmentQuery },
  }, async (req, reply) => {
    const p = authorize(req, "publicity.scores");
    const a = assessment(req.query.year);
    const file = await writeAssessmentDocx(a, zhDay(localDate(Date.now(), tz)));
    recordAudit(db, { actor: actorOf(p), action: "publicity.assessment_export", targetType: "publicity", targetId: null, summary: { year: a.year, format: "docx", units: a.lines.length }, ip: req.ip });
    reply.header("content-type", DOCX).header("content-disposition", attachment(`publicity-assessment-${a.year}.docx`, `${a.title}.docx`));
    return reply.send(file);
  });
}

/** "2026-12-07" → "2026年12月7日". */
function zhDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}
