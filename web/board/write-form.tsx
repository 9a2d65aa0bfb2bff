// The form to leave a message: category, unit, title, text, contact, anonymity, the ALTCHA widget
// (bundled; it solves the server's SHA-256 challenge in the browser), and the query code afterwards.
import { useEffect, useRef, useState, type FormEvent } from "react";
import "altcha";
import "altcha/i18n/zh-cn";
import { BoardError, call, type PublicUnit } from "./api";
import type { T } from "./main";

const CATEGORIES = ["consult", "complaint", "suggestion", "help", "report"] as const;

/** The form; `onQuery` opens the query tab with a code. */
export function WriteForm({ t, lang, onQuery }: { t: T; lang: "zh" | "en"; onQuery: (code: string) => void }) {
  const [units, setUnits] = useState<PublicUnit[]>([]);
  const [payload, setPayload] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ queryCode: string; status: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const widget = useRef<HTMLElement>(null);

  useEffect(() => {
    call<{ units: PublicUnit[] }>("GET", "/api/public/units").then((r) => setUnits(r.units), () => setUnits([]));
  }, []);
  useEffect(() => {
    const el = widget.current;
    if (!el) return;
    const onState = (e: Event) => {
      const d = (e as CustomEvent<{ payload?: string; state?: string }>).detail;
      setPayload(d?.state === "verified" && d.payload ? d.payload : null);
    };
    el.addEventListener("statechange", onState);
    return () => el.removeEventListener("statechange", onState);
  }, [result]);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    if (!payload) return setError(t("verify"));
    const f = new FormData(e.currentTarget);
    const unit = String(f.get("unitId") ?? "");
    setBusy(true);
    try {
      const out = await call<{ queryCode: string; status: string }>("POST", "/api/public/messages", {
        category: f.get("category"), title: String(f.get("title") ?? ""), text: String(f.get("text") ?? ""),
        contact: String(f.get("contact") ?? "") || undefined, anonymous: f.get("anonymous") === "on", unitId: unit ? Number(unit) : undefined,
        altcha: payload,
      });
      setResult(out);
    } catch (caught) {
      setError(t("error", { message: caught instanceof BoardError ? caught.message : String(caught) }));
      // A proof is good for one submission: ask for a new one.
      (widget.current as (HTMLElement & { reset?: () => void }) | null)?.reset?.();
      setPayload(null);
    } finally {
      setBusy(false);
    }
  };

  if (result)
    return (
      <section aria-live="polite" className="done">
        <p>{t("done")}</p>
        <p className="code" data-testid="board-query-code">{result.queryCode}</p>
        {result.status === "held" ? <p>{t("held")}</p> : null}
        <p>
          <button type="button" onClick={() => void navigator.clipboard?.writeText(result.queryCode).then(() => setCopied(true))}>
            {copied ? t("copied") : t("copy")}
          </button>{" "}
          <button type="button" onClick={() => onQuery(result.queryCode)}>{t("tabQuery")}</button>
        </p>
      </section>
    );

  return (
    <form onSubmit={(e) => void submit(e)} noValidate={false}>
      <fieldset>
        <legend>{t("category")}</legend>
        <div className="choices">
          {CATEGORIES.map((c, i) => (
            <label key={c}>
              <input type="radio" name="category" value={c} defaultChecked={i === 0} required /> {t(`category.${c}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <label htmlFor="b-unit">{t("unit")}</label>
      <select id="b-unit" name="unitId" defaultValue="">
        <option value="">{t("unitNone")}</option>
        {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
      </select>
      <label htmlFor="b-title">{t("subject")}</label>
      <input id="b-title" name="title" required maxLength={100} data-testid="board-title" />
      <label htmlFor="b-text">{t("text")}</label>
      <textarea id="b-text" name="text" required minLength={5} maxLength={5000} rows={8} aria-describedby="b-text-hint" data-testid="board-text" />
      <small id="b-text-hint">{t("textHint")}</small>
      <label htmlFor="b-contact">{t("contact")}</label>
      <input id="b-contact" name="contact" maxLength={200} autoComplete="tel" />
      <label className="check">
        <input type="checkbox" name="anonymous" /> {t("anonymous")}
      </label>
      <div className="widget">
        <altcha-widget
          ref={widget}
          challenge="/api/public/challenge"
          name="altcha"
          language={lang === "en" ? "en" : "zh-cn"}
          configuration={JSON.stringify({ hideFooter: true, hideLogo: true })}
          data-testid="board-altcha"
        />
      </div>
      {error ? <p role="alert" className="error">{error}</p> : null}
      <button type="submit" className="primary" disabled={busy} data-testid="board-submit">
        {busy ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
