import { describe, expect, it } from "vitest";
import { AppError } from "./errors";

describe("AppError", () => {
  it("keeps a plain (status, code, message) error's message when the code has no catalog text or lacks a parameter", () => {
    expect(new AppError(418, "teapot", "我是茶壶").localise("en")).toEqual({ message: "我是茶壶" });
    expect(new AppError(429, "rate_limited", "请求过于频繁").localise("en")).toEqual({ message: "请求过于频繁" });
    expect(new AppError(503, "db.busy", "数据库正忙，请稍后重试").localise("en")).toEqual({ message: "The database is busy; try again shortly" });
  });

  it("writes the message and field messages in the asked language", () => {
    const e = AppError.validation({ parentId: "unit.parent_cycle", password: { code: "password.too_short", params: { min: 10 } } });
    expect(e.localise("zh-CN")).toEqual({ message: "请检查标出的输入项", fields: { parentId: "不能移到自身或下级单位之下", password: "密码至少 10 位" } });
    expect(e.localise("en").fields).toEqual({ parentId: "A unit cannot move under itself or its sub-units", password: "The password needs at least 10 characters" });
    expect(AppError.conflict("unit.in_use", { children: 1, users: 2, records: 3 }).message).toBe("该单位还有 1 个下级单位、2 个用户、3 条工单/留言/官方账号记录，不能删除");
  });
});
