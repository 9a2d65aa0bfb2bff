// A county news draft and what outlets make of it, for the "same article" threshold of proposals.ts.

/** The approved draft's title. */
export const DRAFT_TITLE = "青禾县开展秋季森林防火专项检查";
/** Its four paragraphs. */
export const DRAFT_PARAS = [
  "11月20日，青禾县应急管理局联合县林业局、各乡镇组成5个检查组，对全县重点林区开展为期一周的秋季森林防火专项检查。",
  "检查组深入柳溪镇、石门乡等12个乡镇的林区、景区和墓地，重点查看防火物资储备、护林员巡山记录、野外用火管理和宣传警示标识设置等情况，现场发现隐患23处，已当场整改17处，其余限期一周内整改到位。",
  "县应急管理局相关负责人介绍，今年入秋以来全县降水偏少，林区可燃物载量高，森林火险等级持续偏高。全县已落实护林员326名，储备风力灭火机、二号工具等扑火物资4000余件，组建半专业扑火队伍15支。",
  "下一步，该县将严格落实森林防火责任制，加强野外火源管控，利用无人机、视频监控等手段开展全天候巡查，确保全县森林资源安全。",
] as const;
/** The draft's body. */
export const DRAFT_BODY = DRAFT_PARAS.join("\n");
const [p1, p2, p3, p4] = DRAFT_PARAS;

/** Published forms of the draft: [what changed, title, body]. */
export const PUBLISHED_VARIANTS: [string, string, string][] = [
  ["headline changed", "青禾：五个检查组进林区查隐患", DRAFT_BODY],
  ["a paragraph cut", DRAFT_TITLE, [p1, p2, p4].join("\n")],
  ["headline changed, byline lead added, a paragraph cut", "青禾：五个检查组进林区查隐患", ["本报讯（记者 王明 通讯员 李华）" + p1, p2, p4].join("\n")],
  ["words edited, source line appended", "青禾县开展森林防火检查",
    [p1.replace("为期一周的", ""), p2.replace("现场发现隐患23处，已当场整改17处，其余限期一周内整改到位。", "共发现隐患23处，当场整改17处。"), p3, p4.replace("下一步，", "")].join("\n") + "\n（来源：青禾日报 编辑：张三）"],
  ["feed carries the first two paragraphs only", "青禾：五个检查组进林区查隐患", [p1, p2].join("\n")],
  ["feed carries the first paragraph only", DRAFT_TITLE, p1],
];

/** Other articles: [what they are, title, body]. */
export const OTHER_ARTICLES: [string, string, string][] = [
  ["same topic, another township's meeting", "石门乡召开森林防火工作部署会",
    "11月18日，石门乡召开秋冬季森林防火工作部署会，乡党委书记出席会议并讲话。会议通报了近期全乡森林防火工作情况，对各村护林员巡山、野外用火审批、防火宣传等工作作出具体安排。会议要求，各村要克服麻痹思想，严格落实网格化管理，发现火情第一时间报告，坚决守住不发生重大森林火灾的底线。"],
  ["same event, a reporter's own piece", "青禾县应急管理局：入秋以来森林火险等级偏高",
    "记者从青禾县应急管理局获悉，今年入秋以来全县降水偏少，森林火险等级持续偏高。该局提醒广大群众，进入林区严禁携带火种，祭祀请文明低碳，发现火情请立即拨打12119报警。据了解，全县近期组织开展了森林防火专项检查，发现并整改了一批隐患。"],
  ["a short notice quoting the draft's opening words", "", "青禾县应急管理局联合县林业局开展检查"],
];
