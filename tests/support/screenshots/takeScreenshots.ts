/**
 * Screenshots of Locus's main views in light and dark, for the README: the browser host with the real
 * starter models (SmolLM2-135M-Instruct and all-MiniLM-L6-v2) answering from the fictional quality corpus,
 * and the synthetic thinking model for the folded thinking section. Run `npm run build` first, then
 * `npm run screenshots`; the PNGs go to resources/screenshots/ (light-*.png, dark-*.png).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, expect as baseExpect, type Page } from "@playwright/test";
import { startBrowserHost } from "../../e2e/support/startBrowserHost.js";
import { ensureSyntheticModel } from "../gguf/ensureSyntheticModel.js";
import { writeFictionalCorpus } from "../quality/writeFictionalCorpus.js";

const root = path.resolve(import.meta.dirname, "../../..");
const outDir = path.join(root, "resources", "screenshots");
const themes = ["light", "dark"] as const;
/** Indexing and answering on a laptop's CPU take minutes, not seconds. */
const expect = baseExpect.configure({ timeout: 300_000 });

async function shoot(page: Page, name: string): Promise<void> {
    for (const theme of themes) {
        await page.emulateMedia({ colorScheme: theme, reducedMotion: "reduce" });
        await page.waitForTimeout(150);
        const file = path.join(outDir, `${theme}-${name}.png`);
        await page.screenshot({ path: file });
        console.log(`wrote ${path.relative(root, file)}`);
    }
    await page.emulateMedia({ colorScheme: "light" });
}

async function ask(page: Page, text: string): Promise<void> {
    const answers = page.locator('[data-testid="message"][data-role="assistant"]');
    const before = await answers.count();
    await page.getByTestId("composer").fill(text);
    await page.getByTestId("send").click();
    await expect(answers).toHaveCount(before + 1);
    await expect(answers.last()).not.toHaveAttribute("data-status", "streaming");
}

async function main(): Promise<void> {
    if (!fs.existsSync(path.join(root, "out", "main", "browserHost.js"))) throw new Error("Build Locus first: npm run build");
    fs.mkdirSync(outDir, { recursive: true });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-screenshots-"));
    const docs = path.join(dataDir, "documents");
    fs.mkdirSync(docs);
    await writeFictionalCorpus(docs);
    const host = await startBrowserHost({ dataDir, starterModels: true, args: ["--threads", "2"] });
    const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"]
    });
    try {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
        await page.goto(host.url);
        await expect(page.locator(".app[data-loaded=true]")).toHaveCount(1);
        // The setup wizard opens by itself at first start: the computer as it was probed.
        await expect(page.getByTestId("wizard")).toBeVisible();
        await expect(page.getByTestId("hardware-ram")).not.toHaveText("");
        await shoot(page, "setup");
        await page.getByTestId("wizard-skip").click();
        await expect(page.getByTestId("engine-status")).toHaveAttribute("data-state", "ready");

        // The library: the fictional corpus, indexed with the starter embedding model.
        await page.getByTestId("library-open").click();
        await page.getByTestId("library-path-input").fill(docs);
        await page.keyboard.press("Enter");
        await expect(page.locator('[data-testid="library-doc"][data-status="indexed"]')).toHaveCount(10);
        await shoot(page, "library");

        // A library answer with its citation and the passage it points at.
        await page.getByTestId("new-chat").click();
        await expect(page.getByTestId("message")).toHaveCount(0);
        await page.getByTestId("mode-library").click();
        await ask(page, "On which date does Port Quell close to sailing vessels?");
        const chip = page.locator('[data-testid="message"][data-role="assistant"] button.citation').first();
        if (await chip.count()) await chip.click();
        await shoot(page, "chat-library");
        await page.keyboard.press("Escape");

        // Open chat with a preset system prompt, a length limit in Advanced, and a regenerated answer.
        await page.getByTestId("new-chat").click();
        await expect(page.getByTestId("message")).toHaveCount(0);
        await page.getByTestId("mode-chat").click();
        await page.getByTestId("system-prompt-open").click();
        await page.getByTestId("system-prompt-preset").selectOption("concise");
        await page.getByTestId("system-prompt-save").click();
        await page.getByTestId("sampling-open").click();
        await page.getByTestId("sampling-maxTokens").fill("160");
        await page.getByTestId("sampling-save").click();
        await expect(page.getByTestId("sampling-panel")).toContainText("Now 160, from this chat");
        await shoot(page, "chat-advanced");
        await page.getByTestId("sampling-open").click();
        await ask(page, "Give me three tips for writing clear meeting notes.");
        await page.locator('[data-testid="message"][data-role="assistant"]').last().getByTestId("regenerate").click();
        await expect(page.locator('[data-testid="message"][data-role="assistant"]').last().getByTestId("version-label")).toHaveText("2 / 2");
        await expect(page.locator('[data-testid="message"][data-role="assistant"]').last()).not.toHaveAttribute("data-status", "streaming");
        await shoot(page, "chat-versions");

        // Search as you type, and the shortcuts.
        await page.getByTestId("chat-search").fill("port quell");
        await expect(page.getByTestId("search-result")).not.toHaveCount(0);
        await shoot(page, "search");
        await page.getByTestId("chat-search").press("Escape");
        await page.keyboard.press("Control+/");
        await expect(page.getByTestId("shortcuts-help")).toBeVisible();
        await shoot(page, "shortcuts");
        await page.keyboard.press("Escape");

        // Settings: other apps may use Locus through its local API (on 127.0.0.1, with a key).
        await page.getByTestId("open-settings").click();
        await page.getByTestId("settings-api-enabled").check();
        await expect(page.getByTestId("settings-api-url")).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
        await page.getByTestId("settings-api").scrollIntoViewIfNeeded();
        await shoot(page, "settings-api");
        await page.getByTestId("settings-api-enabled").uncheck();
        await page.getByTestId("settings-cancel").click();

        // Personalize: teaching the model the library, and the Advisor's measured answer after a short run.
        await page.getByTestId("personalize-open").click();
        await expect(page.getByTestId("personalize-view")).toBeVisible();
        await shoot(page, "personalize");
        await page.getByTestId("personalize-tab-advisor").click();
        await page.getByTestId("advisor-budget").fill("2");
        await page.getByTestId("advisor-start").click();
        await expect(page.getByTestId("advisor-run")).toHaveAttribute("data-state", "done");
        await shoot(page, "advisor");
        await page.getByTestId("new-chat").click();

        // A thinking model: its reasoning folded above the answer (the synthetic scripted model).
        await page.getByTestId("model-path-input").fill(await ensureSyntheticModel("scripted-think"));
        await page.getByTestId("model-add").click();
        const thinker = page.getByTestId("model-list-item").filter({ hasText: "scripted-think" });
        await thinker.getByTestId("model-load").click();
        await expect(page.getByTestId("engine-status")).toContainText("scripted-think");
        await expect(page.getByTestId("engine-status")).toHaveAttribute("data-state", "ready");
        await page.getByTestId("new-chat").click();
        await expect(page.getByTestId("message")).toHaveCount(0);
        await ask(page, "What colour is the harbour in winter?");
        await page.getByTestId("thinking-summary").click();
        await shoot(page, "chat-thinking");
    } finally {
        await browser.close();
        await host.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
    }
}

await main();
