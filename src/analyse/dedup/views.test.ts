import { describe, expect, it } from "vitest";
import { matchKeys, MAX_KEY } from "./views";

describe("matchKeys", () => {
  it("drops wrappers, source tails, punctuation and emoticon brackets", () => {
    expect(matchKeys("转发：【转载】柳溪河今天涨水了！（来源：青禾日报）").body).toBe("柳溪河今天涨水了");
    expect(matchKeys("柳溪河今天涨水了。 责任编辑：王小明").body).toBe("柳溪河今天涨水了");
    expect(matchKeys("[心]柳溪河今天涨水了[蜡烛]").body).toBe("心柳溪河今天涨水了蜡烛");
  });

  it("keeps words inside a sentence that look like a tail", () => {
    expect(matchKeys("他的编辑工作来源于兴趣").body).toBe("他的编辑工作来源于兴趣");
  });

  it("keeps links as host and path, without scheme or tracking parameters", () => {
    expect(matchKeys("看这里 https://t.cn/A6abc?from=share").body).toBe(matchKeys("看这里 http://t.cn/A6abc").body);
    expect(matchKeys("看这里 https://t.cn/A6abc").body).not.toBe(matchKeys("看这里 https://t.cn/B7xyz").body);
  });

  it("splits a repost into the whole post and the text after the first //@name:", () => {
    const k = matchKeys("说得对，大家都要注意安全啊啊啊//@青禾发布:柳溪河水位上涨//@水文站:请沿河居民注意");
    expect(k.body).toBe("说得对大家都要注意安全啊啊啊青禾发布柳溪河水位上涨水文站请沿河居民注意");
    expect(k.parent).toBe("柳溪河水位上涨水文站请沿河居民注意");
  });

  it("keeps no separate parent when the comment in front is short", () => {
    expect(matchKeys("好//@青禾发布:柳溪河水位今天下午超过警戒线，沿河村庄已组织转移").parent).toBeNull();
  });

  it("bounds the work on huge, empty and emoji-only input", () => {
    expect(matchKeys("青禾".repeat(500_000)).body.length).toBe(MAX_KEY);
    expect(matchKeys("")).toEqual({ body: "", parent: null });
    expect(matchKeys("😂😂👍 🙏")).toEqual({ body: "", parent: null });
    expect(matchKeys("Bus 3路 バス 버스 𠀀").body).toBe("bus3路バス버스𠀀");
  });
});
