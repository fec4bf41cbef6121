import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

// The browser tests: real headless Chromium against a dev chain (e2e/portal.e2e.ts), and the
// light client's answers against the node's and in the browser (e2e/light.e2e.ts).
const descriptors = fileURLToPath(new URL("./.papi/descriptors/dist/index.mjs", import.meta.url))

export default defineConfig({
  resolve: { alias: { "@synergy/descriptors": descriptors } },
  test: {
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    testTimeout: 900_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
})
