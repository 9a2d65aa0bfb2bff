import { describe, expect, it } from "vitest";
import { analyzeLines } from "./analyze";

async function* of(lines: string[]): AsyncIterable<string> {
  yield* lines;
}

const FEE = "青禾县禾溪镇第一小学家长反映，学校每学期额外收取补课费八百元，家长质疑属于乱收费，希望教育局尽快调查处理。";

describe("tingfeng analyze", () => {
  it("writes one line per input in order, with copies sharing a group even when the original comes later", async () => {
    const input = [
      { id: "copy", text: `转发：${FEE}`, publishedAt: "2026-11-20T10:00:00Z" },
      { id: "bus", text: "城西公交3路自下周一起调整线路，不再经过老汽车站，市民出行请注意。" },
      { id: "orig", text: FEE, publishedAt: "2026-11-20T08:00:00Z", title: "禾溪镇小学乱收费" },
      { id: "praise", text: "政务服务中心工作人员热情周到，效率真高，必须点赞！" },
    ].map((l) => JSON.stringify(l));
    const out = (await analyzeLines(of(input))).map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(["copy", "bus", "orig", "praise"]);
    expect(out[0].dupGroup).toBe(out[2].dupGroup);
    expect(out[1].dupGroup).not.toBe(out[0].dupGroup);
    expect(out[0].dupGroup).toBe("gorig"); // named by the earliest publication
    expect(out[0].event).toBe(out[2].event);
    expect(out[0].sentiment.label).toBe("neg");
    expect(out[3].sentiment.label).toBe("pos");
    for (const o of out) {
      expect(o.sentiment.score).toBeGreaterThanOrEqual(-1);
      expect(o.sentiment.score).toBeLessThanOrEqual(1);
    }
    expect(out[2].keywords).toContain("乱收费");
  });

  it("reports bad lines in place and keeps going", async () => {
    const warnings: string[] = [];
    const out = await analyzeLines(of(["not json", JSON.stringify({ id: 7 }), "", JSON.stringify({ id: "ok", text: "" })]), undefined, (m) => warnings.push(m));
    expect(out.map((l) => JSON.parse(l).id)).toEqual([null, "7", "ok"]);
    expect(JSON.parse(out[1]).error).toContain("text");
    expect(JSON.parse(out[2]).sentiment).toEqual({ label: "neu", score: 0 });
    expect(warnings).toEqual([expect.stringMatching(/^line 1:/), expect.stringMatching(/^line 2:/)]);
  });
});
