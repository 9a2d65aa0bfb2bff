import { describe, expect, it } from "vitest";
import { parseFeed } from "./parse-feed";
import { fixture } from "./testdata/local-server";

describe("parseFeed: formats", () => {
  it("reads RSS 2.0: CDATA, HTML reduced to text, content:encoded preferred, relative links, missing guid", () => {
    const feed = parseFeed(fixture("rss2.xml"), "application/rss+xml; charset=utf-8");
    expect(feed.title).toBe("青禾县融媒体中心 & 县政务公开");
    expect(feed.items).toHaveLength(4);
    const [canteen, detour, comment, untitled] = feed.items;
    expect(canteen).toEqual({
      guid: "qh-news-1001",
      url: "https://news.qinghe.example/2024/05/01/canteen.html?utm_source=rss",
      title: "柳溪镇中心小学食堂完成改造，学生吃上“放心餐”",
      text: "5月1日，柳溪镇中心小学新食堂正式投入使用。\n学校表示，食材全部由县里统一配送。",
      author: "青禾县融媒体中心",
      publishedAt: new Date("2024-05-01T01:30:00Z"),
    });
    expect(detour.guid).toBeNull();
    expect(detour.url).toBe("https://news.qinghe.example/2024/05/02/detour.html");
    expect(detour.title).toBe("石桥乡道路施工期间绕行提示");
    expect(detour.text).toBe("因石桥乡 S203 线改造，5月3日至6月30日实行半幅通行。\n请过往车辆提前绕行云岭街道。");
    expect(detour.author).toBe("县交通运输局");
    expect(detour.publishedAt).toEqual(new Date("2024-05-02T00:00:00Z"));
    expect(comment.text).toBe("留言内容：<script>alert(1)</script> 请管理员处理。");
    expect(untitled.title).toBe("云岭街道望江社区今天组织了义诊活动，县人民医院的医生为老人测血压、讲解用药知识，还给行动不便的老人上门量了血压，大家都说…"); // first 60 chars stand in
    expect(untitled.url).toBe("https://news.qinghe.example/2024/05/04/weibo.html");
    expect(untitled.publishedAt).toBeNull();
  });

  it("reads Atom: alternate link, content over summary, xml:base, text vs html vs xhtml", () => {
    const feed = parseFeed(fixture("atom.xml"), "application/atom+xml");
    expect(feed.title).toBe("青禾生态环境 <观察>");
    const [fish, rubbish, noise] = feed.items;
    expect(fish).toMatchObject({
      guid: "tag:blog.qinghe.example,2024:post-7",
      url: "https://blog.qinghe.example/posts/7.html",
      title: "柳溪河死鱼事件后续",
      text: "县生态环境局已对柳溪河下游取样送检。\n结果将于三个工作日内公布。",
      author: "县生态环境局",
    });
    expect(fish.publishedAt).toEqual(new Date("2024-05-05T01:00:00Z"));
    expect(rubbish.title).toBe("白沙乡垃圾清运时间调整 a<b");
    expect(rubbish.text).toBe("自5月6日起，白沙乡垃圾清运改为每天早晚各一次。");
    expect(rubbish.publishedAt).toEqual(new Date("2024-05-04T16:30:00Z"));
    expect(noise.url).toBe("https://other.qinghe.example/sub/noise.html");
    expect(noise.text).toBe("夜间施工噪音严重，居民反映 <多次> 无果。\n第二段");
  });

  it("reads RSS 1.0 / RDF with rdf:about as guid and dc:date", () => {
    const feed = parseFeed(fixture("rdf.xml"), null);
    expect(feed.title).toBe("青禾论坛 最新帖子");
    expect(feed.items.map((i) => i.guid)).toEqual(["https://bbs.qinghe.example/t/501", "https://bbs.qinghe.example/t/502"]);
    expect(feed.items[0]).toMatchObject({ title: "青禾大道早高峰堵了四十分钟", author: "青禾网友_小林" });
    expect(feed.items[0].publishedAt).toEqual(new Date("2024-05-05T23:45:00Z"));
  });

  it("reads RSS 0.91 with a Netscape DOCTYPE and HTML entities", () => {
    const feed = parseFeed(fixture("rss091.xml"), "text/xml");
    expect(feed.items[0]).toMatchObject({ title: "Café opens near No. 2 Middle School", text: "A new café & bookshop opened on Renmin Road." });
  });

  it("reads JSON Feed: content_html reduced, content_text kept, relative URL resolved, odd types tolerated", () => {
    const feed = parseFeed(fixture("jsonfeed.json"), "application/feed+json");
    expect(feed.title).toBe("青禾县教育局 通知公告");
    const [notice, check, odd] = feed.items;
    expect(notice).toMatchObject({ guid: "2024-0507-01", url: "https://edu.qinghe.example/notices/0507.html", author: "县教育局办公室" });
    expect(notice.text).toBe("各乡镇中心校：\n严禁以任何名义向学生收取资料费、补课费。");
    expect(check).toMatchObject({ guid: "20240508", text: "本次共检查校车46辆，\n发现问题3处，均已整改。", author: "县教育局安全科" });
    expect(check.publishedAt).toEqual(new Date("2024-05-08T07:00:00Z"));
    expect(odd).toMatchObject({ guid: "bad-types", title: "标题类型错误的条目仍应保留正文。", publishedAt: null });
  });

  it("resolves relative links against the fetched URL when the feed gives no base", () => {
    const body = Buffer.from(`<rss version="2.0"><channel><title>t</title><item><title>x</title><link>/p/1?a=1&b=2</link></item></channel></rss>`);
    const feed = parseFeed(body, "text/xml", "https://qinghe.example/rss");
    expect(feed.items[0].url).toBe("https://qinghe.example/p/1?a=1&b=2"); // bare & repaired, not rejected
  });

  it("drops javascript: links instead of passing them on", () => {
    const body = Buffer.from(`<rss><channel><item><title>x</title><link>javascript:alert(1)</link></item></channel></rss>`);
    expect(parseFeed(body, null).items[0].url).toBeNull();
  });
});

