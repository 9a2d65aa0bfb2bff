// The public statistics per unit with their definitions printed beside them.
import { useEffect, useState } from "react";
import { call, type PublicStats } from "./api";
import type { T } from "./main";

const pct = (v: number | null) => (v == null ? "—" : `${(v * 100).toFixed(1)}%`);

/** The statistics tab. */
export function StatsPanel({ t }: { t: T }) {
  const [stats, setStats] = useState<PublicStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call<PublicStats>("GET", "/api/public/stats").then(setStats, (e: Error) => setError(t("error", { message: e.message })));
  }, [t]);
  if (error) return <p role="alert" className="error">{error}</p>;
  if (!stats) return null;
  return (
    <section>
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
