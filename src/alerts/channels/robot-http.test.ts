import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ANSWER_LIMIT, postRobot } from "./robot-http";
import { ChannelError } from "./types";

let server: Server | null = null;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

async function serve(answer: string): Promise<string> {
  server = createServer((_req, res) => res.end(answer));
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook?key=secret-key`;
}

describe("postRobot", () => {
  it("reads a robot's short answer", async () => {
    const url = await serve('{"errcode":0}');
    expect(await postRobot("机器人", url, url, "{}", {}, { timeoutMs: 2000 })).toEqual({ status: 200, text: '{"errcode":0}' });
  });

  it("stops reading an answer past the limit (the host is outside input)", async () => {
    const url = await serve("x".repeat(ANSWER_LIMIT + 1));
    const err = await postRobot("机器人", url, url, "{}", {}, { timeoutMs: 2000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChannelError);
    expect((err as ChannelError).message).toContain("返回内容过大");
    expect((err as ChannelError).message).not.toContain("secret-key");
  });
});
