// Weibo bracket emoticons ([怒], [赞]), emoji and a few kaomoji, with polarity weights written
// by hand. Bracket codes are matched lower-cased, because normalisation lower-cases the text.

/** Bracket emoticons as typed on Weibo and similar platforms, without the brackets. */
export const BRACKET_EMOTICONS: ReadonlyMap<string, number> = new Map([
  ...codes("太开心 哈哈 爱你 心 爱心 赞 中国赞 武汉加油 打call 噢耶 给力 威武", 1.6),
  ...codes("嘻嘻 偷笑 good 鼓掌 耶 可爱 亲亲 憧憬 星星眼 加油 笑cry 得意地笑 鲜花 蛋糕 礼物 " +
    "红包 花心 色 舔屏 好喜欢 平安 点亮平安灯 奋斗 干杯 庆祝 心动 飞吻 haha", 1.2),
  ...codes("害羞 ok 握手 作揖 祈祷 酷 抱一抱 抱抱 馋嘴 挤眼 坏笑 太阳 哇 喵喵 鬼脸 笑而不语 " +
    "最右 来 顶 月亮 微风 钱 污 互粉 兔子 熊猫 二哈 音乐", 0.6),
  ...codes("doge", 0),
  ...codes("允悲 挖鼻 摊手 疑问 哈欠 浮云 猪头 汗 困 吃惊 跪了 费解", -0.4),
  ...codes("微笑", -0.5),
  ...codes("晕 黑线 囧 阴险 闭嘴 打脸 酸 白眼 哼 左哼哼 右哼哼 骷髅 弱 no 不要 口罩 生病 感冒 衰", -0.9),
  ...codes("泪", -0.7),
  ...codes("可怜 委屈 吐 失望 惊恐 害怕 苦涩 裂开 泪奔 哆啦a梦害怕 蜡烛", -1.3),
  ...codes("怒 怒骂 抓狂 鄙视 悲伤 伤心 心碎 草泥马 生气 愤怒 哭 大哭", -1.8),
]);

/** Emoji by code point (variation selectors stripped). */
export const EMOJI: ReadonlyMap<string, number> = new Map([
  ...codes("😍 🥰 😘 ❤ 💕 💖 💗 💓 💞 💘 💝 ♥ 👍 👏 🎉 🎊 🥳 🤩 💯 🏆", 1.5),
  ...codes("😄 😃 😀 😁 😆 😊 ☺ 🤣 😂 😋 😎 🤗 😇 💪 🌹 💐 🌸 🌺 🌷 🍀 🌈 ✨ ✌ 👌 🙌 🎂 🎁 😻 😸", 1.0),
  ...codes("🙏 ☀ 🌞 😉 😏 😌 🤤 🔥 🌟 ⭐", 0.5),
  ...codes("🙂", -0.4),
  ...codes("😐 😑 🙃 😶 🤔 😬 😷 🥺 💀 😪 😴", -0.3),
  ...codes("😅 😓 😕 🙁 ☹ 😟 😔 😞 😒 🙄 😳 😵 🤯 🥶 🥵 🤒 🤕 🤦 🤷 👎 💧", -0.8),
  ...codes("😭 😢 😥 😰 😨 😱 😫 😩 😖 😣 💔 😿 🕯 🤮 🤢 😤", -1.3),
  ...codes("😡 😠 🤬 👿 😾 🖕", -1.8),
]);

/** Text emoticons that survive lower-casing. */
export const KAOMOJI: ReadonlyMap<string, number> = new Map([
  ...codes(":) :-) :d ^_^ ^o^ ^^ (^_^) o(∩_∩)o (*^__^*) ^_^y ≧▽≦ (≧∇≦) ヾ(≧▽≦*)o", 1.0),
  ...codes(":( :-( t_t t.t qaq qwq orz o(╥﹏╥)o ╥﹏╥ (╯‵□′)╯ ┭┮﹏┭┮ >_< -_-||", -1.0),
]);

const LONGEST_CODE = Math.max(...[...BRACKET_EMOTICONS.keys()].map((c) => c.length));
// One-character codes that still mean themselves inside a longer code; 来 or 钱 inside
// [来源:新华社] would not.
const TELLING_CHARS = new Set(["心", "赞", "泪", "怒", "哭", "汗", "晕", "衰", "吐"]);

// Platforms keep adding variants, so an unknown code that contains a known one ([赞啊],
// [笑哈哈]) takes its weight.
/** Weight of a bracket code such as "赞" or "给你小心心", or undefined when it is not a face. */
export function bracketValue(code: string): number | undefined {
  const exact = BRACKET_EMOTICONS.get(code);
  if (exact !== undefined) return exact;
  for (let len = Math.min(LONGEST_CODE, code.length - 1); len >= 1; len--) {
    for (let i = 0; i + len <= code.length; i++) {
      const part = code.slice(i, i + len);
      const value = BRACKET_EMOTICONS.get(part);
      if (value !== undefined && (len > 1 || TELLING_CHARS.has(part))) return value;
    }
  }
  return undefined;
}

function codes(list: string, value: number): [string, number][] {
  return list.split(" ").map((c) => [c, value]);
}
