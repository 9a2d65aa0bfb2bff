// The robot channels as an office sets them up: a DingTalk robot with its signing secret, added
// through the API, gets a signed, Chinese markdown message when a rule fires.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { startReceiver, type Receiver } from "../../alerts/channels/testdata/receiver";
import { dingtalkSign } from "../../alerts/channels/dingtalk";
import { insertItems } from "../../store/items";
import { insertSource } from "../../store/sources";
import { contentHash } from "../../ingest";

let t: TestApp | undefined;
let rx: Receiver | undefined;
afterEach(async () => {
  await t?.close();
  await rx?.close();
  t = rx = undefined;
});

const SECRET = "SECdingtalk-test-secret";

describe("robot channels through the dispatcher", () => {
  it("delivers a rule's alert to a DingTalk robot, signed with its secret", async () => {
    rx = await startReceiver(() => ({ status: 200, json: { errcode: 0, errmsg: "ok" } }));
    const port = new URL(rx.url).port;
    t = await createTestApp({ fetchAllowHosts: [`127.0.0.1:${port}`], alertRetryBaseMs: 20, alertTimeoutMs: 2000 });
    const admin = await t.userClient("admin");
    const ch = await admin.post("/api/alert-channels", { name: "值班钉钉群", kind: "dingtalk", url: `${rx.url}/robot/send?access_token=tok-9f3a`, secret: SECRET });
    expect(ch.statusCode, ch.body).toBe(201);
    // The robot's access token is a secret: masked in the answer and the audit log, encrypted at rest.
    expect(ch.json().url).toBe(`${rx.url}/robot/send?access_token=******`);
    expect(JSON.stringify((await admin.get("/api/audit?targetType=alert_channel")).json())).not.toContain("tok-9f3a");
    expect(t.db.sqlite.prepare("SELECT url FROM alert_channels").pluck().get()).not.toContain("tok-9f3a");
    // Saving the masked URL back (an edit of the name only, as the form sends it) keeps the token.
    const renamed = await admin.patch(`/api/alert-channels/${ch.json().id}`, { name: "值班钉钉群（县）", url: ch.json().url });
    expect(renamed.json().url).toBe(`${rx.url}/robot/send?access_token=******`);
    const watch = await admin.post("/api/watches", { name: "乱收费", query: "乱收费" });
    const rule = await admin.post("/api/alert-rules", { name: "乱收费预警", trigger: "watch", watchId: watch.json().id, severity: "significant", channelIds: [ch.json().id] });
    expect(rule.statusCode, rule.body).toBe(201);

    const src = insertSource(t.db, { name: "青禾论坛", kind: "rss", url: "http://127.0.0.1/feed", intervalSeconds: 300, priority: 2, enabled: true });
    const text = "禾溪镇小学家长反映学校乱收费，每学期额外收取补课费八百元，太过分了";
    insertItems(t.db, src.id, [{ guid: "d1", url: "http://127.0.0.1/p/1", canonicalUrl: null, contentHash: contentHash("", text), author: null, title: "禾溪镇小学被指乱收费", text, publishedAt: Date.now() - 60_000 }]);
    await t.analysis.drain();

    const t0 = Date.now();
    while (!rx.requests.length && Date.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 20));
    expect(rx.requests).toHaveLength(1);
    const got = rx.requests[0];
    const q = new URL(got.url, "http://x").searchParams;
    expect(q.get("access_token")).toBe("tok-9f3a");
    const ts = Number(q.get("timestamp"));
    expect(Math.abs(Date.now() - ts)).toBeLessThan(10_000);
    expect(q.get("sign")).toBe(dingtalkSign(ts, SECRET));
    const body = JSON.parse(got.body) as { msgtype: string; markdown: { title: string; text: string } };
    expect(body.msgtype).toBe("markdown");
    expect(body.markdown.text).toContain("较大");
    expect(body.markdown.text).toContain("禾溪镇小学被指乱收费");
    // The receiver answers before the dispatcher records the attempt: wait for the row to say so.
    const state = async () => ((await admin.get("/api/alerts?limit=5")).json().alerts as { deliveries: { state: string }[] }[])[0].deliveries[0].state;
    const t1 = Date.now();
    while ((await state()) !== "sent" && Date.now() - t1 < 5000) await new Promise((r) => setTimeout(r, 20));
    expect(await state()).toBe("sent");
  });
});
