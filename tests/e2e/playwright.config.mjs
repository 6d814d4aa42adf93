// Playwright runs Debian's Chromium (never a downloaded one) against the real server binary.
// Every test has its own server (port, SQLite file) and browser profile (fixtures.mjs), so
// tests can run in parallel: `npx playwright test --workers=2` (or E2E_WORKERS=2) took the
// suite from 24.5 to 12.2 minutes on the two-core machine (2026-12-06), but stays at one
// worker by default until two-worker runs are green twice: twice, a lookup test's first
// visit stayed at "Vaksam startar…" for two minutes there, never with one worker.
import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: ".",
  testMatch: /.*\.spec\.mjs/,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS) || 1,
  retries: 0,
  reporter: [["list"]],
});
