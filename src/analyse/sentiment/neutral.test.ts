import { describe, expect, it } from "vitest";
import { analyseSentiment } from "./index";
import { countComplaints } from "./complaints";
import { readRegister } from "./register";

const label = (text: string) => analyseSentiment(text).label;

// Made-up posts of a county's offices and residents, written for these tests.
const POWER_NOTICE = "【停电通知】因线路检修，城关镇部分区域将于3月12日8:00至18:00停电，请广大用户提前做好准备。特此通知。";
const RAIN_WARNING = "县气象台发布暴雨蓝色预警：预计今天夜间到明天白天，全县大部分地区有大到暴雨，请注意防范。";
const ROAD_WORKS = "根据工作安排，人民路（解放路至建设路段）将于5月6日起封闭施工，施工期间请绕行。";
const CRASH_REPORT = "昨日下午，城南高速发生一起两车追尾事故，造成1人受伤，伤者已送医救治。";
const FIGURES = "截至6月3日，全县累计接种疫苗12.6万剂次，当日新增确诊病例0例。";
const HALL_NOTICE = "【通知】县政务中心将于元旦期间暂停办理业务。";

describe("neutral: text that informs rather than judges", () => {
  it("reads notices, schedules, warnings and plain reports as neutral", () => {
    for (const text of [POWER_NOTICE, RAIN_WARNING, ROAD_WORKS, CRASH_REPORT, FIGURES]) expect(label(text)).toBe("neu");
  });

  it("does not take a negative topic word alone for a negative opinion", () => {
    expect(label("今晚有暴雨，明天上午停电检修。")).toBe("neu");
    expect(label("北门菜市场附近施工，东西两侧路段临时封闭。")).toBe("neu");
    expect(label("受强降雨影响，部分乡镇道路积水，相关部门正在抢修。")).toBe("neu");
    // The same topic voiced by someone who suffers it is a complaint.
    expect(label("又停电了！！热死了")).toBe("neg");
  });

  it("still counts an evaluation inside a notice", () => {
    expect(label(POWER_NOTICE)).toBe("neu");
    expect(label(HALL_NOTICE)).toBe("neu");
    expect(label(`${HALL_NOTICE}工作人员态度特别差，排了三个小时队还被推来推去。`)).toBe("neg");
    expect(label(`${POWER_NOTICE}又停电！这个月已经第三次了，太离谱了！`)).toBe("neg");
    expect(label("关于调整公交线路的通知：自5月1日起，12路公交改道运行。这次调整非常贴心，大大方便了沿线居民出行。")).toBe("pos");
  });

  it("asks edited prose for more than two ordinary opinion words; a speaker needs fewer", () => {
    expect(label("老街的小吃店环境优美，交通便利。")).toBe("neu");
    expect(label("老街的小吃店环境优美，交通便利，价格实惠。")).toBe("pos");
    expect(label("我觉得老街的小吃店环境优美，交通便利。")).toBe("pos");
    expect(label("老街的小吃店环境优美，交通便利！")).toBe("pos");
  });

  it("reads a run of ? after a space as lost characters, not as a question", () => {
    expect(label("县图书馆明天开放啦 ??")).toBe("neu");
    expect(label("?? 县图书馆明天开放啦")).toBe("neu");
    // Asked after a word, it is still a question a speaker puts (a faint complaint).
    expect(label("县图书馆明天开放啦??")).toBe("neg");
  });

  it("reads a first-person post without a coloured word as a faint complaint, a first-person notice as neutral", () => {
    const r = analyseSentiment("我在车站等了两个小时");
    expect(r.label).toBe("neg");
    expect(Math.abs(r.score)).toBeLessThan(0.3);
    expect(label("我们县将于5月1日起开放新馆，开放时间9:00至17:00。")).toBe("neu");
    expect(label("我市将于5月1日起实施新规定")).toBe("neu");
  });

  it("keeps a neutral verdict's score inside the neutral band, whichever way the text leans", () => {
    for (const text of [POWER_NOTICE, RAIN_WARNING, CRASH_REPORT]) {
      const r = analyseSentiment(text);
      expect(r.label).toBe("neu");
      expect(Math.abs(r.score)).toBeLessThan(0.1);
    }
  });
});

describe("complaints: negative however politely put", () => {
  it("reads polite requests about a nuisance as negative", () => {
    expect(label("楼下烧烤店每天营业到凌晨两点，严重影响居民休息，希望相关部门能处理一下。")).toBe("neg");
    expect(label("麻烦城管管一管，夜市摊位天天占道经营，谢谢。")).toBe("neg");
    expect(label("您好，我们小区门口天天有人乱停车，麻烦有关部门管一管，谢谢。")).toBe("neg");
  });

  it("leaves prohibitions and things that will not happen alone", () => {
    expect(countComplaints("小区内严禁乱停乱放")).toBe(0);
    expect(countComplaints("施工期间不会影响居民正常生活")).toBe(0);
    expect(countComplaints("多次反映至今没人处理")).toBe(2);
  });

  it("reads scolding and exasperated questions as complaints whatever words fill them", () => {
    expect(label("楼上天天半夜装修，还让不让人睡觉了")).toBe("neg");
    expect(label("这也算哪门子便民服务")).toBe("neg");
    expect(label("广场舞音响吵什么吵，有完没完")).toBe("neg");
    expect(label("能不能别在楼道里堆东西")).toBe("neg");
    expect(countComplaints("你说什么说的都对")).toBe(0);
    expect(countComplaints("附近有什么好吃的?")).toBe(0);
    expect(countComplaints("这点小事有什么好怕的。")).toBe(1);
  });
});

describe("register cues", () => {
  it("tells a speaker's cues from a notice's", () => {
    expect(readRegister("我市将于5月1日起实施新规定").personal).toBe(0);
    expect(readRegister("我觉得服务太差了吧").personal).toBeGreaterThan(0);
    expect(readRegister("根据通知,将于5月1日起实施").informative).toBeGreaterThan(1);
  });

  it("counts bracket codes as a speaker's cue only when they are faces", () => {
    expect(readRegister("城关镇[视频]").personal).toBe(0);
    expect(readRegister("城关镇[组图共3张]").personal).toBe(0);
    expect(readRegister("城关镇[微笑]").personal).toBe(1);
  });
});
