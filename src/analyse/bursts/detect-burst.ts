// Burst detection (突增): is the last hour's volume abnormally high? Two tests must agree: the last
// hour against the previous 12 hours (a rise), and against the same hour on previous days (so a
// topic that is busy every morning at nine is not flagged every morning at nine); and the subject
// must have been observed for the whole baseline, so that a new watch or event is not a burst.
import { bilingual } from "../../shared/bilingual";

const DAY_HOURS = 24;
const RECENT_HOURS = 12;

/**
 * Hourly counts, oldest first; the last element is the current hour (13 to 192 elements expected).
 * `history` is how many whole hours before the last one the subject (a watch, an event) has been
 * observed; earlier elements are not counted (they are not zeros, they are unknown). Without it the
 * whole series is history.
 */
export type BurstInput = { hourly: readonly number[]; history?: number };

/** Burst thresholds. */
export type BurstOptions = {
  /** Fewest items in the last hour for a flag (default 5): three posts are never a burst. */
  minCount?: number;
  /** Least ratio of the last hour to the previous 12 hours' mean, both +1 (default 3). */
  ratio?: number;
  /** Least z-score of the last hour (default 3). */
  z?: number;
};

/** The verdict with its figures and the reasons ("中文 / English"). */
export type Burst = {
  flag: boolean;
  /** Whether the subject was observed for the whole baseline; if not, it is never flagged. */
  observed: boolean;
  lastHour: number;
  /** Mean items per hour over the 12 hours before the last one (the hours there are, if fewer). */
  baseline: number;
  /** lastHour / baseline, as a reader of the chart would work it out; null when the baseline is 0. */
  ratio: number | null;
  /** Against the same hour on previous days when there are any, else against the previous 12 hours. */
  z: number;
  sameHourMean: number | null;
  reasons: string[];
};

/** Whole hours of history a burst is judged on: the previous 12 hours must all have been observed. */
export const BASELINE_HOURS = RECENT_HOURS;

const round2 = (x: number): number => Math.round(x * 100) / 100;
const fmt = (x: number): string => x.toFixed(1);

function clean(hourly: readonly number[], history: number | undefined): number[] {
  const known = history === undefined || !Number.isFinite(history) ? hourly : hourly.slice(-Math.max(0, Math.floor(history)) - 1);
  return known.map((c) => (Number.isFinite(c) && c > 0 ? c : 0));
}

function meanAndSd(xs: readonly number[]): { mean: number; sd: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
  // Counts are roughly Poisson, so the spread is at least √mean; and at least 1, so that a quiet
  // history (all zeros) does not turn every single post into an infinite z.
  return { mean, sd: Math.max(Math.sqrt(variance), Math.sqrt(mean), 1) };
}

/**
 * Judges the last hour of an hourly series. A subject observed for less than BASELINE_HOURS before
 * the last hour is never flagged: everything looks like a rise against a history that is not there.
 */
export function detectBurst(input: BurstInput, options: BurstOptions = {}): Burst {
  const { minCount = 5, ratio: minRatio = 3, z: minZ = 3 } = options;
  const hourly = clean(input.hourly, input.history);
  if (!hourly.length) return { flag: false, observed: false, lastHour: 0, baseline: 0, ratio: null, z: 0, sameHourMean: null, reasons: [bilingual("无数据", "No data")] };
  const last = hourly.length - 1;
  const lastHour = hourly[last];
  const recent = hourly.slice(Math.max(0, last - RECENT_HOURS), last);
  const baseline = recent.length ? recent.reduce((a, b) => a + b, 0) / recent.length : 0;
  // The flag's ratio is smoothed (+1 on both sides) so that 0 → 3 is not an infinite rise; the
  // ratio shown is the plain one, so that it can be checked against the chart.
  const smoothed = (lastHour + 1) / (baseline + 1);
  const ratio = baseline > 0 ? round2(lastHour / baseline) : null;
  const sameHours: number[] = [];
  for (let i = last - DAY_HOURS; i >= 0; i -= DAY_HOURS) sameHours.push(hourly[i]);
  const base = sameHours.length ? meanAndSd(sameHours) : recent.length ? meanAndSd(recent) : { mean: 0, sd: 1 };
  const z = (lastHour - base.mean) / base.sd;
  const observed = recent.length >= BASELINE_HOURS;
  const flag = observed && lastHour >= minCount && smoothed >= minRatio && z >= minZ;
  const days = sameHours.length;
  const reasons = [
    ratio === null
      ? bilingual(`近1小时 ${lastHour} 条，前${RECENT_HOURS}小时没有`, `${lastHour} in the last hour, none in the previous ${RECENT_HOURS} hours`)
      : bilingual(
          `近1小时 ${lastHour} 条，前${RECENT_HOURS}小时平均每小时 ${fmt(baseline)} 条（${fmt(ratio)} 倍）`,
          `${lastHour} in the last hour, ${fmt(baseline)} an hour in the previous ${RECENT_HOURS} hours (${fmt(ratio)}×)`,
        ),
  ];
  if (days) {
    reasons.push(
      z >= minZ
        ? bilingual(`高于前${days}天同一时段（均值 ${fmt(base.mean)} 条）${fmt(z)} 个标准差`, `${fmt(z)} standard deviations above the same hour of the previous ${days} day(s) (mean ${fmt(base.mean)})`)
        : bilingual(`与前${days}天同一时段相近（均值 ${fmt(base.mean)} 条，z=${fmt(z)}）`, `Close to the same hour of the previous ${days} day(s) (mean ${fmt(base.mean)}, z=${fmt(z)})`),
    );
  } else reasons.push(bilingual(`无往日同一时段数据，按前${RECENT_HOURS}小时计 z=${fmt(z)}`, `No earlier days to compare; z=${fmt(z)} against the previous ${RECENT_HOURS} hours`));
  if (!observed) reasons.push(bilingual(`观察不足${RECENT_HOURS}小时（${recent.length}小时），不判断突增`, `Observed for less than ${RECENT_HOURS} hours (${recent.length}): not judged`));
  if (lastHour < minCount) reasons.push(bilingual(`近1小时不足 ${minCount} 条，不计为突增`, `Fewer than ${minCount} in the last hour: not a burst`));
  return { flag, observed, lastHour, baseline: round2(baseline), ratio, z: round2(z), sameHourMean: sameHours.length ? round2(base.mean) : null, reasons };
}
