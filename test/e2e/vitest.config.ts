import { defineConfig } from "vitest/config";

// End-to-end flows in headless Debian Chromium; run after `npm run build:web`.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    pool: "forks",
    fileParallelism: false,
  },
});
