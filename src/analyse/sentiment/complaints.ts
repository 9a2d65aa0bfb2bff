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
];

/** How many complaint constructions a normalised text contains (each counted once). */
export function countComplaints(text: string): number {
  let n = 0;
  for (const re of PATTERNS) if (re.test(text)) n++;
  return n;
}
