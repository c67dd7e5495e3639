import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { startBrowserHost, type RunningHost } from "./support/startBrowserHost.js";

let dataDir = "";
let host: RunningHost | null = null;

test.beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-e2e-setup-"));
});
test.afterEach(async () => {
    await host?.stop();
    host = null;
    fs.rmSync(dataDir, { recursive: true, force: true });
});

const tooLarge = "too large for this computer";

async function expectStep(page: Page, step: string): Promise<void> {
    await expect(page.getByTestId("wizard-step")).toHaveAttribute("data-step", step);
    // Each step starts with its heading focused, so keyboard and screen-reader users land on it.
    await expect(page.locator("#wizard-title")).toBeFocused();
}

test("on an 8 GB laptop the wizard shows the machine honestly, recommends a setup that fits, and Settings flags a context too large for it", async ({ page }) => {
    host = await startBrowserHost({ dataDir, args: ["--simulate-hardware", "laptop8GbCpu"] });
    await page.goto(host.url);

    // First run, no model yet: the wizard opens by itself and says what this (simulated) computer has.
    await expect(page.getByTestId("wizard")).toBeVisible();
    await expectStep(page, "hardware");
    await expect(page.getByTestId("hardware-simulated")).toBeVisible();
    await expect(page.getByTestId("hardware-ram")).toContainText("8.0 GB in total");
    await expect(page.getByTestId("hardware-ram")).toContainText("4.5 GB free");
    await expect(page.getByTestId("hardware-gpu")).toHaveAttribute("data-gpu", "none");
    await expect(page.getByTestId("hardware-gpu")).toContainText("No graphics processor");
    await expect(page.getByTestId("hardware-cores")).toContainText("4 math cores");
    await expect(page.getByTestId("hardware-cores")).toContainText("AVX2");

    await page.keyboard.press("Enter");
    await expectStep(page, "goals");
    await expect(page.getByTestId("wizard-next")).toBeDisabled();
    await page.locator('[data-testid="difficulty-option"][data-value="find-facts"]').click();
    await page.locator('[data-testid="budget-option"][data-value="0"]').click();
    await page.locator('[data-testid="latency-option"][data-value="balanced"]').click();
    await page.keyboard.press("Enter");

    await expectStep(page, "choice");
    const recommendation = page.getByTestId("recommendation");
    const recommended = recommendation.getByTestId("recommended-model");
    const fit = recommended.getByTestId("fit-label");
    await expect(fit).toBeVisible();
    await expect(fit).not.toHaveAttribute("data-label", tooLarge);
    await expect(fit).not.toContainText(/too large/i);
    await expect(recommended.getByTestId("choice-reason").first()).toContainText(/\w+/);
    const alternatives = recommendation.getByTestId("alternative");
    await expect(alternatives).toHaveCount(2);
    for (const alternative of await alternatives.all()) {
        await expect(alternative.getByTestId("fit-label")).not.toHaveAttribute("data-label", tooLarge);
        await expect(alternative.getByTestId("choice-reason").first()).toContainText(/\w+/);
    }
    // No learning time: Locus looks passages up rather than training.
    await expect(recommendation).toContainText("(RAG)");
    const modelId = await recommended.getAttribute("data-model-id");
    const label = await fit.getAttribute("data-label");
    expect(modelId).toBeTruthy();

    await page.getByTestId("wizard-next").click();
    await expectStep(page, "download");
    // Nothing is fetched without the person's go-ahead; a file they already have is always an option.
    // (The download itself is covered in setupDownloads.browser.spec.ts, which needs no network.)
    const chatFile = page.locator('[data-testid="download-row"][data-role="chat"]');
    await expect(chatFile).toContainText("Not downloaded yet");
    await expect(page.getByTestId("download-start")).toBeVisible();
    await expect(page.getByTestId("download-use-local")).toBeVisible();

    // Esc closes the wizard, and it does not open by itself again.
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("wizard")).toHaveCount(0);
    await page.reload();
    await expect(page.locator(".app")).toHaveAttribute("data-loaded", "true");
    await expect(page.getByTestId("wizard")).toHaveCount(0);

    // Settings start from the wizard's choice, and the fit label follows the context size.
    await page.getByTestId("open-settings").click();
    await expect(page.getByTestId("settings")).toBeVisible();
    await expect(page.getByTestId("settings-model")).toHaveValue(modelId!);
    const settingsFit = page.getByTestId("settings-fit-label");
    await expect(settingsFit).toHaveAttribute("data-label", label!);
    const context = page.getByTestId("settings-context");
    const largest = context.locator("option").last();
    // Marked before anyone picks it...
    await expect(largest).toContainText(/too large/i);
    const largestValue = (await largest.getAttribute("value"))!;
    await context.selectOption(largestValue);
    // ...and not taken without confirmation.
    await expect(page.getByTestId("settings-confirm")).toBeVisible();
    await expect(settingsFit).toHaveAttribute("data-label", label!);
    await page.getByTestId("settings-confirm-accept").click();
    await expect(settingsFit).toHaveAttribute("data-label", tooLarge);
    await expect(context).toHaveValue(largestValue);

    // Saved choices are there after a reload.
    await page.getByTestId("settings-save").click();
    await expect(page.getByTestId("settings")).toHaveCount(0);
    await page.reload();
    await expect(page.locator(".app")).toHaveAttribute("data-loaded", "true");
    await page.getByTestId("open-settings").click();
    await expect(page.getByTestId("settings-context")).toHaveValue(largestValue);
    await expect(page.getByTestId("settings-fit-label")).toHaveAttribute("data-label", tooLarge);
});

