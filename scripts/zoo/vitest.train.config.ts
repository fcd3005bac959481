/**
 * Vitest configuration of `npm run train-zoo` (scripts/zoo/trainZoo.run.ts): one file, one
 * forked process, no time limit to speak of, console output shown as it comes. The unit-test run
 * (vitest.config.ts, tests/unit/** only) never picks this file up.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['scripts/zoo/trainZoo.run.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 3_600_000,
    hookTimeout: 600_000,
    disableConsoleIntercept: true,
  },
});
