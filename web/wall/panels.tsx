// The wall's panels: headline figures, the volume line, the sentiment mix, top events, newest alerts and
// overdue cases. Collected titles are plain text (React escapes them).
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

/** The most active events of the last 24 h. */
export function EventsPanel({ s, t }: { s: WallSnapshot; t: T }) {
  return (
    <section className="panel list" data-testid="wall-events">
      <h2>{t("eventsTitle")}</h2>
      {s.topEvents.length === 0 ? <p className="empty">{t("noEvents")}</p> : (
        <ol>
          {s.topEvents.map((e) => (
            <li key={e.id}>
              <span className={`level ${e.risk}`}>{t(`severity.${e.risk}`)}</span>
              <span className="text">{e.title}</span>
              <span className="meta">{t("items", { n: e.items24h })} · {t("negOf", { p: percent(e.negShare) })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The newest alerts. */
export function AlertsPanel({ s, t }: { s: WallSnapshot; t: T }) {
  return (
    <section className="panel list" data-testid="wall-alerts">
      <h2>{t("alertsTitle")}</h2>
      {s.alerts.length === 0 ? <p className="empty">{t("noAlerts")}</p> : (
        <ol>
          {s.alerts.map((a) => (
            <li key={a.id} className={a.acknowledged ? "done" : ""}>
              <span className={`level ${a.severity}`}>{t(`severity.${a.severity}`)}</span>
              <span className="text">{a.title}</span>
              <span className="meta">{hhmm(new Date(a.createdAt))} · {t(a.acknowledged ? "acknowledged" : "unacknowledged")}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The most overdue open cases. */
export function OverduePanel({ s, t }: { s: WallSnapshot; t: T }) {
  return (
    <section className="panel list" data-testid="wall-overdue">
      <h2>{t("overdueTitle")}</h2>
      {s.cases.mostOverdue.length === 0 ? <p className="empty">{t("noOverdue")}</p> : (
        <ol>
          {s.cases.mostOverdue.map((c) => (
            <li key={c.id}>
              <span className="text">{c.title}</span>
              <span className="meta">{c.unitName ?? t("noUnit")} · {c.deadline ? t("due", { time: mmddhhmm(new Date(c.deadline)) }) : "—"}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
