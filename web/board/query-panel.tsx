// Following a message by its query code: status, the moderator's note when it was not accepted, the
// public answer under the unit's name, and a one-time rating.
import { useEffect, useState, type FormEvent } from "react";
import { BoardError, call, type PublicMessage } from "./api";
import type { T } from "./main";

const RATINGS = ["satisfied", "basically", "unsatisfied"] as const;
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString("zh-CN", { hour12: false }) : "—");

/** The query tab. */
export function QueryPanel({ t, initialCode }: { t: T; initialCode: string }) {
  const [code, setCode] = useState(initialCode);
  const [msg, setMsg] = useState<PublicMessage | null>(null);
  const [error, setError] = useState<string | null>(null);

  const look = async (c: string) => {
    setError(null);
    setMsg(null);
    try {
      setMsg(await call<PublicMessage>("GET", `/api/public/messages/${encodeURIComponent(c.trim())}`));
    } catch (caught) {
      setError(caught instanceof BoardError && caught.status === 404 ? t("notFound") : t("error", { message: String((caught as Error).message) }));
    }
  };
  useEffect(() => {
    if (initialCode) void look(initialCode);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initialCode]);

  const rate = async (rating: (typeof RATINGS)[number]) => {
    try {
      await call("POST", `/api/public/messages/${encodeURIComponent(code.trim())}/rating`, { rating });
      await look(code);
    } catch (caught) {
      setError(t("error", { message: String((caught as Error).message) }));
    }
  };

  return (
    <section>
      <form className="inline" onSubmit={(e: FormEvent) => { e.preventDefault(); void look(code); }}>
        <label htmlFor="b-code">{t("queryCode")}</label>
        <input id="b-code" value={code} onChange={(e) => setCode(e.target.value)} required maxLength={20} autoCapitalize="characters" data-testid="board-code" />
        <button type="submit">{t("query")}</button>
      </form>
      <div aria-live="polite">
        {error ? <p role="alert" className="error">{error}</p> : null}
        {msg ? (
          <article className="message" data-testid="board-message">
            <h2>{msg.title}</h2>
            <dl>
              <dt>{t("status")}</dt>
              <dd data-testid="board-status">{msg.statusLabel}</dd>
              <dt>{t("submittedAt")}</dt>
              <dd>{when(msg.createdAt)}</dd>
              {msg.dueAt && msg.status === "accepted" ? (<><dt>{t("dueAt")}</dt><dd>{when(msg.dueAt)}</dd></>) : null}
              {msg.moderationReason ? (<><dt>{t("reason")}</dt><dd>{msg.moderationReason}</dd></>) : null}
            </dl>
            <h3>{t("answer")}</h3>
            {msg.answer ? (
              <>
                <p className="answer">{msg.answer.text}</p>
                <p className="by">{t("answeredBy", { unit: msg.answer.unitName, time: when(msg.answer.answeredAt) })}</p>
                {msg.rating ? (
                  <p>{t("rated", { rating: t(`rating.${msg.rating}`) })}</p>
                ) : (
                  <fieldset>
                    <legend>{t("rate")}</legend>
                    {RATINGS.map((r) => (
                      <button key={r} type="button" onClick={() => void rate(r)} data-testid={`board-rate-${r}`}>{t(`rating.${r}`)}</button>
                    ))}
                  </fieldset>
                )}
              </>
            ) : (
              <p>{t("noAnswer")}</p>
            )}
          </article>
        ) : null}
      </div>
    </section>
  );
}
