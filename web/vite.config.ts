import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

// The descriptors are generated from the runtime's Wasm by `scripts/portal.sh build` into
// .papi/descriptors (never committed): a runtime change that breaks the portal breaks its build.
const descriptors = fileURLToPath(new URL("./.papi/descriptors/dist/index.mjs", import.meta.url))

export default defineConfig({
  base: "./",
  resolve: { alias: { "@synergy/descriptors": descriptors } },
  build: { target: "es2022", outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 2048 },
  test: { include: ["src/**/*.test.ts"], environment: "node" },
})
