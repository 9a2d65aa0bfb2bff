// The invented 青禾县 (Qinghe County): every name here is fictional. Slot fillers shared by
// all demo templates; a template names a slot as {town}, {school}, {road2} (a second, different road) …

/** Word lists for {slot} placeholders in demo templates. */
export const SLOT_WORDS: Record<string, readonly string[]> = {
  town: ["柳溪镇", "石桥乡", "云岭街道", "青石镇", "梅岭乡", "东关街道", "南湖镇", "白沙乡"],
  village: ["柳溪镇桃源村", "石桥乡下湾村", "云岭街道望江社区", "东关街道西门社区", "南湖镇荷塘村", "梅岭乡茶园村", "白沙乡新塘村", "青石镇石门村"],
  school: [
    "青禾县第二中学", "青禾县第一中学", "青禾县实验小学", "柳溪镇中心小学", "石桥乡初级中学",
    "云岭街道第三幼儿园", "青禾县职业中专", "南湖镇中心小学", "东关小学",
  ],
  grade: ["一年级", "三年级", "五年级", "初一", "初二", "初三", "高一", "高二"],
  teacher: ["王老师", "李老师", "陈老师", "刘老师", "周老师", "赵老师"],
  road: ["人民路", "青禾大道", "建设路", "滨河路", "文昌路", "解放街", "环城北路", "站前路", "柳溪大桥"],
  bus: ["3路", "5路", "7路", "12路", "K1路", "城乡2路"],
  river: ["青禾河", "柳溪河", "白沙河", "南湖"],
  company: ["鑫源化工厂", "云岭建材厂", "南湖食品加工厂", "青石石材厂", "东关印染厂"],
  hospital: ["县人民医院", "县中医院", "县妇幼保健院"],
  surname: ["王", "李", "张", "刘", "陈", "杨", "黄", "周", "吴"],
  crop: ["杨梅", "茶叶", "柑橘", "板栗", "莲藕", "猕猴桃"],
  time: ["早上七点", "早上七点半", "中午十二点", "傍晚五点多", "晚上十点多", "凌晨一点"],
  comment: ["太气人了", "希望有关部门重视", "点赞！", "关注一下", "这事我也遇到过", "转给需要的朋友", "求扩散", "等一个说法"],
};

/** Numeric slots: {money} {minutes} {days} {count} {month} {day}, drawn as [min, max, step]. */
export const SLOT_NUMBERS: Record<string, readonly [number, number, number]> = {
  money: [50, 800, 10],
  minutes: [30, 90, 5],
  days: [3, 30, 1],
  count: [3, 60, 1],
  month: [1, 12, 1],
  day: [1, 28, 1],
};

/** Residents who post complaints, praise and reposts. */
export const RESIDENT_AUTHORS: readonly string[] = [
  "青禾网友_小林", "柳溪老张", "家长_王女士", "云岭街道居民陈先生", "石桥乡村民老李", "青禾打工人",
  "南湖钓鱼佬", "热心市民刘阿姨", "东关街道_小周", "梅岭茶农阿强", "青禾吃瓜群众", "二中学生家长",
  "开出租的老杨", "白沙乡_晓雨", "青石镇小卖部老板", "退休教师赵老师",
];

/** Official and media accounts that post notices and responses. */
export const OFFICIAL_AUTHORS: readonly string[] = ["青禾发布", "青禾县融媒体中心", "青禾县政务服务中心", "今日青禾"];
