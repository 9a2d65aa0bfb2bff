// Demo storylines for health, local news and good deeds, so the ledger is not all complaints.
import type { TemplateGroup } from "./template";

/** Health: hospitals, clinics, public-health notices. */
const health: TemplateGroup[] = [
  {
    topic: "health", tone: "negative", voice: "resident", slots: { bureau: ["县卫生健康局"] },
    openings: ["说说这两天看病的经历。", "不吐不快。", "带家里老人看病，折腾了一整天。"],
    closings: ["希望{bureau}重视看病难的问题。", "小病都这么难，大病怎么办？"],
    stories: [
      { titles: ["{hospital}挂号排队两个小时，看病只用了三分钟"], details: ["早上七点就去排队，取号、缴费、检查每一步都要排长队。", "自助机一半是坏的，也没人指导老人操作。", "医生看了不到三分钟就开了一堆检查，前前后后花了{money}元。"] },
      { titles: ["{hospital}门口停车太难，救护车都被堵"], details: ["医院门口的{road}上车停得乱七八糟。", "下午一辆救护车被堵了好几分钟，司机急得直按喇叭。", "医院的停车场一直说要扩建，到现在也没动静。"] },
      { titles: ["{town}卫生院晚上没有医生值班"], details: ["晚上孩子发烧去{town}卫生院，值班室没人。", "打值班电话也没人接，只能打车去县城。", "镇上几万人，晚上连个看病的地方都没有。"] },
    ],
  },
  {
    topic: "health", tone: "positive", voice: "resident",
    openings: ["必须给白衣天使点个赞。", "一件让人感动的小事。"],
    closings: ["医者仁心，谢谢你们！", "有这样的医生，老百姓放心。"],
    stories: [
      { titles: ["{hospital}医生高铁上救人，青禾人的骄傲"], details: ["{hospital}的{surname}医生出差途中遇到乘客晕倒，第一时间上前施救。", "她跪在过道里做了十几分钟心肺复苏，直到乘客苏醒。", "下车时她只说了一句：这是医生该做的。"] },
      { titles: ["{hospital}急诊科护士耐心细致，点赞"], details: ["凌晨带老人看急诊，护士一路推着轮椅做检查。", "还帮忙联系了在外地的家属。", "忙了一整夜，脸上始终带着笑。"] },
      { titles: ["{hospital}专家下乡义诊，{village}老人在家门口看病"], details: ["专家团队为{village}的{count}多位老人免费测血压、血糖。", "还一对一讲解慢病用药知识。", "老人们说，不用进城就见到了专家。"] },
    ],
  },
  {
    topic: "health", tone: "neutral", voice: "official",
    openings: ["", "{month}月{day}日，", "县卫生健康局提醒，"],
    closings: ["咨询电话：12345。", "请相互转告。"],
    stories: [
      { titles: ["县卫生健康局：开展适龄儿童疫苗查漏补种"], details: ["家长可携带预防接种证到所在乡镇卫生院查验。", "需要补种的儿童免费接种。", "查漏补种工作持续到{month}月底。"] },
      { titles: ["{hospital}门诊楼改造期间就诊指引"], details: ["改造期间，内科、外科门诊临时搬到住院部一楼。", "急诊、发热门诊不受影响。", "请就诊群众按指示牌就医。"] },
      { titles: ["城乡居民医保开始缴费"], details: ["参保群众可通过手机银行或村（社区）代办点缴费。", "特困人员、低保对象个人缴费部分由财政资助。", "缴费截止时间为{month}月底。"] },
    ],
  },
];

/** Local news: harvests, job fairs, weather, outages, new facilities. */
const local: TemplateGroup[] = [
  {
    topic: "local", tone: "neutral", voice: "official",
    openings: ["", "{month}月{day}日，", "记者从{town}获悉，"],
    closings: ["", "详情请关注青禾发布。"],
    stories: [
      { titles: ["{town}{crop}喜获丰收"], details: ["今年{town}种植{crop}{count}00余亩。", "预计收入比去年增长两成。", "镇里还组织了电商培训，帮助农户拓宽销路。"] },
      { titles: ["{town}举办招聘会，提供岗位{count}0个"], details: ["招聘会吸引{count}家企业参加。", "岗位涉及制造、物流、养老护理等行业。", "现场达成就业意向{count}0余人。"] },
      { titles: ["青禾县气象台发布暴雨蓝色预警"], details: ["预计未来24小时全县有强降雨，请注意防范山洪和地质灾害。", "低洼地带和河道两侧的群众请及时转移。", "请提前做好准备。"] },
      { titles: ["{town}停电检修通知"], details: ["因线路检修，{village}等地将于上午八点至下午五点停电。", "请{town}的用户提前做好准备。", "检修完毕后将立即恢复供电。"] },
    ],
  },
  {
    topic: "local", tone: "positive", voice: "resident",
    openings: ["家乡的变化越来越大。", "给家乡打个广告。"],
    closings: ["欢迎大家来青禾玩！", "越来越好了。"],
    stories: [
      { titles: ["{town}的{crop}今年卖到了省城"], details: ["{crop}通过电商卖到了外地。", "好多在外打工的年轻人回来帮忙。", "村里还办起了采摘节。"] },
      { titles: ["家门口的文化广场建好了"], details: ["晚饭后带孩子去广场转转，跳舞的、下棋的、滑滑板的，热闹得很。", "广场还有免费的健身器材和儿童游乐区。", "周末有露天电影。"] },
      { titles: ["{village}修通了水泥路"], details: ["以前下雨天路上全是泥。", "现在{village}的水泥路一直修到了家门口。", "农产品运出去方便多了。"] },
    ],
  },
];

/** Good deeds: sanitation workers, volunteers, rescuers. */
const praise: TemplateGroup[] = [
  {
    topic: "praise", tone: "positive", voice: "resident",
    openings: ["今天看到一件暖心事。", "正能量，必须转。"],
    closings: ["平凡人的善举，温暖了一座小城。", "青禾有你们真好！", "这样的正能量值得转发。"],
    stories: [
      { titles: ["{town}环卫工人拾金不昧"], details: ["环卫工{surname}阿姨清扫时捡到一个钱包，里面有现金和证件。", "她在原地等了一个多小时，终于等到了失主。", "失主要给她酬谢，她摆摆手就走了。"] },
      { titles: ["为{road}上扶起摔倒老人的小伙点赞"], details: ["老人骑车摔倒在{road}边。", "一个路过的小伙子扶起老人，又帮忙联系了家属。", "等家属赶到，小伙子悄悄离开了。"] },
      { titles: ["{village}志愿者帮留守老人抢收稻谷"], details: ["眼看要下雨，志愿者们一起上阵。", "半天就帮{count}户老人把稻谷收进了屋。", "老人们拉着志愿者的手不停道谢。"] },
      { titles: ["外卖小哥跳进{river}救起落水儿童"], details: ["听到呼救声，外卖小哥来不及脱衣服就跳进了{river}。", "他把孩子托上了岸，自己却差点没了力气。", "送完最后一单，他才回家换衣服。"] },
    ],
  },
];

/** Storylines for health, local news and praise posts. */
export const COMMUNITY_GROUPS: readonly TemplateGroup[] = [...health, ...local, ...praise];
