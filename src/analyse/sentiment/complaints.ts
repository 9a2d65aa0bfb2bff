// Constructions of complaint that carry no strongly coloured word, so the lexicon misses them
// however politely they are put: 乱停乱放, 严重影响休息, 多次反映至今没人处理, 麻烦管一管.
// Written by hand for Tingfeng; each pattern is a construction, not a phrase from one post.

const PATTERNS: readonly RegExp[] = [
  // 乱 + a verb of using or charging: doing it where or how one should not (not 严禁乱停乱放, 不再乱收).
  /(?<!禁止|严禁|勿|不|别|莫|没有人|没人|再也没有?人?|乱[\u4e00-\u9fff])乱(?:收|罚|停|放|倒|扔|丢|建|搭|占|贴|排|挖|砍|扣|开|涨|要)/,
  // Harm done to daily life.
  /(?<![不没未无免]|不会|不能|不致|避免|减少|防止|降低)影响(?:了|到)?(?:居民|市民|群众|大家|我们|周边|附近|正常|我|小区)?的?(?:生活|休息|睡眠|出行|通行|工作|学习)/,
  // Repeated attempts that went nowhere.
  /(?:多次|反复|一再|几次|好几次|屡次)(?:反映|投诉|举报|打电话|联系|找|上报|反应)/,
  /(?:至今|一直|迟迟|始终|还是|仍然|依然)(?:没|没有|未|不见|无人)(?:人)?(?:处理|解决|回复|回应|答复|维修|修|管|来|落实|整改|退)/,
  // Asking someone to step in: 管一管, 管管吧, 能不能管.
  /管(?:一)?管|管一下|有人管吗|能不能管|谁来处理|给个说法|给个交代|讨个说法/,
  // Scolding: V什么V (吵什么吵, 看什么看; not 说什么说的), whatever verb fills it.
  /([\u4e00-\u9fff])(?:什么|啥)\1(?![\u4e00-\u9fff]?的)/,
  // Rhetorical exasperation: 算哪门子, 有完没完, 让不让人…, 能不能别…, 敢不敢…, 是不是傻.
  /哪门子|有完没完|没完没了|还让不让|让不让人|(?:能不能|可不可以|能否)(?:别|不要)|敢不敢|是不是傻|有病吧|脑子进水|什么鬼/,
  // Dismissal closing a clause: 有什么好怕的。 还有什么可说的! (有什么好吃的? is a real question).
  /有(?:什么|啥)(?:好|可)[\u4e00-\u9fff]{1,2}的(?=[,，。.!！~…\s]|$)/,
];

/** How many complaint constructions a normalised text contains (each counted once). */
export function countComplaints(text: string): number {
  let n = 0;
  for (const re of PATTERNS) if (re.test(text)) n++;
  return n;
}
