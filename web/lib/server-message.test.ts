import { describe, expect, it } from "vitest";
import { localMessage } from "./server-message";

describe("localMessage", () => {
  it("picks the half of a bilingual server message for the language", () => {
    const message = "用户名或密码错误 / wrong username or password";
    expect(localMessage(message, "zh-CN")).toBe("用户名或密码错误");
    expect(localMessage(message, "en")).toBe("wrong username or password");
  });

  it("is not fooled by slashes inside a path", () => {
    expect(localMessage("未找到 GET /api/x / route not found", "en")).toBe("route not found");
  });

  it("leaves single-language messages alone", () => {
    expect(localMessage("HTTP 502", "zh-CN")).toBe("HTTP 502");
    expect(localMessage("a / b / c", "en")).toBe("a / b / c");
  });
});
