import { afterEach, describe, expect, it, vi } from "vitest";
import { api, ApiRequestError, onUnauthorized, parseErrorBody, setCsrfToken, setRequestLanguage, withQuery } from "./client";

function stubFetch(status: number, body: string) {
  const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response(body || null, { status }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken("");
  setRequestLanguage("zh-CN");
  onUnauthorized(() => {});
});

describe("request", () => {
  it("sends the CSRF token on writes only, with same-origin credentials", async () => {
    const fetch = stubFetch(200, '{"ok":true}');
    setCsrfToken("tok");
    await api.get("/api/items");
    await api.patch("/api/items/1", { status: "seen" });
    const [, getInit] = fetch.mock.calls[0];
    const [, patchInit] = fetch.mock.calls[1];
    expect(new Headers(getInit.headers).get("x-csrf-token")).toBeNull();
    expect(new Headers(patchInit.headers).get("x-csrf-token")).toBe("tok");
    expect(patchInit.credentials).toBe("same-origin");
    expect(patchInit.body).toBe('{"status":"seen"}');
  });

  it("asks for the server's messages in the UI's language", async () => {
    const fetch = stubFetch(200, "{}");
    await api.get("/api/items");
    setRequestLanguage("en");
    await api.post("/api/units", { name: "x" });
    expect(new Headers(fetch.mock.calls[0][1].headers).get("accept-language")).toBe("zh-CN");
    expect(new Headers(fetch.mock.calls[1][1].headers).get("accept-language")).toBe("en");
  });

  it("turns an error body into ApiRequestError with field messages", async () => {
    stubFetch(400, JSON.stringify({ code: "validation", message: "请检查输入", fields: { url: "bad" } }));
    const error = await api.post("/api/sources", {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 400, code: "validation", message: "请检查输入", fields: { url: "bad" } });
  });

  it("reports a lost session, except for a failed login", async () => {
    const handler = vi.fn();
    onUnauthorized(handler);
    stubFetch(401, '{"code":"auth.invalid","message":"no"}');
    await api.post("/api/auth/login", {}).catch(() => undefined);
    expect(handler).not.toHaveBeenCalled();
    await api.get("/api/dashboard").catch(() => undefined);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("resolves an empty 204 body to undefined", async () => {
    stubFetch(204, "");
    await expect(api.delete("/api/units/1")).resolves.toBeUndefined();
  });
});

describe("parseErrorBody", () => {
  it("falls back to a generic error for a non-JSON body", () => {
    expect(parseErrorBody(502, "<html>Bad Gateway</html>")).toEqual({ code: "http_502", message: "HTTP 502" });
  });
});

describe("withQuery", () => {
  it("drops empty parameters and encodes the rest", () => {
    expect(withQuery("/api/items", { q: "教育 局", sourceId: "", status: undefined, limit: 20 })).toBe(
      "/api/items?q=%E6%95%99%E8%82%B2+%E5%B1%80&limit=20",
    );
    expect(withQuery("/api/items", {})).toBe("/api/items");
  });
});
