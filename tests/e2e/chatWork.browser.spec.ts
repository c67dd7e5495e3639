import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import type { SyntheticModelName } from "../support/gguf/syntheticModels.js";
import { startBrowserHost, type RunningHost } from "./support/startBrowserHost.js";

let dataDir = "";
let host: RunningHost | null = null;

test.beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-e2e-chat-"));
});
test.afterEach(async () => {
    await host?.stop();
    host = null;
    fs.rmSync(dataDir, { recursive: true, force: true });
});

async function addModel(page: Page, name: SyntheticModelName): Promise<string> {
    const modelPath = await ensureSyntheticModel(name);
    await page.getByTestId("model-path-input").fill(modelPath);
    await page.getByTestId("model-add").click();
    const item = page.getByTestId("model-list-item").filter({ hasText: path.basename(modelPath) });
    await expect(item).toHaveCount(1);
    return (await item.getAttribute("data-model-id"))!;
}

async function openWithModel(page: Page, name: SyntheticModelName): Promise<void> {
    host = await startBrowserHost({ dataDir });
    await page.goto(host.url);
    await page.getByTestId("wizard-skip").click();
    const modelPath = await ensureSyntheticModel(name);
    await addModel(page, name);
    await page.getByTestId("model-list-item").filter({ hasText: path.basename(modelPath) }).getByTestId("model-load").click();
    await expect(page.getByTestId("engine-status")).toHaveAttribute("data-state", "ready");
}

async function ask(page: Page, text: string): Promise<void> {
    const answers = page.locator('[data-testid="message"][data-role="assistant"]');
    const before = await answers.count();
    await page.getByTestId("composer").fill(text);
    await page.getByTestId("send").click();
    await expect(answers).toHaveCount(before + 1);
    await expect(answers.last()).toHaveAttribute("data-status", "done");
}

const thinkingAnswer = "Deep teal [1] in winter. Check it with:\n\n    print(colour_of(sea))";

test("a person regenerates and browses answers, edits a question into a new branch, copies an answer and a code block, folds the thinking, and deletes a pair", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await openWithModel(page, "scripted-think");
    // In-page code is passed as text: this file is compiled for Node, without the DOM's types.
    const clipboard = () => page.evaluate<string>("navigator.clipboard.readText()");

    await ask(page, "What colour is the harbour?");
    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    // The thinking is folded under its summary, apart from the answer, and opens on demand.
    await expect(answer.getByTestId("thinking-summary")).toHaveText(/Thought for [\d.]+ s · 6 words/);
    await expect(answer.getByTestId("thinking-text")).toBeHidden();
    await answer.getByTestId("thinking-summary").click();
    await expect(answer.getByTestId("thinking-text")).toHaveText("Source[2]: harbour colours vary by season");
    await expect(answer.locator(".markdown")).not.toContainText("Source[2]");
    await expect(answer.getByTestId("answer-figures")).toContainText(/tokens\/s · \d+ tokens/);

    // Copy the answer as Markdown, and the code block alone.
    await answer.getByTestId("copy-answer").click();
    await expect(answer.getByTestId("copy-answer")).toHaveText("Copied");
    expect(await clipboard()).toBe(thinkingAnswer);
    await answer.getByTestId("copy-code").click();
    expect((await clipboard()).trim()).toBe("print(colour_of(sea))");

    // Regenerate: a second version, the first one an arrow away.
    await answer.getByTestId("regenerate").click();
    const regenerated = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect(regenerated.getByTestId("version-label")).toHaveText("2 / 2");
    await expect(regenerated).toHaveAttribute("data-status", "done");
    await regenerated.getByTestId("version-previous").click();
    await expect(page.locator('[data-testid="message"][data-role="assistant"]').last().getByTestId("version-label")).toHaveText("1 / 2");

    // Edit the question: the conversation continues from the new version; the old one stays reachable.
    const question = page.locator('[data-testid="message"][data-role="user"]').first();
    await question.getByTestId("edit").click();
    await expect(page.getByTestId("edit-input")).toBeFocused();
    await page.getByTestId("edit-input").fill("   ");
    await expect(page.getByTestId("edit-save")).toBeDisabled();
    await page.getByTestId("edit-input").fill("Which colour is the harbour in winter?");
    await page.getByTestId("edit-save").click();
    await expect(page.locator('[data-testid="message"][data-role="user"]').first()).toContainText("Which colour is the harbour in winter?");
    await expect(page.locator('[data-testid="message"][data-role="assistant"]').last()).toHaveAttribute("data-status", "done");
    const edited = page.locator('[data-testid="message"][data-role="user"]').first();
    await expect(edited.getByTestId("version-label")).toHaveText("2 / 2");
    await edited.getByTestId("version-previous").click();
    await expect(page.locator('[data-testid="message"][data-role="user"]').first()).toContainText("What colour is the harbour?");
    await page.locator('[data-testid="message"][data-role="user"]').first().getByTestId("version-next").click();

    // Delete a pair: the question and its answer go, the conversation after them stays.
    await ask(page, "And the boats?");
    await expect(page.getByTestId("message")).toHaveCount(4);
    await page.locator('[data-testid="message"][data-role="user"]').first().getByTestId("delete-pair").click();
    await page.getByTestId("delete-confirm").click();
    await expect(page.getByTestId("message")).toHaveCount(2);
    await expect(page.locator('[data-testid="message"][data-role="user"]')).toHaveText(/And the boats\?/);

    // All of it is stored: after a reload the same branch is shown.
    await page.reload();
    await expect(page.getByTestId("message")).toHaveCount(2);
    await expect(page.locator('[data-testid="message"][data-role="user"]')).toHaveText(/And the boats\?/);
});

