import { MessageChannel } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { Analyser, Preparer, type PreparedItem } from "../analyse/pipeline";
import { packPrepared, transferList, unpackPrepared } from "./prepared-codec";

const long = "禾溪镇中心小学被家长反映每学期额外收取补课费八百元，教育局回应称已介入调查，将依法依规处理并及时公布结果。";
const texts = [
  { title: "禾溪镇小学被指乱收费", text: long },
  { title: "", text: "好" }, // short: matched as text, not sketched
  { title: "", text: `转发支持一下，希望早日解决//@青禾网友: ${long}` }, // a repost: body and parent sketches
  { title: "𠮷野家门店", text: "𠮷野家青禾店食品安全问题😡😡，市场监管局已到场检查，门店暂停营业。" }, // astral characters
  { title: "", text: "" },
  { title: "天气", text: "今天天气不错，出去走走。" }, // no watch matches
];
const watches = [{ id: 3, query: "乱收费 | 补课费" }, { id: 9, query: "食品安全 | 监管" }, { id: 12, query: "教育局" }];

function preparedItems(): PreparedItem[] {
  const p = new Preparer({ watches });
  return p.prepareBatch(texts.map((t, i) => ({ id: i + 1, ...t, source: "青禾论坛", publishedAt: i * 1000 })));
}

// What a thread's answer carries: everything but the sentiment reasons.
const withoutReasons = (p: PreparedItem): PreparedItem => ({ ...p, sentiment: { label: p.sentiment.label, score: p.sentiment.score } });

describe("packPrepared / unpackPrepared", () => {
  it("gives back every item as prepared, sentiment reasons aside", () => {
    const items = preparedItems();
    // The cases this set is meant to cover are there.
    expect(items.some((p) => typeof p.dup.body === "string")).toBe(true);
    expect(items.some((p) => p.dup.parent !== null && typeof p.dup.parent === "object")).toBe(true);
    expect(items.some((p) => p.entities.length > 0)).toBe(true);
    expect(items.some((p) => p.places.length > 0)).toBe(true);
    expect(items.some((p) => p.watches.ids.length > 1)).toBe(true);
    const packed = packPrepared(items);
    expect(packed.count).toBe(items.length);
    items.forEach((p, i) => expect(unpackPrepared(packed, i)).toEqual(withoutReasons(p)));
  });

  it("survives posting to another thread with its buffers transferred", async () => {
    const items = preparedItems();
    const packed = packPrepared(items);
    const { port1, port2 } = new MessageChannel();
    const arrived = new Promise<ReturnType<typeof packPrepared>>((resolve) => port2.once("message", resolve));
    port1.postMessage(packed, transferList(packed));
    const there = await arrived;
    port1.close();
    expect([packed.nums.length, packed.low.length, packed.keys.length]).toEqual([0, 0, 0]); // transferred, not copied
    items.forEach((p, i) => expect(unpackPrepared(there, i)).toEqual(withoutReasons(p)));
  });

  it("groups copies the same way from unpacked sketches", () => {
    const items = preparedItems();
    const packed = packPrepared(items);
    const direct = new Analyser();
    const unpacked = new Analyser();
    texts.forEach((t, i) => {
      const item = { id: i + 1, ...t, source: "青禾论坛", publishedAt: i * 1000 };
      expect(unpacked.commit(item, unpackPrepared(packed, i)).dupGroup).toBe(direct.commit(item, items[i]).dupGroup);
    });
    // The repost joined the original's group.
    expect(unpacked.dedup.groupOf("3")).toBe("1");
  });

  it("packs an empty batch and refuses an item it does not hold", () => {
    const empty = packPrepared([]);
    expect(empty.count).toBe(0);
    expect(() => unpackPrepared(empty, 0)).toThrow(RangeError);
    expect(() => unpackPrepared(packPrepared(preparedItems()), -1)).toThrow(RangeError);
  });
});
