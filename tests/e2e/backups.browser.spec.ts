import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { startBrowserHost, type RunningHost } from "./support/startBrowserHost.js";

let dataDir = "";
let host: RunningHost | null = null;
const root = path.resolve(import.meta.dirname, "../..");

test.beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-e2e-backups-"));
});
test.afterEach(async () => {
    await host?.stop();
    host = null;
    fs.rmSync(dataDir, { recursive: true, force: true });
});

async function backUpNow(page: Page): Promise<string> {
    await page.getByTestId("open-settings").click();
    const section = page.getByTestId("settings-backups");
    await section.getByTestId("settings-backup-now").click();
    await expect(section.getByTestId("settings-backups-notice")).toHaveText("Backed up.");
    const mine = section.getByTestId("settings-backup").filter({ hasText: "made by you" });
    await expect(mine).toHaveCount(1);
    const id = (await mine.getAttribute("data-backup-id"))!;
    await page.getByTestId("settings-cancel").click();
    return id;
}

test("Settings backs up the library and restores a backup: Locus restarts and the page shows the restored library", async ({ page }) => {
    host = await startBrowserHost({ dataDir });
    await page.goto(host.url);
    await page.getByTestId("wizard-skip").click();
    await page.getByTestId("new-chat").click();
    await expect(page.getByTestId("chat-list-item")).toHaveCount(1);
    const backupId = await backUpNow(page);

    await page.getByTestId("new-chat").click();
    await expect(page.getByTestId("chat-list-item")).toHaveCount(2);

    await page.getByTestId("open-settings").click();
    const row = page.locator(`[data-testid="settings-backup"][data-backup-id="${backupId}"]`);
    await row.getByTestId("settings-backup-restore").click();
    await row.getByTestId("settings-backup-confirm").click();
    await expect(page.getByTestId("settings-backups-notice")).toContainText("restarting");
    await page.getByTestId("settings-cancel").click();
    // The page reconnects to the restarted services, which read the restored library.
    await expect(page.getByTestId("chat-list-item")).toHaveCount(1, { timeout: 60_000 });
    const replaced = fs.readdirSync(dataDir).filter((name) => /^locus\.sqlite\.replaced-/.test(name));
    expect(replaced.length).toBeGreaterThan(0);
});

test("a damaged library at start is reported with its latest good backup and the command that starts from it", async ({ page }) => {
    host = await startBrowserHost({ dataDir });
    await page.goto(host.url);
    await page.getByTestId("wizard-skip").click();
    await page.getByTestId("new-chat").click();
    await expect(page.getByTestId("chat-list-item")).toHaveCount(1);
    const backupId = await backUpNow(page);
    await host.stop();
    host = null;

    const file = path.join(dataDir, "locus.sqlite");
    for (const extra of ["-wal", "-shm"]) fs.rmSync(`${file}${extra}`, { force: true });
    fs.writeFileSync(file, Buffer.alloc(16_384, 0x42));
    const failed = await new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(process.execPath, [path.join(root, "out/main/browserHost.js"), "--port", "0", "--data", dataDir, "--cpu"], {
            cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LOCUS_STARTER_DIR: "none" }
        });
        let output = "";
        child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.once("exit", (code) => resolve({ code, output }));
    });
    expect(failed.code).toBe(1);
    expect(failed.output).toContain(`The library database ${file} cannot be read`);
    expect(failed.output).toContain(`--restore-backup ${backupId}`);
    expect(fs.readFileSync(file)).toEqual(Buffer.alloc(16_384, 0x42));

    host = await startBrowserHost({ dataDir, args: ["--restore-backup", backupId] });
    await page.goto(host.url);
    await expect(page.getByTestId("chat-list-item")).toHaveCount(1);
});
