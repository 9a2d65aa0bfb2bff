// Burst detection (突增): is the last hour's volume abnormally high? Two tests must agree: the last
// hour against the previous 12 hours (a rise), and against the same hour on previous days (so a
// topic that is busy every morning at nine is not flagged every morning at nine).
import { bilingual } from "../../shared/bilingual";

const DAY_HOURS = 24;
const RECENT_HOURS = 12;

/** Hourly counts, oldest first; the last element is the current hour (13 to 192 elements expected). */
export type BurstInput = { hourly: readonly number[] };

/** Burst thresholds. */
export type BurstOptions = {
  /** Fewest items in the last hour for a flag (default 5): three posts are never a burst. */
  minCount?: number;
  /** Least ratio of the last hour to the previous 12 hours' mean, +1 smoothed (default 3). */
  ratio?: number;
  /** Least z-score of the last hour (default 3). */
  z?: number;
};

/** The verdict with its figures and the reasons ("中文 / English"). */
export type Burst = {
  flag: boolean;
  lastHour: number;
  /** (last hour + 1) / (mean of the previous 12 hours + 1). */
  ratio: number;
  /** Against the same hour on previous days when there are any, else against the previous 12 hours. */
  z: number;
  sameHourMean: number | null;
  reasons: string[];
};

const round2 = (x: number): number => Math.round(x * 100) / 100;
const fmt = (x: number): string => x.toFixed(1);

function clean(hourly: readonly number[]): number[] {
  return hourly.map((c) => (Number.isFinite(c) && c > 0 ? c : 0));
}

function meanAndSd(xs: readonly number[]): { mean: number; sd: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
  // Counts are roughly Poisson, so the spread is at least √mean; and at least 1, so that a quiet
  // history (all zeros) does not turn every single post into an infinite z.
  return { mean, sd: Math.max(Math.sqrt(variance), Math.sqrt(mean), 1) };
}

/** Judges the last hour of an hourly series. Shorter history is judged against the hours there are. */
export function detectBurst(input: BurstInput, options: BurstOptions = {}): Burst {
  const { minCount = 5, ratio: minRatio = 3, z: minZ = 3 } = options;
  const hourly = clean(input.hourly);
  if (!hourly.length) return { flag: false, lastHour: 0, ratio: 1, z: 0, sameHourMean: null, reasons: [bilingual("无数据", "No data")] };
  const last = hourly.length - 1;
  const lastHour = hourly[last];
  const recent = hourly.slice(Math.max(0, last - RECENT_HOURS), last);
  const recentMean = recent.length ? recent.reduce((a, b) => a + b, 0) / recent.length : 0;
  const ratio = (lastHour + 1) / (recentMean + 1);
  const sameHours: number[] = [];
  for (let i = last - DAY_HOURS; i >= 0; i -= DAY_HOURS) sameHours.push(hourly[i]);
  const base = sameHours.length ? meanAndSd(sameHours) : recent.length ? meanAndSd(recent) : { mean: 0, sd: 1 };
  const z = (lastHour - base.mean) / base.sd;
  const flag = lastHour >= minCount && ratio >= minRatio && z >= minZ;

  const days = sameHours.length;
  const reasons = [
    bilingual(`近1小时 ${lastHour} 条，是前${RECENT_HOURS}小时均值的 ${fmt(ratio)} 倍`, `${lastHour} in the last hour, ${fmt(ratio)}× the mean of the previous ${RECENT_HOURS} hours`),
  ];
  if (days) {
    reasons.push(
      z >= minZ
        ? bilingual(`高于前${days}天同一时段（均值 ${fmt(base.mean)} 条）${fmt(z)} 个标准差`, `${fmt(z)} standard deviations above the same hour of the previous ${days} day(s) (mean ${fmt(base.mean)})`)
        : bilingual(`与前${days}天同一时段相近（均值 ${fmt(base.mean)} 条，z=${fmt(z)}）`, `Close to the same hour of the previous ${days} day(s) (mean ${fmt(base.mean)}, z=${fmt(z)})`),
    );
  } else reasons.push(bilingual(`无往日同一时段数据，按前${RECENT_HOURS}小时计 z=${fmt(z)}`, `No earlier days to compare; z=${fmt(z)} against the previous ${RECENT_HOURS} hours`));
  if (recent.length < RECENT_HOURS) reasons.push(bilingual(`历史不足${RECENT_HOURS}小时（${recent.length}小时）`, `Less than ${RECENT_HOURS} hours of history (${recent.length})`));
  if (lastHour < minCount) reasons.push(bilingual(`近1小时不足 ${minCount} 条，不计为突增`, `Fewer than ${minCount} in the last hour: not a burst`));
  return { flag, lastHour, ratio: round2(ratio), z: round2(z), sameHourMean: sameHours.length ? round2(base.mean) : null, reasons };
}
