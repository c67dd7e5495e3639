import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { startBrowserHost, type RunningHost } from "./support/startBrowserHost.js";

let dataDir = "";
let host: RunningHost | null = null;

test.beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-e2e-"));
});
test.afterEach(async () => {
    await host?.stop();
    host = null;
    fs.rmSync(dataDir, { recursive: true, force: true });
});

test("a person loads a local GGUF, sees the answer stream, stops it, and finds the chat after a restart", async ({ page }) => {
    const modelPath = await ensureSyntheticModel("tiny-q8_0");
    host = await startBrowserHost({ dataDir });
    await page.goto(host.url);
    // A fresh data folder opens the setup wizard; this test adds its own model.
    await page.getByTestId("wizard-skip").click();

    await page.getByTestId("model-path-input").fill(modelPath);
    await page.getByTestId("model-add").click();
    await expect(page.getByTestId("model-list-item")).toHaveCount(1);
    // The list shows how the model fits this computer, worked out from its header, in the wizard's words.
    await expect(page.getByTestId("model-fit-label")).toBeVisible();
    await expect(page.getByTestId("model-fit-label")).toHaveAttribute("data-label", "fits in memory");
    await expect(page.getByTestId("model-fit-label")).toHaveText(/Fits in memory/);
    await expect(page.getByTestId("model-fit-memory")).toHaveText(/^Needs about [\d.]+ MB of memory at [\d,]+ tokens of context$/);
    await page.getByTestId("model-load").first().click();
    await expect(page.getByTestId("engine-status")).toHaveAttribute("data-state", "ready");

    await page.getByTestId("composer").fill("Tell me a very long story about the sea.");
    await page.getByTestId("send").click();
    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect(answer).toHaveAttribute("data-status", "streaming");
    // Tokens arrive one after another: the text grows while the answer is still streaming.
    const streamedLength = async () => Number(await answer.getAttribute("data-length"));
    await expect.poll(streamedLength).toBeGreaterThan(0);
    const early = await streamedLength();
    await expect.poll(streamedLength).toBeGreaterThan(early);

    const stopClicked = Date.now();
    await page.getByTestId("stop").click();
    await expect(answer).toHaveAttribute("data-status", "stopped", { timeout: 5_000 });
    expect(Date.now() - stopClicked).toBeLessThan(1_500);
    const stoppedText = await answer.innerText();

    // Restart the whole host on the same data folder: the chat and both messages are still there.
    await host.stop();
    host = await startBrowserHost({ dataDir });
    await page.goto(host.url);
    await expect(page.getByTestId("chat-list-item")).toHaveCount(1);
    await page.getByTestId("chat-list-item").first().click();
    await expect(page.locator('[data-testid="message"][data-role="user"]')).toHaveText(/long story about the sea/);
    const restored = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect(restored).toHaveAttribute("data-status", "stopped");
    expect((await restored.innerText()).trim()).toBe(stoppedText.trim());
});

test("a file that is not a GGUF model gets a clear error naming it, and the app keeps working", async ({ page }) => {
    const bogus = path.join(dataDir, "notes.gguf");
    fs.writeFileSync(bogus, "these are my notes, not a model");
    host = await startBrowserHost({ dataDir });
    await page.goto(host.url);
    await page.getByTestId("wizard-skip").click();

    await page.getByTestId("model-path-input").fill(bogus);
    await page.getByTestId("model-add").click();
    await expect(page.getByTestId("error-banner")).toContainText("notes.gguf");
    await expect(page.getByTestId("error-banner")).toContainText("not a GGUF");
    await expect(page.getByTestId("model-list-item")).toHaveCount(0);

    await page.getByTestId("new-chat").click();
    await expect(page.getByTestId("chat-list-item")).toHaveCount(1);
});
