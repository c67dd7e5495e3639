import { defineConfig } from "@playwright/test";

// End-to-end tests drive the real renderer: in Debian's Chromium against the browser host, and in
// Electron where its binary exists. Playwright cannot download browsers here, so we point it at Chromium.
export default defineConfig({
    testDir: "tests/e2e",
    timeout: 180_000,
    expect: { timeout: 30_000 },
    workers: 1,
    reporter: "list",
    use: {
        trace: "retain-on-failure",
        launchOptions: {
            executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
            args: [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"
            ]
        }
    },
    projects: [
        { name: "browser-host", testMatch: /.*\.browser\.spec\.ts$/ },
        { name: "electron", testMatch: /.*\.electron\.spec\.ts$/ }
    ]
});
