// The robot channels' retry table, run the same way for each platform: one receiver per answer.
import { expect } from "vitest";
import type { ChannelError } from "../types";
import { startReceiver } from "./receiver";

/** An answer the platform may give ([HTTP status, JSON body]) and whether the channel should retry it. */
export type RetryCase = [status: number, json: unknown, retryable: boolean];

/** For each case, answers once with its status and JSON and expects `sendError`'s error to be retryable or not as
 * listed; `also` adds per-platform checks on the error. */
export async function expectRetryCases(
  cases: RetryCase[],
  sendError: (url: string) => Promise<ChannelError>,
  also?: (err: ChannelError) => void,
): Promise<void> {
  for (const [status, json, retryable] of cases) {
    const receiver = await startReceiver(() => ({ status, json }));
    try {
      const err = await sendError(receiver.url);
      expect([status, json, err.retryable]).toEqual([status, json, retryable]);
      also?.(err);
    } finally {
      await receiver.close();
    }
  }
}
