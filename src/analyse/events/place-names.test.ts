import { describe, expect, it } from "vitest";
import { placeNames, type TagOfEntry } from "./place-names";

// A cut as jieba gives it for these phrases: words, entries (here each word's index) and tags.
const cut = (pairs: string): [string[], number[], TagOfEntry] => {
  const words: string[] = [];
  const tags: string[] = [];
  for (const p of pairs.split(" ")) {
    const [w, t] = p.split("/");
    words.push(w);
    tags.push(t);
  }
  return [words, words.map((_, i) => i), (_, entry) => tags[entry]];
};

describe("placeNames", () => {
  it("glues a name to the place or institution word that ends it, keeping the finest name", () => {
    expect(placeNames(...cut("孩子/n 在/p 石桥/ns 乡/n 初级中学/l 被/p 罚站/n"))).toEqual(["石桥乡初级中学"]);
    expect(placeNames(...cut("青禾/x 大道/n 修/v 了/ul ，/x 人民/n 路/n 和/c 建设路/nt 路口/s"))).toEqual(["青禾大道", "人民路", "建设路"]);
    expect(placeNames(...cut("柳溪镇/x 桃源村/ns 垃圾堆/n 了/ul"))).toEqual(["柳溪镇桃源村"]);
    expect(placeNames(...cut("鑫源/x 化工厂/n 晚上/t 偷排/x 废气/n"))).toEqual(["鑫源化工厂"]);
    expect(placeNames(...cut("云岭/ns 街道/n 第三/m 幼儿园/nr"))).toEqual(["云岭街道第三幼儿园"]);
    expect(placeNames(...cut("解放街/n 和/c 环城/n 北路/ns 路口/s"))).toEqual(["解放街", "环城北路"]);
  });

  it("finds no name in common words (村里, 镇上, a bare 家具厂, a count before 河)", () => {
    expect(placeNames(...cut("一条/m 河/n 边/f ，/x 村里/s 老人/n 说/v 镇上/s 的/uj 路/n"))).toEqual([]);
    expect(placeNames(...cut("一家/m 家具厂/n 突发/v 火灾/n"))).toEqual([]);
    expect(placeNames(...cut("孩子/n 路上/s 车一过/x 路口/s"))).toEqual([]);
  });

  it("takes the head back from a word jieba's HMM glued it into (文昌/nr 路上/s)", () => {
    expect(placeNames(...cut("渣土/nz 车一过/x ,/x 文昌/nr 路上/s 全是/x 泥/n"))).toEqual(["文昌路"]);
    expect(placeNames(...cut("白沙/nr 镇上/s 的/uj 人/n"))).toEqual(["白沙镇"]);
  });
});

describe("placeNames on names jieba cuts apart", () => {
  it("finds schools, hospitals, bus lines, lakes and roads in pieces", () => {
    expect(placeNames(...cut("关于/p 网民/n 反映/v 青禾/x 县/zg 实验/vn 小学/n 收费/n"))).toEqual(["青禾县实验小学"]);
    expect(placeNames(...cut("青禾/x 县/zg 第一/m 中学老师/n 周末/t"))).toEqual(["青禾县第一中学"]);
    expect(placeNames(...cut("东关/ns 小学老师/n 周末/t"))).toEqual(["东关小学"]);
    expect(placeNames(...cut("孩子/n 在/p 青禾/x 县/zg 职业中专/n 被/p 罚站/n"))).toEqual(["青禾县职业中专"]);
    expect(placeNames(...cut("县/zg 妇幼保健/n 院/n 门口/s"))).toEqual(["妇幼保健院"]);
    expect(placeNames(...cut("3/m 路/n 公交车/n 一等/m"))).toEqual(["3路"]);
    expect(placeNames(...cut("k1/eng 路/n 公交车/n"))).toEqual(["k1路"]);
    expect(placeNames(...cut("柳/n 溪河/ns 的/uj 水/n"))).toEqual(["柳溪河"]);
    expect(placeNames(...cut("跳进/v 南湖/ns 救起/v"))).toEqual(["南湖"]);
    expect(placeNames(...cut("人民/n 路/n 和/c 站/v 前路/n 路口/s"))).toEqual(["人民路", "站前路"]);
    expect(placeNames(...cut("摔倒/v 在/p 环/v 城北/s 路边/s"))).toEqual(["环城北路"]);
    expect(placeNames(...cut("为/p 解放/v 街上/s 扶/v 起/v"))).toEqual(["解放街"]);
    expect(placeNames(...cut("人民/n 路早/x 高峰/nr 堵/v"))).toEqual(["人民路"]);
  });

  it("takes no common word for a name (阶段学校, 新线路, 乡村, 这条路, 回家的路)", () => {
    expect(placeNames(...cut("义务教育/l 阶段/n 学校/n"))).toEqual([]);
    expect(placeNames(...cut("秋季/t 学期/n 中小学/j 收费/n"))).toEqual([]);
    expect(placeNames(...cut("新线路/n 经过/p"))).toEqual([]);
    expect(placeNames(...cut("修通/v 了/ul 水泥路/n"))).toEqual([]);
    expect(placeNames(...cut("陈老师/nr 扎根/ns 乡村/n 讲台/n"))).toEqual([]);
    expect(placeNames(...cut("在/p 这条/mq 路上/s"))).toEqual([]);
    expect(placeNames(...cut("他/r 在/p 回家/n 的/uj 路上/s"))).toEqual([]);
    expect(placeNames(...cut("点赞/x 云岭/ns 街道/n 第三/m 幼儿园/nr"))).toEqual(["云岭街道第三幼儿园"]);
  });
});
