// Browser end-to-end tests (tests/e2e/) in headless Chromium (Debian's, or the one
// CHROMIUM names), against www/ served by scripts/serve.mjs. No browser is
// downloaded.
import { defineConfig } from '@playwright/test';
import { createHash } from 'node:crypto';

// A port of this checkout's own (E2E_PORT overrides), so that two clones
// testing at once never share a server that serves the other's files.
const port =
  Number(process.env.E2E_PORT) ||
  41000 + (createHash('sha1').update(process.cwd()).digest().readUInt16BE(0) % 2000);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: /.*\.spec\.m?js$/,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS },
    trace: 'off',
  },
  webServer: {
    command: 'node scripts/serve.mjs',
    url: `http://127.0.0.1:${port}/api.js`,
    env: { PORT: String(port) },
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
