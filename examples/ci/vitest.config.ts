// vitest settings for the example CI test (a force's repository would have its own).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    testTimeout: 120_000,
  },
});
