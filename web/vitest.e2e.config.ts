import { defineConfig } from "vitest/config"

// The browser test: real headless Chromium against a dev chain (see e2e/portal.e2e.ts).
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    testTimeout: 900_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
})
