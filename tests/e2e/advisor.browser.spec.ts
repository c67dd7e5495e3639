import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { startBrowserHost, type RunningHost } from "./support/startBrowserHost.js";

let dataDir = "";
let host: RunningHost | null = null;

test.beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-e2e-advisor-"));
});
test.afterEach(async () => {
    await host?.stop();
    host = null;
    fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Three short documents full of the kind of facts the Advisor asks about: numbers, dates, names. */
const documents: Record<string, string> = {
    "harbour.md": "# Locus harbour\n\nThe harbour master, Ines Calloway, rings the copper bell 3 times at dawn.\n\nThe north pier was rebuilt in 1987 after the storm of October.\n\nThe ferry to Marrow Island leaves at 07:40 and costs 12 crowns.\n",
    "lighthouse.md": "# The lighthouse\n\nThe Locus lighthouse shows one white flash every 6 seconds.\n\nIts keeper, Ada Marsh, has logged the weather since 2011.\n\nIn fog the horn sounds 3 times a minute, from a tower 41 metres tall.\n",
    "market.txt": "The fish market opens at 05:30 on weekdays.\n\nHerring sells for 4 crowns a kilo in March, when the shoals arrive.\n\nThe oldest stall belongs to the Pellow family, trading since 1902.\n"
};

async function addModel(page: Page, modelPath: string): Promise<string> {
    await page.getByTestId("model-path-input").fill(modelPath);
    await page.getByTestId("model-add").click();
    const item = page.getByTestId("model-list-item").filter({ hasText: path.basename(modelPath) });
    await expect(item).toHaveCount(1);
    return (await item.getAttribute("data-model-id"))!;
}

test("a person asks the Advisor to measure their library in a minute, watches it, sees every setup with a chart, applies the recommendation and chats with it; a second run is cancelled and keeps its figures", async ({ page }) => {
    test.setTimeout(600_000);
    const [chatPath, embedPath] = await Promise.all([ensureSyntheticModel("tiny-q8_0"), ensureSyntheticModel("tiny-embed")]);
    const docs = path.join(dataDir, "docs");
    fs.mkdirSync(docs);
    host = await startBrowserHost({ dataDir });
    await page.goto(host.url);
    await page.getByTestId("wizard-skip").click();

    await addModel(page, chatPath);
    const embedId = await addModel(page, embedPath);
    await page.getByTestId("model-list-item").filter({ hasText: path.basename(chatPath) }).getByTestId("model-load").click();
    await expect(page.getByTestId("engine-status")).toHaveAttribute("data-state", "ready");
    await page.getByTestId("open-settings").click();
    await page.getByTestId("settings-embedding-model").selectOption(embedId);
    await page.getByTestId("settings-embedding-model-apply").click();
    await expect(page.getByTestId("settings-embedding-model-saved")).toBeVisible();
    await page.getByTestId("settings-cancel").click();

    // The Advisor is a tab of Personalize, reached from the keyboard with the arrow keys.
    await page.getByTestId("personalize-open").click();
    await page.getByTestId("personalize-tab-teach").focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByTestId("personalize-tab-advisor")).toBeFocused();
    await expect(page.getByTestId("personalize-tab-advisor")).toHaveAttribute("aria-selected", "true");
    await expect(page.getByTestId("advisor-panel")).toBeVisible();

    // An empty library is refused in the services' words, naming what is missing.
    await page.getByTestId("advisor-budget").fill("1");
    await page.getByTestId("advisor-start").click();
    await expect(page.getByTestId("advisor-problem")).toContainText(/documents/);
    await expect(page.getByTestId("advisor-run")).toHaveCount(0);

    for (const [name, text] of Object.entries(documents)) fs.writeFileSync(path.join(docs, name), text);
    await page.getByTestId("library-open").click();
    await page.getByTestId("library-path-input").fill(docs);
    await page.keyboard.press("Enter");
    await expect(page.locator('[data-testid="library-doc"][data-status="indexed"]')).toHaveCount(3, { timeout: 120_000 });
    await page.getByTestId("personalize-open").click();
    await expect(page.getByTestId("advisor-panel")).toBeVisible();

    // A budget the contract refuses is caught before it is sent; a preset fills the box.
    const budget = page.getByTestId("advisor-budget");
    await budget.fill("0");
    await expect(page.getByTestId("advisor-start")).toBeDisabled();
    await page.getByRole("button", { name: "5 min", exact: true }).click();
    await expect(budget).toHaveValue("5");
    await budget.fill("1");
    await page.getByTestId("advisor-start").click();

    // Under way: a progress bar, the phase in words, a Cancel button; the form waits.
    const run = page.getByTestId("advisor-run");
    await expect(run).toHaveAttribute("data-state", "running");
    await expect(page.getByTestId("advisor-progress")).toBeVisible();
    await expect(page.getByTestId("advisor-cancel")).toBeVisible();
    await expect(page.getByTestId("advisor-form")).toHaveCount(0);
    await expect(page.getByTestId("advisor-phase")).not.toHaveText("");

    // Done within the budget and a margin: the recommendation, the table of setups (no library and search at
    // least, since a random-weight model cannot learn much in a minute), the chart with a line per method.
    await expect(run).toHaveAttribute("data-state", "done", { timeout: 300_000 });
    const rows = page.getByTestId("advisor-row");
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    await expect(rows.and(page.locator('[data-method="none"]'))).not.toHaveCount(0);
    await expect(rows.and(page.locator('[data-method="rag"]'))).not.toHaveCount(0);
    await expect(rows.first()).toContainText("recommended");
    expect(Number(await page.getByTestId("advisor-chart").getAttribute("data-lines"))).toBeGreaterThanOrEqual(2);
    await expect(page.getByTestId("advisor-chart").locator("desc")).toContainText(/No library: \d+ points/);
    await expect(page.getByTestId("advisor-recommendation")).toContainText(/Recommended: /);
    const recommendedMethod = await rows.first().getAttribute("data-method");

    // Use this setup: back to the chat, in library mode when the recommendation searches the library.
    await page.getByTestId("advisor-apply").click();
    await expect(page.getByTestId("composer")).toBeVisible();
    const searches = recommendedMethod === "rag" || recommendedMethod === "rag+lora";
    await expect(page.getByTestId("mode-library")).toHaveAttribute("aria-pressed", String(searches));
    await expect(page.getByTestId("engine-status")).toHaveAttribute("data-state", "ready", { timeout: 60_000 });
    await page.getByTestId("composer").fill("When does the ferry to Marrow Island leave?");
    await page.getByTestId("send").click();
    // The synthetic model's words are noise, and it would write until its limit: once it answers, Stop.
    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect.poll(async () => Number(await answer.getAttribute("data-length")), { timeout: 120_000 }).toBeGreaterThan(0);
    await page.getByTestId("stop").click();
    await expect(answer).toHaveAttribute("data-status", /done|stopped/);
    await expect(page.getByTestId("error-banner")).toHaveCount(0);

    // After a reload the run is still there, marked as in use.
    await page.reload();
    await page.getByTestId("personalize-open").click();
    await page.getByTestId("personalize-tab-advisor").click();
    await expect(page.getByTestId("advisor-applied")).toBeVisible();

    // A second run, cancelled at once: it says the figures so far are kept, and the first is listed below.
    await page.getByTestId("advisor-budget").fill("5");
    await page.getByTestId("advisor-start").click();
    await expect(page.getByTestId("advisor-cancel")).toBeVisible();
    await page.getByTestId("advisor-cancel").click();
    await expect(page.getByTestId("advisor-run")).toHaveAttribute("data-state", "cancelled", { timeout: 120_000 });
    await expect(page.getByTestId("advisor-phase")).toContainText(/figures measured so far are kept/);
    await expect(page.getByTestId("advisor-run-item")).toHaveCount(1);
    await expect(page.getByTestId("advisor-run-item")).toContainText("in use");
});
