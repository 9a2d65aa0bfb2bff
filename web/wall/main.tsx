// The duty-room wall display (/wall, 大屏): full screen, dark, large type, pushed by the server. Opened
// once with the display token an admin issued (in the address), then kept in this browser; no login.
import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import type { WallSnapshot } from "../../src/shared/wall-api";
import { fill } from "../board/strings";
import { en, zh, type Key } from "./strings";
import { takeToken } from "./token";
import { connectWall, type WallStatus } from "./connection";
import { AlertsPanel, EventsPanel, Headlines, hhmmss, OverduePanel, SentimentPanel, VolumePanel, type T } from "./panels";
import "./wall.css";

function langOf(): "zh" | "en" {
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked === "en" || asked === "zh") localStorage.setItem("wall.lang", asked);
  return localStorage.getItem("wall.lang") === "en" ? "en" : "zh";
}

/** The current time, ticking every second. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** The viewport height (the chart's height follows it). */
function useViewportHeight(): number {
  const [h, setH] = useState(() => window.innerHeight);
  useEffect(() => {
    const on = () => setH(window.innerHeight);
    window.addEventListener("resize", on);
    return () => window.removeEventListener("resize", on);
  }, []);
  return h;
}

function Wall({ token, lang }: { token: string | null; lang: "zh" | "en" }) {
  const table = lang === "en" ? en : zh;
  const t: T = (key: Key, params) => fill(table[key], params);
  const [snap, setSnap] = useState<WallSnapshot | null>(null);
  const [status, setStatus] = useState<WallStatus>(token ? "connecting" : "missing");
  const now = useNow();
  const height = useViewportHeight();

  useEffect(() => {
    if (!token) return;
    return connectWall(token, { snapshot: setSnap, status: setStatus });
  }, [token]);

  useEffect(() => {
    document.title = snap ? `${t("title")} · ${snap.display}` : t("title");
  });

  if (status === "invalid" || status === "missing") {
    return (
      <main className="wall-blocked" data-testid="wall-invalid">
        <h1>{t(status)}</h1>
        <p>{t(status === "invalid" ? "invalidHint" : "missingHint")}</p>
      </main>
    );
  }
  return (
    <div className={status === "reconnecting" ? "wall stale" : "wall"}>
      <header>
        <h1>
          {t("title")}
          {snap && <small>{snap.display}</small>}
        </h1>
        <div className="state">
          {status === "reconnecting" ? (
            <span className="offline" role="status" data-testid="wall-offline">{t("reconnecting")}</span>
          ) : status === "connecting" ? (
            <span className="pending" role="status">{t("connecting")}</span>
          ) : (
            <span className="online">{t("live")}</span>
          )}
          {snap && <span className="updated" data-testid="wall-updated">{t("lastUpdate", { time: hhmmss(new Date(snap.generatedAt)) })}</span>}
        </div>
        <time className="clock" dateTime={now.toISOString()}>{hhmmss(now)}</time>
      </header>
      {snap && (
        <>
          <Headlines s={snap} t={t} />
          <div className="row charts">
            <VolumePanel s={snap} t={t} height={Math.max(140, Math.round(height * 0.24))} />
            <SentimentPanel s={snap} t={t} />
          </div>
          <div className="row lists">
            <EventsPanel s={snap} t={t} />
            <AlertsPanel s={snap} t={t} />
            <OverduePanel s={snap} t={t} />
          </div>
        </>
      )}
    </div>
  );
}

const lang = langOf();
document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
const token = takeToken();
const root = document.getElementById("wall");
if (!root) throw new Error("wall: #wall element missing");
createRoot(root).render(
  <StrictMode>
    <Wall token={token} lang={lang} />
  </StrictMode>,
);
