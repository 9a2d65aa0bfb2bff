// The public message board (/board): leave a message with proof of work, follow it by query code and
// rate the answer, and read the statistics with their definitions. No login, mobile first.
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import { en, fill, zh, type Key } from "./strings";
import { WriteForm } from "./write-form";
import { QueryPanel } from "./query-panel";
import { StatsPanel } from "./stats-panel";
import "./board.css";

type Tab = "write" | "query" | "stats";

/** Translator of the page. */
export type T = (key: Key, params?: Record<string, string | number>) => string;

function Board() {
  const [lang, setLang] = useState<"zh" | "en">(() => (localStorage.getItem("board.lang") === "en" ? "en" : "zh"));
  const initialCode = new URLSearchParams(location.search).get("code") ?? "";
  const [tab, setTab] = useState<Tab>(initialCode ? "query" : "write");
  const [code, setCode] = useState(initialCode);
  const table = lang === "en" ? en : zh;
  const t: T = (key, params) => fill(table[key], params);
  const switchLang = () => {
    const next = lang === "en" ? "zh" : "en";
    localStorage.setItem("board.lang", next);
    document.documentElement.lang = next === "en" ? "en" : "zh-CN";
    setLang(next);
  };
  const tabs: [Tab, Key][] = [["write", "tabWrite"], ["query", "tabQuery"], ["stats", "tabStats"]];
  return (
    <div className="board">
      <header>
        <h1>{t("title")}</h1>
        <button type="button" className="link" onClick={switchLang} lang={lang === "en" ? "zh-CN" : "en"}>
          {t("language")}
        </button>
      </header>
      <p className="lead">{t("lead")}</p>
      <nav aria-label={t("title")}>
        {tabs.map(([k, label]) => (
          <button key={k} type="button" aria-current={tab === k ? "page" : undefined} onClick={() => setTab(k)} data-testid={`board-tab-${k}`}>
            {t(label)}
          </button>
        ))}
      </nav>
      <main>
        {tab === "write" && <WriteForm t={t} lang={lang} onQuery={(c) => { setCode(c); setTab("query"); }} />}
        {tab === "query" && <QueryPanel t={t} initialCode={code} />}
        {tab === "stats" && <StatsPanel t={t} />}
      </main>
    </div>
  );
}

const root = document.getElementById("board");
if (!root) throw new Error("board: #board element missing");
createRoot(root).render(
  <StrictMode>
    <Board />
  </StrictMode>,
);