test("a person attaches a document and asks about it, exports the chat with footnotes, finds it by search, and a source removed later is marked", async ({ page }) => {
    await openWithModel(page, "scripted-cite");
    const embedId = await addModel(page, "tiny-embed");
    await page.getByTestId("open-settings").click();
    await page.getByTestId("settings-embedding-model").selectOption(embedId);
    await page.getByTestId("settings-embedding-model-apply").click();
    await expect(page.getByTestId("settings-embedding-model-saved")).toBeVisible();
    await page.getByTestId("settings-cancel").click();
    await page.getByTestId("new-chat").click();

    // A file Locus cannot read is refused at once, and nothing changes.
    await page.getByTestId("attach-input").setInputFiles({ name: "holiday.mp4", mimeType: "video/mp4", buffer: Buffer.from("not a document") });
    await expect(page.getByTestId("error-banner")).toContainText("cannot read .mp4 files (holiday.mp4)");
    await expect(page.getByTestId("attached-document")).toHaveCount(0);
    // The picker offers every type Locus reads (tables included), from the same list main checks.
    await expect(page.getByTestId("attach-input")).toHaveAttribute("accept", /\.docx,.*\.csv,\.tsv,\.png/);

    // A dropped document is indexed, attached, and the chat asks the library.
    await page.evaluate(`(() => {
        const element = document.querySelector("[data-testid=chat-view]");
        const data = new DataTransfer();
        data.items.add(new File(["# Harbour guide\\n\\nIn winter the harbour turns a deep teal, never grey, say the pilots.\\n"], "harbour guide.md", { type: "text/markdown" }));
        element.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
        element.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    })()`);
    const attached = page.getByTestId("attached-document");
    await expect(attached).toHaveText(/harbour guide\.md/);
    await expect(attached).toHaveAttribute("data-status", "indexed", { timeout: 120_000 });
    await expect(page.getByTestId("mode-library")).toHaveAttribute("aria-pressed", "true");

    await ask(page, "What colour is the harbour in winter?");
    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect(answer.getByTestId("message-source")).toHaveText(/harbour guide\.md/);
    await expect(answer.getByTestId("answer-figures")).toContainText("from your library");

    // Export as Markdown: citations become footnotes naming the file.
    await page.getByTestId("export-open").click();
    const download = page.waitForEvent("download");
    await page.getByTestId("export-markdown").click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("What-colour-is-the-harbour-in-winter.md");
    const markdown = fs.readFileSync((await file.path())!, "utf8");
    expect(markdown).toContain("deep teal [^1]");
    expect(markdown).toMatch(/\[\^1\]: harbour guide\.md(, Harbour guide)?\n/);

    // Search finds the chat by what was said, as the person types.
    await page.getByTestId("chat-search").fill("never gr");
    await expect(page.getByTestId("search-result")).toHaveCount(1);
    await expect(page.getByTestId("search-result")).toContainText("never grey");
    await page.getByTestId("chat-search").fill("lighthouse");
    await expect(page.getByTestId("search-empty")).toBeVisible();
    await page.getByTestId("chat-search").press("Escape");

    // Clearing the attachment asks the whole library again; the document stays in the library.
    await page.getByTestId("attached-clear").click();
    await expect(page.getByTestId("attached-document")).toHaveCount(0);

    // The source leaves the library: a new export marks the citation.
    await page.getByTestId("library-open").click();
    await page.getByTestId("library-doc").filter({ hasText: "harbour guide.md" }).getByTestId("library-remove").click();
    await page.getByTestId("library-remove-confirm").click();
    await expect(page.getByTestId("library-doc")).toHaveCount(0);
    await page.getByTestId("chat-list-item").first().click();
    await page.getByTestId("export-open").click();
    const again = page.waitForEvent("download");
    await page.getByTestId("export-json").click();
    const json = JSON.parse(fs.readFileSync((await (await again).path())!, "utf8")) as { messages: { citations?: { sourceRemoved?: boolean }[] }[] };
    expect(json.messages[1]!.citations![0]!.sourceRemoved).toBe(true);
});

