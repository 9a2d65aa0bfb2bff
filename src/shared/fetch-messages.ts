// What a failed fetch says to a person, by stable code, in both UI languages. The server stores
// the code and the zh-CN text on the source row; the web renders the code in the reader's language.
// None of these texts may carry any part of a response body or an operating-system error code.

/** UI languages these messages are written in. */
export type FetchMessageLang = "zh-CN" | "en";

/** One message in every language; `{name}` marks a parameter. */
export type FetchMessage = Record<FetchMessageLang, string>;

/** Every fetch/feed failure a source row can record, by stable code. */
export const FETCH_MESSAGES = {
  "fetch.blocked_address": {
    "zh-CN": "目标地址为内网/本机地址，已拒绝抓取（如确需抓取，请由管理员加入 TINGFENG_FETCH_ALLOW_HOSTS）",
    en: "The address is internal or local, so it was not fetched (an administrator can allow it with TINGFENG_FETCH_ALLOW_HOSTS).",
  },
  "fetch.credentials_in_url": {
    "zh-CN": "地址中不能包含用户名或密码",
    en: "The address must not contain a user name or password.",
  },
  "fetch.bad_url": {
    "zh-CN": "地址无效，或不是 http(s) 地址（包括跳转后的地址）",
    en: "The address (or one it redirects to) is not a valid http(s) URL.",
  },
  "fetch.network": {
    "zh-CN": "无法连接到该网站；请检查地址是否正确、网站是否在线，稍后会自动重试",
    en: "Could not connect to the site; check the address and that the site is up. It will be retried.",
  },
  "fetch.timeout": {
    "zh-CN": "网站未在规定时间内返回订阅内容，可能较慢或过载，稍后会自动重试",
    en: "The site did not deliver the feed in time; it may be slow or overloaded. It will be retried.",
  },
  "fetch.too_large": {
    "zh-CN": "响应超过抓取大小上限，订阅源不应这么大；请检查地址",
    en: "The response is over the fetch size limit; a feed should be far smaller. Check the address.",
  },
  "fetch.too_many_redirects": {
    "zh-CN": "跳转次数过多（超过 5 次），网站可能陷入跳转循环",
    en: "More than 5 redirects; the site may be in a redirect loop.",
  },
  "fetch.bad_content_type": {
    "zh-CN": "该地址返回的是图片、文档等文件，不是订阅源；请使用 RSS/Atom/JSON Feed 地址",
    en: "The address serves a file such as an image or document, not a feed. Use the RSS/Atom/JSON Feed address.",
  },
  "fetch.http_not_found": {
    "zh-CN": "网站返回 404/410：订阅源已不在此地址，请到网站上核对地址",
    en: "The site answered 404/410: the feed is no longer at this address; check it on the site.",
  },
  "fetch.http_forbidden": {
    "zh-CN": "网站返回 401/403：拒绝访问，可能需要登录或屏蔽了自动抓取",
    en: "The site answered 401/403: access refused; it may need a login or block automated readers.",
  },
  "fetch.http_rate_limited": {
    "zh-CN": "网站返回 429：请求过于频繁，稍后会以更长间隔重试",
    en: "The site answered 429: too many requests; it will be retried later with a longer interval.",
  },
  "fetch.http_server_error": {
    "zh-CN": "网站服务器出错（HTTP 5xx），稍后会自动重试",
    en: "The site has a server error (HTTP 5xx); it will be retried later.",
  },
  "fetch.http_status": {
    "zh-CN": "网站返回 HTTP {status}（应为 200）",
    en: "The site answered HTTP {status} (expected 200).",
  },
  "fetch.failed": {
    "zh-CN": "抓取失败，稍后会自动重试",
    en: "The fetch failed; it will be retried.",
  },
  "feed.empty": {
    "zh-CN": "网站返回了空内容，订阅源可能暂时不可用",
    en: "The site returned an empty response; the feed may be temporarily unavailable.",
  },
  "feed.malformed": {
    "zh-CN": "订阅源格式损坏，无法解析（可能被截断）；请在浏览器中打开地址检查",
    en: "The feed is broken and cannot be read (it may be truncated); open the address in a browser to check.",
  },
  "feed.not_a_feed": {
    "zh-CN": "该地址返回的不是订阅源（RSS/Atom/JSON Feed）；如是网页，请在网站上找到其 RSS 链接",
    en: "The address does not return a feed (RSS/Atom/JSON Feed); if it is a web page, find the site's RSS link.",
  },
  "fetch.robots_disallowed": {
    "zh-CN": "网站的 robots.txt 不允许抓取该地址；如确需抓取，请由管理员在来源设置中选择忽略 robots.txt",
    en: "The site's robots.txt does not allow fetching this address; an administrator can choose to ignore robots.txt in the source's settings.",
  },
  "html.no_items": {
    "zh-CN": "列表选择器未匹配到任何条目，页面结构可能已改变；请检查来源的选择器设置",
    en: "The item selector matched nothing on the list page; the page layout may have changed. Check the source's selectors.",
  },
  "json.malformed": {
    "zh-CN": "接口返回的不是有效的 JSON；请在浏览器中打开地址检查",
    en: "The API did not return valid JSON; open the address in a browser to check.",
  },
  "json.not_array": {
    "zh-CN": "JSON 列表路径没有指向数组；请检查字段映射中的列表路径",
    en: "The JSON list path does not point to an array; check the list path in the field mapping.",
  },
  "source.bad_config": {
    "zh-CN": "来源设置不完整或无效；请编辑来源并检查选择器或字段映射",
    en: "The source's settings are incomplete or invalid; edit the source and check its selectors or field mapping.",
  },
  "fetch.robots_unreachable": {
    "zh-CN": "无法读取网站的 robots.txt（网站出错、超时或文件过大），为遵守抓取规则本次未抓取；网站恢复后会自动重试",
    en: "The site's robots.txt could not be read (server error, timeout or file too large), so nothing was fetched this time; it is retried once the site recovers.",
  },
} as const satisfies Record<string, FetchMessage>;

/** A code of FETCH_MESSAGES. */
export type FetchMessageCode = keyof typeof FETCH_MESSAGES;

/** Parameters for `{name}` placeholders. */
export type FetchMessageParams = Record<string, string | number>;

/** True when `code` is one of FETCH_MESSAGES (a stored code may come from a newer or older server). */
export function isFetchMessageCode(code: string): code is FetchMessageCode {
  return Object.prototype.hasOwnProperty.call(FETCH_MESSAGES, code);
}

/** The message for `code` in `lang` with its placeholders filled, or null when a placeholder has no parameter. */
export function renderFetchMessage(code: FetchMessageCode, lang: FetchMessageLang, params: FetchMessageParams = {}): string | null {
  let missing = false;
  const text = FETCH_MESSAGES[code][lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name in params) return String(params[name]);
    missing = true;
    return whole;
  });
  return missing ? null : text;
}
