// The public statistics per unit with their definitions printed beside them.
import { useEffect, useState } from "react";
import { call, type PublicStats } from "./api";
import type { T } from "./main";

const ymd = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

/** The query of a period choice: this year (the server's default), quarter or month so far, or last year. */
export function periodQuery(period: string, now: Date): string {
  const y = now.getFullYear();
  if (period === "quarter") return `?from=${ymd(new Date(y, Math.floor(now.getMonth() / 3) * 3, 1))}&to=${ymd(now)}`;
  if (period === "month") return `?from=${ymd(new Date(y, now.getMonth(), 1))}&to=${ymd(now)}`;
  if (period === "lastYear") return `?from=${y - 1}-01-01&to=${y - 1}-12-31`;
  return "";
}

const pct = (v: number | null) => (v == null ? "—" : `${(v * 100).toFixed(1)}%`);

/** The statistics tab. */
export function StatsPanel({ t }: { t: T }) {
  const [stats, setStats] = useState<PublicStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [period, setPeriod] = useState("year");
  useEffect(() => {
    const q = periodQuery(period, new Date());
    call<PublicStats>("GET", `/api/public/stats${q}`).then(setStats, (e: Error) => setError(t("error", { message: e.message })));
  }, [t, period]);
  if (error) return <p role="alert" className="error">{error}</p>;
  if (!stats) return null;
  return (
    <section>
      <label htmlFor="b-period">{t("period")}</label>
      <select id="b-period" value={period} onChange={(e) => setPeriod(e.target.value)} data-testid="board-period">
        <option value="year">{t("periodYear")}</option>
        <option value="quarter">{t("periodQuarter")}</option>
        <option value="month">{t("periodMonth")}</option>
        <option value="lastYear">{t("periodLastYear")}</option>
      </select>
      <p>{t("statsPeriod", { from: stats.from, to: stats.to })}</p>
      {stats.units.length ? (
        <div className="table-wrap">
          <table data-testid="board-stats">
            <thead>
              <tr>
                <th scope="col">{t("statsUnit")}</th>
                <th scope="col">{t("valid")}</th>
                <th scope="col">{t("answered")}</th>
                <th scope="col">{t("answeredRate")}</th>
                <th scope="col">{t("onTimeRate")}</th>
                <th scope="col">{t("satisfactionRate")}</th>
                <th scope="col">{t("medianHours")}</th>
              </tr>
            </thead>
            <tbody>
              {stats.units.map((u) => (
                <tr key={u.unitId ?? "none"}>
                  <th scope="row">{u.unitName}</th>
                  <td>{u.valid}</td>
                  <td>{u.answered}</td>
                  <td>{pct(u.answeredRate)}</td>
                  <td>{pct(u.onTimeRate)}</td>
                  <td>{pct(u.satisfactionRate)}</td>
                  <td>{u.medianHoursToAnswer ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("noData")}</p>
      )}
      <h2>{t("definitions")}</h2>
      <ul className="defs">
        {Object.values(stats.definitions).map((d) => <li key={d}>{d}</li>)}
      </ul>
    </section>
  );
}
