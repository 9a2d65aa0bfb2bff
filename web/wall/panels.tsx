// The wall's panels: headline figures, the volume line, the sentiment mix, top events, newest alerts and
// overdue cases. Collected titles are plain text (React escapes them).
import type { ReactNode } from "react";
import type { WallSnapshot } from "../../src/shared/wall-api";
import { VolumeLine } from "./volume-line";
import { mixShares, SENTIMENT_FILLS } from "../lib/analysis-display";
import type { Key } from "./strings";

/** Translator of the page. */
export type T = (key: Key, params?: Record<string, string | number>) => string;

const pad = (n: number) => String(n).padStart(2, "0");
/** HH:MM (local time). */
export const hhmm = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;
/** HH:MM:SS (local time). */
export const hhmmss = (d: Date) => `${hhmm(d)}:${pad(d.getSeconds())}`;
const mmddhhmm = (d: Date) => `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${hhmm(d)}`;
const percent = (share: number | null) => (share == null ? "—" : `${Math.round(share * 100)}%`);

/** The five headline figures. */
export function Headlines({ s, t }: { s: WallSnapshot; t: T }) {
  const analysed = s.sentiment.neg + s.sentiment.neu + s.sentiment.pos;
  const figures: [Key, string, string?][] = [
    ["volume24h", String(s.volume.total24h)],
    ["lastHour", String(s.volume.lastHour)],
    ["negShare", percent(analysed ? s.sentiment.neg / analysed : null), "neg"],
    ["openCases", String(s.cases.open)],
    ["overdueCases", String(s.cases.overdue), s.cases.overdue > 0 ? "alarm" : undefined],
  ];
  return (
    <section className="headlines">
      {figures.map(([key, value, tone]) => (
        <div key={key} className={`figure ${tone ?? ""}`} data-testid={`wall-${key}`}>
          <div className="figure-label">{t(key)}</div>
          <div className="figure-value">{value}</div>
        </div>
      ))}
    </section>
  );
}

/** Items per 10 minutes over 24 h, labelled every 3 hours. */
export function VolumePanel({ s, t, height }: { s: WallSnapshot; t: T; height: number }) {
  const from = Date.parse(s.volume.from);
  const step = s.volume.bucketMinutes * 60_000;
  return (
    <section className="panel volume">
      <h2>{t("volumeTitle")}</h2>
      <VolumeLine counts={s.volume.counts} labelOf={(i) => hhmm(new Date(from + i * step))} height={height} labelEvery={180 / s.volume.bucketMinutes} />
    </section>
  );
}

/** The sentiment mix as one wide bar with its shares. */
export function SentimentPanel({ s, t }: { s: WallSnapshot; t: T }) {
  const shares = mixShares(s.sentiment);
  return (
    <section className="panel sentiment">
      <h2>{t("sentimentTitle")}</h2>
      <div className="mix" aria-hidden="true">
        {shares.filter((x) => x.percent > 0).map((x) => <span key={x.label} style={{ width: `${x.percent}%`, background: SENTIMENT_FILLS[x.label] }} />)}
      </div>
      <ul className="mix-legend">
        {shares.map((x) => (
          <li key={x.label}>
            <i style={{ background: SENTIMENT_FILLS[x.label] }} />
            <span>{t(x.label)}</span>
            <b>{x.percent}%</b>
            <small>{t("items", { n: x.count })}</small>
          </li>
        ))}
        {s.sentiment.none > 0 && (
          <li className="muted">
            <i />
            <span>{t("none")}</span>
            <small>{t("items", { n: s.sentiment.none })}</small>
          </li>
        )}
      </ul>
    </section>
  );
}

/** A titled list panel, or its empty text. */
function ListPanel({ title, empty, testId, children }: { title: string; empty: string; testId: string; children: ReactNode[] }) {
  return (
    <section className="panel list" data-testid={testId}>
      <h2>{title}</h2>
      {children.length === 0 ? <p className="empty">{empty}</p> : <ol>{children}</ol>}
    </section>
  );
}

/** One line of a list: an optional level chip, the text (collected text: plain), and a grey line below. */
function Row({ level, label, text, meta, done }: { level?: string; label?: string; text: string; meta: string; done?: boolean }) {
  return (
    <li className={done ? "done" : undefined}>
      {level && <span className={`level ${level}`}>{label}</span>}
      <span className="text">{text}</span>
      <span className="meta">{meta}</span>
    </li>
  );
}

/** The most active events of the last 24 h. */
export function EventsPanel({ s, t }: { s: WallSnapshot; t: T }) {
  return (
    <ListPanel title={t("eventsTitle")} empty={t("noEvents")} testId="wall-events">
      {s.topEvents.map((e) => (
        <Row key={e.id} level={e.risk} label={t(`severity.${e.risk}`)} text={e.title} meta={`${t("items", { n: e.items24h })} · ${t("negOf", { p: percent(e.negShare) })}`} />
      ))}
    </ListPanel>
  );
}

/** The newest alerts. */
export function AlertsPanel({ s, t }: { s: WallSnapshot; t: T }) {
  return (
    <ListPanel title={t("alertsTitle")} empty={t("noAlerts")} testId="wall-alerts">
      {s.alerts.map((a) => (
        <Row key={a.id} level={a.severity} label={t(`severity.${a.severity}`)} text={a.title} done={a.acknowledged}
          meta={`${hhmm(new Date(a.createdAt))} · ${t(a.acknowledged ? "acknowledged" : "unacknowledged")}`} />
      ))}
    </ListPanel>
  );
}

/** The most overdue open cases. */
export function OverduePanel({ s, t }: { s: WallSnapshot; t: T }) {
  return (
    <ListPanel title={t("overdueTitle")} empty={t("noOverdue")} testId="wall-overdue">
      {s.cases.mostOverdue.map((c) => (
        <Row key={c.id} text={c.title} meta={`${c.unitName ?? t("noUnit")} · ${c.deadline ? t("due", { time: mmddhhmm(new Date(c.deadline)) }) : "—"}`} />
      ))}
    </ListPanel>
  );
}
