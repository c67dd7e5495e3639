import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { writeFictionalCorpus } from "../support/quality/index.js";
import { requireStarterModels } from "../support/starter/requireStarterModels.js";
import { startBrowserHost, type RunningHost } from "./support/startBrowserHost.js";

let dataDir = "";
let host: RunningHost | null = null;

test.beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-e2e-starter-"));
});
test.afterEach(async () => {
    await host?.stop();
    host = null;
    fs.rmSync(dataDir, { recursive: true, force: true });
});

test("a new user with nothing downloaded adds a folder and gets a right, cited answer from the starter models", async ({ page }) => {
    requireStarterModels();
    const docs = path.join(dataDir, "My documents");
    fs.mkdirSync(docs);
    await writeFictionalCorpus(docs);
    host = await startBrowserHost({ dataDir, starterModels: true, args: ["--simulate-hardware", "laptop16GbCpu"] });
    await page.goto(host.url);

    // The wizard opens on a first run; its recommendation says the starter chat model is for trying Locus.
    await expect(page.getByTestId("wizard")).toBeVisible();
    await page.keyboard.press("Enter");
    await page.locator('[data-testid="difficulty-option"][data-value="find-facts"]').click();
    await page.locator('[data-testid="budget-option"][data-value="0"]').click();
    await page.locator('[data-testid="latency-option"][data-value="balanced"]').click();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("starter-note")).toContainText("SmolLM2 135M Instruct (starter), a tiny model");
    await page.getByTestId("wizard-skip").click();

    // Both starter models are in the list; the chat model is loaded, the embedding model chosen.
    const items = page.getByTestId("model-list-item");
    await expect(items.filter({ has: page.locator('[title="SmolLM2 135M Instruct (starter)"]') })).toHaveCount(1);
    await expect(items.filter({ has: page.locator('[title="all-MiniLM-L6-v2 (starter)"]') })).toHaveCount(1);
    await expect(page.getByTestId("engine-status")).toHaveAttribute("data-state", "ready", { timeout: 60_000 });

    await page.getByTestId("library-open").click();
    await page.getByTestId("library-path-input").fill(docs);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("library-doc")).toHaveCount(10);
    await expect(page.locator('[data-testid="library-doc"][data-status="indexed"]')).toHaveCount(10, { timeout: 180_000 });
    await expect(page.getByTestId("ingest-blocked")).toHaveCount(0);

    await page.getByTestId("new-chat").click();
    await page.getByTestId("mode-library").click();
    await page.getByTestId("composer").fill("What is the daily meal allowance for domestic travel at Brindlecote Analytics?");
    await page.getByTestId("send").click();
    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect(answer).toHaveAttribute("data-status", /done|stopped/, { timeout: 120_000 });
    await expect(answer).toContainText("43 florins");
    await expect(answer.getByTestId("citation").first()).toBeVisible();
    await expect(answer.getByTestId("message-source").first()).toContainText("brindlecote-expense-policy.md");

    // The citation opens the passage that holds the fact.
    await answer.getByTestId("citation").first().click();
    await expect(page.getByTestId("source-highlight")).toContainText("43 florins");
});