describe("parseFeed: encodings", () => {
  it("decodes a GBK feed named in its XML declaration", () => {
    const body = fixture("gbk.xml");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(body)).toThrow(); // really not UTF-8
    const feed = parseFeed(body, "text/xml");
    expect(feed.title).toBe("青禾县第二中学校园网");
    expect(feed.items[0]).toMatchObject({ title: "关于暑期补课收费问题的说明", text: "我校从未组织有偿补课，欢迎家长监督。", url: "http://www.qhez.example/news/show.asp?id=88&cat=2" });
  });

  it("decodes GBK even when the server wrongly claims UTF-8 or Latin-1", () => {
    expect(parseFeed(fixture("gbk.xml"), "text/xml; charset=utf-8").title).toBe("青禾县第二中学校园网");
    expect(parseFeed(fixture("gbk.xml"), "text/xml; charset=ISO-8859-1").title).toBe("青禾县第二中学校园网");
  });

  it("decodes a Big5 feed", () => {
    const feed = parseFeed(fixture("big5.xml"), null);
    expect(feed.title).toBe("青禾縣僑聯新聞");
    expect(feed.items[0].title).toBe("海外鄉親捐資修建石橋鄉圖書館");
  });

  it("honours the HTTP charset for GB18030, including four-byte characters", () => {
    const feed = parseFeed(fixture("gb18030.xml"), "application/rss+xml; charset=GB18030");
    expect(feed.title).toBe("云岭街道 𠀀 社区通讯");
    expect(feed.items[0]).toMatchObject({ title: "社区食堂开业 😀 欢迎品尝", text: "价格€实惠，老人八折。" });
  });

  it("lets a byte-order mark win over a wrong header", () => {
    const xml = `<?xml version="1.0"?><rss><channel><title>柳溪镇</title></channel></rss>`;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")]);
    expect(parseFeed(utf16, "text/xml; charset=gbk").title).toBe("柳溪镇");
  });
});
