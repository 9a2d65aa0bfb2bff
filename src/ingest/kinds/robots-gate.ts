// The robots.txt check html and json sources make before each fetch (rss feeds are exempt: see README).
import { FetchError } from "../errors";
import type { KindContext } from "./types";

/** Throws fetch.robots_disallowed when robots.txt forbids `url`, fetch.robots_unreachable when it could not be read. */
export async function requireRobots(ctx: KindContext, url: string): Promise<void> {
  const answer = await ctx.robots(url);
  if (answer === "disallowed") throw new FetchError("fetch.robots_disallowed", `robots.txt disallows ${url}`);
  if (answer === "unreachable") throw new FetchError("fetch.robots_unreachable", `robots.txt of ${new URL(url).origin} could not be read`);
}