test("everything has a keyboard way: shortcuts listed in a help panel, the system prompt and sampling edited without a mouse; dark theme follows the system and can be chosen", async ({ page }) => {
    await openWithModel(page, "scripted-cite");
    await page.getByTestId("composer").focus();
    await ask(page, "Hello harbour");

    // Help lists every shortcut; Esc closes it.
    await page.keyboard.press("Control+/");
    await expect(page.getByTestId("shortcuts-help")).toBeVisible();
    await expect(page.getByTestId("shortcut")).toHaveCount(6);
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("shortcuts-help")).toHaveCount(0);

    // Search, back to the composer, regenerate.
    await page.keyboard.press("Control+k");
    await expect(page.getByTestId("chat-search")).toBeFocused();
    await page.keyboard.press("Shift+Escape");
    await expect(page.getByTestId("composer")).toBeFocused();
    await page.keyboard.press("Control+Shift+R");
    await expect(page.locator('[data-testid="message"][data-role="assistant"]').last().getByTestId("version-label")).toHaveText("2 / 2");
    await expect(page.locator('[data-testid="message"][data-role="assistant"]').last()).toHaveAttribute("data-status", "done");

    // Up in the empty composer edits the last question; Esc leaves it as it was.
    await page.getByTestId("composer").focus();
    await page.keyboard.press("ArrowUp");
    await expect(page.getByTestId("edit-input")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("edit-input")).toHaveCount(0);

    // The system prompt: a preset, saved, shown at the top of the chat.
    await page.getByTestId("system-prompt-open").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("system-prompt-preset").selectOption("concise");
    await page.getByTestId("system-prompt-save").press("Enter");
    await expect(page.getByTestId("system-prompt")).toHaveAttribute("data-own", "true");
    await expect(page.getByTestId("system-prompt-text")).toContainText("as few words");

    // Sampling: a value out of range is refused naming the range; a good one is kept for the chat.
    await page.getByTestId("sampling-open").click();
    await page.getByTestId("sampling-temperature").fill("5");
    await page.getByTestId("sampling-save").click();
    await expect(page.getByTestId("sampling-problem-temperature")).toHaveText("Temperature must be between 0 and 2.");
    await page.getByTestId("sampling-temperature").fill("0.3");
    await page.getByTestId("sampling-seed").fill("42");
    await page.getByTestId("sampling-save").click();
    await expect(page.getByTestId("sampling-problem-temperature")).toHaveCount(0);
    await expect(page.getByTestId("sampling-panel")).toContainText("Now 0.3, from this chat");

    // Every control has a name a screen reader can say.
    const unnamed = await page.evaluate<string[]>(`[...document.querySelectorAll("button, input, select, textarea, summary")]
        .filter((control) => {
            if (control.closest("[aria-hidden=true]") || control.getAttribute("type") === "file" || control.offsetParent === null) return false;
            const labelled = control.getAttribute("aria-label") || control.getAttribute("aria-labelledby") || control.getAttribute("title");
            return !labelled && (control.labels?.length ?? 0) === 0 && (control.textContent ?? "").trim() === "";
        })
        .map((control) => control.outerHTML.slice(0, 120))`);
    expect(unnamed).toEqual([]);

    // Dark follows the system; Settings can pin light.
    const background = () => page.evaluate<string>("getComputedStyle(document.documentElement).backgroundColor");
    await page.emulateMedia({ colorScheme: "dark" });
    await expect.poll(background).toBe("rgb(22, 24, 27)");
    await page.emulateMedia({ colorScheme: "light" });
    await expect.poll(background).toBe("rgb(247, 247, 245)");
    await page.emulateMedia({ colorScheme: "dark" });
    await page.getByTestId("open-settings").click();
    await page.getByTestId("theme-light").check();
    await expect.poll(background).toBe("rgb(247, 247, 245)");
    await page.getByTestId("theme-dark").check();
    await page.emulateMedia({ colorScheme: "light" });
    await expect.poll(background).toBe("rgb(22, 24, 27)");
});
