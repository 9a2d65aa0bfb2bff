// Errors a person can act on: an HTTP status, a stable code and a message (Chinese / English).

/** An error that reaches the API client as `{code, message, fields?}` with `status`. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }

  /** 400 with per-field messages. */
  static validation(fields: Record<string, string>, message = "请检查输入 / please check the highlighted fields"): AppError {
    return new AppError(400, "validation", message, fields);
  }

  /** 400 for a request that is wrong as a whole. */
  static badRequest(code: string, message: string): AppError {
    return new AppError(400, code, message);
  }

  /** 401: not signed in. */
  static unauthenticated(): AppError {
    return new AppError(401, "auth.required", "请先登录 / please sign in");
  }

  /** 403: signed in but not allowed. */
  static forbidden(): AppError {
    return new AppError(403, "auth.forbidden", "无权执行此操作 / you do not have permission for this");
  }

  /** 404 for a missing resource. */
  static notFound(what: string): AppError {
    return new AppError(404, "not_found", `未找到 ${what} / ${what} not found`);
  }

  /** 409: the change conflicts with the current state. */
  static conflict(code: string, message: string): AppError {
    return new AppError(409, code, message);
  }
}
