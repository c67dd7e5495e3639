import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { _electron as electron, expect, test } from "@playwright/test";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { electronBinary } from "./support/electronBinary.js";

const binary = electronBinary();
const SKIP_REASON = "skipped: Electron binary not available";
if (binary == null) console.log(`Electron end-to-end tests ${SKIP_REASON}`);

const root = path.resolve(import.meta.dirname, "../..");

test("the Electron app streams an answer from a local GGUF, stops it, and keeps the chat after a restart", async () => {
    test.skip(binary == null, SKIP_REASON);
    const modelPath = await ensureSyntheticModel("tiny-q8_0");
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), "locus-electron-"));
    const launch = () => electron.launch({
        executablePath: binary!, args: [path.join(root, "out/main/index.js")],
        env: { ...process.env, LOCUS_DATA_DIR: userData }
    });

    let app = await launch();
    let page = await app.firstWindow();
    await page.getByTestId("wizard-skip").click();
    // The window is sandboxed: no Node, no ipcRenderer, only the one bridge object.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe("undefined");
    expect(await page.evaluate(() => Object.keys((globalThis as unknown as { locusBridge: object }).locusBridge).sort())).toEqual(["invoke", "subscribe"]);

    // Native dialogs cannot be clicked by Playwright: answer the dialog from the main process.
    await app.evaluate(({ dialog }, file) => {
        dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [file] });
    }, modelPath);
    await page.getByTestId("model-add").click();
    await page.getByTestId("model-load").first().click();
    await expect(page.getByTestId("engine-status")).toHaveAttribute("data-state", "ready");

    await page.getByTestId("composer").fill("Tell me a very long story about the sea.");
    await page.getByTestId("send").click();
    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect.poll(async () => (await answer.innerText()).length).toBeGreaterThan(0);
    await page.getByTestId("stop").click();
    await expect(answer).toHaveAttribute("data-status", "stopped", { timeout: 5_000 });
    await app.close();

    app = await launch();
    page = await app.firstWindow();
    await expect(page.getByTestId("chat-list-item")).toHaveCount(1);
    await app.close();
    fs.rmSync(userData, { recursive: true, force: true });
});
