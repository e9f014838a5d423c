import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/temp-root.ts'],
    testTimeout: 60_000,
  },
});
