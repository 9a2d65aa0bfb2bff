import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ackLinkKey, checkAckLink, signAckLink } from "./ack-link";

const key = ackLinkKey(randomBytes(32));
const NOW = Date.UTC(2026, 11, 7, 2, 0);
const DAY = 24 * 3600_000;

function parts(link: string) {
  const u = new URL(link);
  return { id: Number(u.pathname.split("/")[2]), e: u.searchParams.get("e")!, s: u.searchParams.get("s")! };
}

describe("ack links", () => {
  it("signs a link to the alert that checks until it expires", () => {
    const link = signAckLink(key, "https://tf.example.org", 42, NOW, DAY);
    expect(link).toMatch(/^https:\/\/tf\.example\.org\/a\/42\?e=\d+&s=[A-Za-z0-9_-]{43}$/);
    const { id, e, s } = parts(link);
    expect(checkAckLink(key, id, e, s, NOW)).toBe("ok");
    expect(checkAckLink(key, id, e, s, NOW + DAY - 1000)).toBe("ok");
    expect(checkAckLink(key, id, e, s, NOW + DAY + 1000)).toBe("expired");
  });

  it("refuses a link moved to another alert, a stretched expiry, a changed signature or another key", () => {
    const { id, e, s } = parts(signAckLink(key, "https://tf.example.org", 42, NOW, DAY));
    expect(checkAckLink(key, 43, e, s, NOW)).toBe("invalid");
    expect(checkAckLink(key, id, String(Number(e) + 3600), s, NOW)).toBe("invalid");
    const flipped = (s[0] === "A" ? "B" : "A") + s.slice(1);
    expect(checkAckLink(key, id, e, flipped, NOW)).toBe("invalid");
    expect(checkAckLink(ackLinkKey(randomBytes(32)), id, e, s, NOW)).toBe("invalid");
    expect(checkAckLink(key, id, "soon", s, NOW)).toBe("invalid");
    expect(checkAckLink(key, id, e, "", NOW)).toBe("invalid");
  });

  it("calls a forged expiry invalid even when it is in the past", () => {
    const { id, s } = parts(signAckLink(key, "https://tf.example.org", 42, NOW, DAY));
    expect(checkAckLink(key, id, "1", s, NOW)).toBe("invalid");
  });
});

describe("ack link in messages", () => {
  it("closes every text format with the link, kept when items are cut", async () => {
    const { makeMessage, makeItem } = await import("./channels/testdata/message");
    const { renderText, PLAIN_FLAVOUR, markdownFlavour } = await import("./channels/format");
    const ackUrl = signAckLink(key, "https://tf.example.org", 42, NOW, DAY);
    const message = { ...makeMessage(), ackUrl };
    expect(renderText(message, PLAIN_FLAVOUR, 100_000)).toContain(`确认收到：${ackUrl}`);
    expect(renderText(message, markdownFlavour("\n"), 100_000)).toContain(`[确认收到](${ackUrl})`);
    const long = { ...message, items: Array.from({ length: 10 }, (_, i) => makeItem({ id: i, title: "很长的标题".repeat(40) })) };
    const cut = renderText(long, PLAIN_FLAVOUR, 2048);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(2048);
    expect(cut.endsWith(`确认收到：${ackUrl}`)).toBe(true);
    expect(renderText(makeMessage(), PLAIN_FLAVOUR, 100_000)).not.toContain("确认收到");
  });
});
