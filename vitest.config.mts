import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url))

export default defineConfig({
  // Examples import the package by name, as users do; in tests that name means the sources.
  resolve: {
    alias: [
      { find: /^refund-rules\/testing$/, replacement: src('testing/index.ts') },
      { find: /^refund-rules\/locales$/, replacement: src('locales/index.ts') },
      { find: /^refund-rules$/, replacement: src('index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    // Property tests run with one printed seed per run: fixed in `npm test`, random in `npm run fuzz`.
    globalSetup: ['test/support/fast-check-seed.global.ts'],
    setupFiles: ['test/support/fast-check-seed.setup.ts'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
})
