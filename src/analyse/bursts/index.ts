// Burst detection (突增): the public surface of src/analyse/bursts.
export { BASELINE_HOURS, detectBurst, type Burst, type BurstInput, type BurstOptions } from "./detect-burst";
export { BURST_STEP_MS, burstEnd, HOUR_MS, hourIndex, hourlyCounts, hourlySeries } from "./hourly-counts";
