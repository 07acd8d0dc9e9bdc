import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // argon2 hashing and real child processes are slow on a 2-core machine.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Most files wait on real processes (bots, supervisord) far more than they compute, so two
    // run side by side even on two cores (three made timing-bound tests flaky under load).
    maxWorkers: 2,
  },
});