test("the wizard can be skipped, and opened again from Set up…", async ({ page }) => {
    host = await startBrowserHost({ dataDir, args: ["--simulate-hardware", "laptop16GbCpu"] });
    await page.goto(host.url);
    await expect(page.getByTestId("wizard")).toBeVisible();
    await page.getByTestId("wizard-skip").click();
    await expect(page.getByTestId("wizard")).toHaveCount(0);

    await page.getByTestId("open-setup").click();
    await expectStep(page, "hardware");
    await expect(page.getByTestId("hardware-ram")).toContainText("16.0 GB in total");
    await page.getByTestId("wizard-next").click();
    await expectStep(page, "goals");
    await page.getByTestId("wizard-back").click();
    await expectStep(page, "hardware");
});

test("a model in the list shows how it fits the simulated computer, and the memory it needs follows the context size in Settings", async ({ page }) => {
    const modelPath = await ensureSyntheticModel("tiny-q8_0");
    host = await startBrowserHost({ dataDir, args: ["--simulate-hardware", "laptop16GbCpu"] });
    await page.goto(host.url);
    await page.getByTestId("wizard-skip").click();
    await page.getByTestId("model-path-input").fill(modelPath);
    await page.getByTestId("model-add").click();

    const item = page.getByTestId("model-list-item");
    await expect(item.getByTestId("model-fit-label")).toBeVisible();
    await expect(item.getByTestId("model-fit-label")).toHaveAttribute("data-label", "fits in memory");
    await expect(item.getByTestId("model-fit-memory")).toHaveText(/^Needs about [\d.]+ MB of memory at 4,096 tokens of context$/);

    await page.getByTestId("open-settings").click();
    await page.getByTestId("settings-context").selectOption("2048");
    await page.getByTestId("settings-save").click();
    await expect(page.getByTestId("settings")).toHaveCount(0);
    await expect(item.getByTestId("model-fit-memory")).toHaveText(/^Needs about [\d.]+ MB of memory at 2,048 tokens of context$/);
    await expect(item.getByTestId("model-fit-label")).toHaveAttribute("data-label", "fits in memory");
});
