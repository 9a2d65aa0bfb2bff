// Errors a person can act on: an HTTP status, a stable code, and parameters for the code's message in
// src/shared/messages.ts; the response is written in the request's language.
import { formatMessage, type MessageLang, type MessageParams, type MessageRef } from "./shared/messages";

/** A field's message: a catalog code with parameters, or a catalog code / literal text as a string. */
export type FieldMessage = string | MessageRef;

/** The text of a field message in `lang` (a string that is no catalog code is used as it is). */
export function fieldText(lang: MessageLang, m: FieldMessage): string {
  return typeof m === "string" ? (formatMessage(lang, m) ?? m) : (formatMessage(lang, m.code, m.params) ?? m.code);
}

/** An error that reaches the API client as `{code, message, fields?}` with `status`. */
export class AppError extends Error {
  /**
   * `message` is used as it is when the catalog has no text for `code` (or lacks a parameter it needs);
   * otherwise the catalog's text in the request's language wins.
   */
  constructor(
    readonly status: number,
    readonly code: string,
    message?: string,
    readonly fields?: Record<string, FieldMessage>,
    readonly params: MessageParams = {},
  ) {
    super(message ?? formatMessage("zh-CN", code, params) ?? code);
    this.given = message;
  }

  private readonly given: string | undefined;

  /** The message and field messages in `lang`. */
  localise(lang: MessageLang): { message: string; fields?: Record<string, string> } {
    const message = formatMessage(lang, this.code, this.params) ?? this.given ?? this.code;
    if (!this.fields) return { message };
    const fields: Record<string, string> = {};
    for (const [k, m] of Object.entries(this.fields)) fields[k] = fieldText(lang, m);
    return { message, fields };
  }

  /** An error with a catalog code and its parameters. */
  static of(status: number, code: string, params: MessageParams = {}): AppError {
    return new AppError(status, code, undefined, undefined, params);
  }

  /** 400 with per-field messages (catalog codes, or MessageRefs with parameters). */
  static validation(fields: Record<string, FieldMessage>): AppError {
    return new AppError(400, "validation", undefined, fields);
  }

  /** 400 for a request that is wrong as a whole (a string is a literal message, for codes not in the catalog). */
  static badRequest(code: string, params: MessageParams | string = {}): AppError {
    return typeof params === "string" ? new AppError(400, code, params) : AppError.of(400, code, params);
  }

  /** 401: not signed in. */
  static unauthenticated(): AppError {
    return AppError.of(401, "auth.required");
  }

  /** 403: signed in but not allowed. */
  static forbidden(): AppError {
    return AppError.of(403, "auth.forbidden");
  }

  /** 404 for a missing resource; `what` names it ("user", "source" … see `resource.*` in the catalog). */
  static notFound(what: string): AppError {
    return new AppError(404, "not_found", `未找到 ${what}`, undefined, { what: { code: `resource.${what}` } });
  }

  /** 409: the change conflicts with the current state. */
  static conflict(code: string, params: MessageParams | string = {}): AppError {
    return typeof params === "string" ? new AppError(409, code, params) : AppError.of(409, code, params);
  }
}
