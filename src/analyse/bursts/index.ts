// Burst detection (突增): the public surface of src/analyse/bursts.
export { detectBurst, type Burst, type BurstInput, type BurstOptions } from "./detect-burst";
export { HOUR_MS, hourlyCounts, hourlySeries } from "./hourly-counts";
