import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startBrowserHost, type RunningHost } from "./support/startBrowserHost.js";

let dataDir = "";
let host: RunningHost | null = null;

test.beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-e2e-missing-"));
});
test.afterEach(async () => {
    await host?.stop();
    host = null;
    fs.rmSync(dataDir, { recursive: true, force: true });
});

// A damaged installation (here: the trainer addon is not where Locus looks for it). The packaged
// equivalents, a deleted addon and a deleted sqlite-vec extension, are run by npm run pack:check.
test("a missing trainer is named with what it disables, Personalize says so up front, and the rest of the app works", async ({ page }) => {
    const addonPath = path.join(dataDir, "no-such-folder", "locus_trainer.node");
    host = await startBrowserHost({ dataDir, env: { LOCUS_TRAINER_ADDON: addonPath } });
    await page.goto(host.url);
    await page.getByTestId("wizard-skip").click();

    const notice = page.getByTestId("missing-parts");
    await expect(notice).toBeVisible();
    const trainer = notice.locator('li[data-part="trainer"]');
    await expect(trainer).toContainText(addonPath);
    await expect(trainer).toContainText("Not available: Personalize");
    await expect(trainer).toContainText("npm run build:trainer");

    await page.getByTestId("personalize-open").click();
    await expect(page.getByTestId("personalize-unavailable")).toContainText("Personalize is not available in this installation");

    // Everything else keeps working: a chat can be started, and the notice can be put away.
    await page.getByTestId("new-chat").click();
    await expect(page.getByTestId("chat-list-item").first()).toBeVisible();
    await notice.getByRole("button", { name: "Hide this notice" }).click();
    await expect(notice).toBeHidden();
});
