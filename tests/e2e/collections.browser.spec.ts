import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page, type WebSocketRoute } from "@playwright/test";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { startBrowserHost, type RunningHost } from "./support/startBrowserHost.js";

let dataDir = "";
let host: RunningHost | null = null;

test.beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-e2e-collections-"));
});
test.afterEach(async () => {
    await host?.stop();
    host = null;
    fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The chat requests the page sent; every message passes through unchanged. */
async function watchSends(page: Page): Promise<Record<string, unknown>[]> {
    const sends: Record<string, unknown>[] = [];
    await page.routeWebSocket(/\/ws\?token=/, (ws: WebSocketRoute) => {
        const server = ws.connectToServer();
        ws.onMessage((message) => {
            const request = JSON.parse(String(message)) as { method?: string; args?: Record<string, unknown> };
            if (request.method === "chats.send" && request.args) sends.push(request.args);
            server.send(message);
        });
        server.onMessage((message) => ws.send(message));
    });
    return sends;
}

async function addModel(page: Page, modelPath: string): Promise<string> {
    await page.getByTestId("model-path-input").fill(modelPath);
    await page.getByTestId("model-add").click();
    const item = page.getByTestId("model-list-item").filter({ hasText: path.basename(modelPath) });
    await expect(item).toHaveCount(1);
    return (await item.getAttribute("data-model-id"))!;
}

test("a person keeps work apart in a collection, filters the library by it, and asks only that collection from the composer's chips", async ({ page }) => {
    const [chatPath, embedPath] = await Promise.all([ensureSyntheticModel("scripted-cite"), ensureSyntheticModel("tiny-embed")]);
    const docs = path.join(dataDir, "docs");
    fs.mkdirSync(docs);
    fs.writeFileSync(path.join(docs, "work-harbour.md"), "# Harbour work\n\nIn winter the harbour turns deep teal, our survey found.\n");
    fs.writeFileSync(path.join(docs, "private-diary.md"), "# Diary\n\nIn winter the harbour turns deep teal, I wrote in my diary.\n");
    host = await startBrowserHost({ dataDir });
    const sends = await watchSends(page);
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

    // Both documents indexed, then a "Work" collection holding only the work document.
    await page.getByTestId("library-open").click();
    await page.getByTestId("library-path-input").fill(docs);
    await page.getByTestId("library-add").click();
    const rows = page.getByTestId("library-doc");
    await expect(rows).toHaveCount(2, { timeout: 60_000 });
    for (const row of await rows.all()) await expect(row).toHaveAttribute("data-status", "indexed", { timeout: 120_000 });
    await page.getByTestId("library-collection-name").fill("Work");
    await page.getByTestId("library-collection-create").click();
    const work = rows.filter({ hasText: "work-harbour.md" });
    await expect(work.getByTestId("library-doc-collection")).toBeVisible();
    await work.getByTestId("library-doc-collection").selectOption({ label: "Work" });

    // The filter shows a collection's documents, or those in none.
    const filter = page.getByTestId("library-collection-filter");
    await expect(filter.locator("option", { hasText: "Work (1)" })).toHaveCount(1);
    await filter.selectOption({ label: "Work (1)" });
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText("work-harbour.md");
    await filter.selectOption("none");
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText("private-diary.md");
    await filter.selectOption("all");
    await expect(rows).toHaveCount(2);

    // Ask my library, limited to Work by its chip: the request names the collection, and the answer's
    // only source is the work document although the diary holds the same words.
    await page.getByTestId("new-chat").click();
    await page.getByTestId("mode-library").click();
    const chip = page.getByTestId("collection-chip").filter({ hasText: "Work" });
    await expect(chip).toHaveAttribute("aria-pressed", "false");
    await expect(page.getByTestId("collection-chips")).toContainText("Asking all documents");
    await chip.click();
    await expect(chip).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("collection-chips")).toContainText("Asking only:");
    await page.getByTestId("composer").fill("What colour is the harbour in winter?");
    await page.getByTestId("send").click();
    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect(answer).toHaveAttribute("data-status", "done", { timeout: 120_000 });
    const sent = sends.at(-1)!;
    expect(sent).toMatchObject({ mode: "library", collectionIds: [expect.any(String)] });
    const sources = answer.getByTestId("message-source");
    await expect(sources.first()).toContainText("work-harbour.md");
    await expect(answer).not.toContainText("private-diary.md");
});
