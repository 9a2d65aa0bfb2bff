// The one HTTP exchange the robot channels (WeCom, DingTalk, Feishu) share: POST a JSON body within
// the attempt's time limit through the given (guarded) dispatcher, and read at most ANSWER_LIMIT
// bytes of the answer: a robot answers a few dozen bytes, and the host is outside input.
import { request } from "undici";
import { networkError } from "./format";
import { ChannelError, type SendOptions } from "./types";
import type { RobotDeps } from "./format";

/** The most of a robot's answer that is read. */
export const ANSWER_LIMIT = 64 * 1024;

/** The status and text of a robot's answer; network failures and oversized answers throw ChannelError. */
export async function postRobot(
  label: string, url: string, shownUrl: string, body: string, deps: RobotDeps, opts: SendOptions,
): Promise<{ status: number; text: string }> {
  try {
    const res = await request(url, {
      method: "POST", body, dispatcher: deps.dispatcher, signal: AbortSignal.timeout(opts.timeoutMs),
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > ANSWER_LIMIT) {
        res.body.destroy();
        throw new ChannelError(`${label}：返回内容过大`, true);
      }
      chunks.push(chunk as Buffer);
    }
    return { status: res.statusCode, text: Buffer.concat(chunks).toString("utf8") };
  } catch (err) {
    if (err instanceof ChannelError) throw err;
    throw networkError(label, shownUrl, err);
  }
}
