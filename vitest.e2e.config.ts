import { defineConfig } from 'vitest/config';

// Browser tests: the real server (PGlite, demo county) as a child process, driven through Debian's Chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    // Starts one server for all files (build web if stale, fresh PGlite data dir, demo county).
    globalSetup: ['e2e/global-setup.ts'],
    pool: 'forks',
    // One server and one browser at a time: the machine has 2 cores and PGlite peaks near 1 GB.
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 180_000,
    // One more attempt for a browser flow that times out on a loaded machine (seen: a 2-core CI box running
    // the whole county); a flow that fails twice fails the run.
    retry: 1,
    hookTimeout: 180_000,
  },
});
