// Fetch wrapper for the JSON API: same-origin cookies, the CSRF header on writes, typed errors.
import type { ApiError } from "../../src/shared/api";

/** HTTP methods the API uses. */
export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** A failed API call: the HTTP status plus the server's stable code, message and field messages. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;

  constructor(status: number, body: ApiError) {
    super(body.message);
    this.name = "ApiRequestError";
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? {};
  }
}

/** Code of the error raised when the server cannot be reached at all. */
export const NETWORK_ERROR = "network";

let csrfToken = "";
let language = "zh-CN";
let unauthorizedHandler: () => void = () => {};

/** Remembers the CSRF token from login or GET /api/auth/me (empty after logout). */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Sets the UI language sent as `accept-language`, so that the server's messages come in it. */
export function setRequestLanguage(lang: string): void {
  language = lang;
}

/** Registers what happens when the session is gone (HTTP 401 on any call but the login itself). */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

/** Reads an error body, falling back to a generic one when it is not `{code, message}` JSON. */
export function parseErrorBody(status: number, text: string): ApiError {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === "object" && body !== null && "code" in body && "message" in body) {
      const { code, message, fields } = body as Record<string, unknown>;
      if (typeof code === "string" && typeof message === "string") {
        const goodFields = typeof fields === "object" && fields !== null && !Array.isArray(fields);
        return { code, message, fields: goodFields ? stringValues(fields) : undefined };
      }
    }
  } catch {
    // Not JSON (a proxy error page, say): fall through to the generic body.
  }
  return { code: `http_${status}`, message: `HTTP ${status}` };
}

function stringValues(record: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) if (typeof value === "string") out[key] = value;
  return out;
}

/** Appends the non-empty params to `path` as a query string. */
export function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** Calls the API and resolves to the decoded JSON body (undefined for an empty body). */
export async function request<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  return (await requestWithStatus<T>(method, path, body, signal)).body;
}

/** Like request, with the HTTP status of the success (201 created vs 200 found, say). */
export async function requestWithStatus<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { accept: "application/json", "accept-language": language };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiRequestError(0, { code: NETWORK_ERROR, message: "network error" });
  }
  const text = await response.text();
  if (!response.ok) {
    if (response.status === 401 && path !== "/api/auth/login") unauthorizedHandler();
    throw new ApiRequestError(response.status, parseErrorBody(response.status, text));
  }
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** Shorthands for each method. */
export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>("GET", path, undefined, signal),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, body),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, body),
  delete: <T = void>(path: string) => request<T>("DELETE", path),
};

/** Uploads a file as the raw request body (its name percent-encoded in `x-file-name`); resolves to the JSON answer. */
export async function uploadFile<T>(path: string, file: File): Promise<T> {
  const headers: Record<string, string> = {
    accept: "application/json", "accept-language": language, "content-type": "application/octet-stream", "x-file-name": encodeURIComponent(file.name),
  };
  if (csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method: "POST", headers, credentials: "same-origin", body: file });
  } catch {
    throw new ApiRequestError(0, { code: NETWORK_ERROR, message: "network error" });
  }
  const text = await response.text();
  if (!response.ok) {
    if (response.status === 401) unauthorizedHandler();
    throw new ApiRequestError(response.status, parseErrorBody(response.status, text));
  }
  return JSON.parse(text) as T;
}

/** Uploads a file like uploadFile, reporting upload progress (0–100) as the browser sends it. */
export function uploadFileWithProgress<T>(path: string, file: File, onProgress: (percent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.setRequestHeader("accept", "application/json");
    xhr.setRequestHeader("accept-language", language);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    if (csrfToken) xhr.setRequestHeader("x-csrf-token", csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiRequestError(0, { code: NETWORK_ERROR, message: "network error" }));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new ApiRequestError(xhr.status, parseErrorBody(xhr.status, xhr.responseText)));
        }
        return;
      }
      if (xhr.status === 401) unauthorizedHandler();
      reject(new ApiRequestError(xhr.status, parseErrorBody(xhr.status, xhr.responseText)));
    };
    xhr.send(file);
  });
}
