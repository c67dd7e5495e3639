import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page, type WebSocketRoute } from "@playwright/test";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { startBrowserHost, type RunningHost } from "./support/startBrowserHost.js";

let dataDir = "";
let host: RunningHost | null = null;

test.beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-e2e-library-"));
});
test.afterEach(async () => {
    await host?.stop();
    host = null;
    fs.rmSync(dataDir, { recursive: true, force: true });
});

const seaDocument = `# The sea at Locus harbour

## Colour

In winter the water of Locus harbour turns a deep teal, because cold currents carry fine green silt in from the north.
Fishermen say the colour tells them the herring have arrived.

## Tides

The tide rises twice a day by about three metres. The old pier floods at the spring tides of March and September.
`;

/** Two messages as Thunderbird exports them: each becomes a document of its own in the library. */
const inbox = [
    "From ada@example.com Mon Mar  4 10:00:00 2024", "From: Ada Lovelace <ada@example.com>", "Subject: Harbour tour", "Date: Mon, 04 Mar 2024 10:00:00 +0000",
    "Message-ID: <tour@example.com>", "", "The harbour tour starts at the old pier at ten.", "",
    "From grace@example.com Mon Mar  4 11:00:00 2024", "From: Grace <grace@example.com>", "Subject: Re: Harbour tour", "Date: Mon, 04 Mar 2024 11:00:00 +0000",
    "", "I will bring the tide tables.", ""
].join("\n");

/** The questions the page sent, seen by the test; every message passes through unchanged. */
type Wire = { sends: Record<string, unknown>[] };

async function watchSocket(page: Page): Promise<Wire> {
    const wire: Wire = { sends: [] };
    await page.routeWebSocket(/\/ws\?token=/, (ws: WebSocketRoute) => {
        const server = ws.connectToServer();
        ws.onMessage((message) => {
            const request = JSON.parse(String(message)) as { method?: string; args?: Record<string, unknown> };
            if (request.method === "chats.send" && request.args) wire.sends.push(request.args);
            server.send(message);
        });
        server.onMessage((message) => ws.send(message));
    });
    return wire;
}

async function addModel(page: Page, modelPath: string): Promise<string> {
    await page.getByTestId("model-path-input").fill(modelPath);
    await page.getByTestId("model-add").click();
    const item = page.getByTestId("model-list-item").filter({ hasText: path.basename(modelPath) });
    await expect(item).toHaveCount(1);
    return (await item.getAttribute("data-model-id"))!;
}

test("a person adds a folder, is told to choose an embedding model, sees each file indexed or failed with a reason, and manages the list", async ({ page }) => {
    const [chatPath, embedPath] = await Promise.all([ensureSyntheticModel("tiny-q8_0"), ensureSyntheticModel("tiny-embed")]);
    const docs = path.join(dataDir, "docs");
    fs.mkdirSync(docs);
    fs.writeFileSync(path.join(docs, "sea.md"), seaDocument);
    fs.writeFileSync(path.join(docs, "broken.pdf"), "these are notes, not a PDF");
    fs.writeFileSync(path.join(docs, "inbox.mbox"), inbox);
    host = await startBrowserHost({ dataDir });
    await page.goto(host.url);
    await page.getByTestId("wizard-skip").click();
    const chatId = await addModel(page, chatPath);
    const embedId = await addModel(page, embedPath);

    await page.getByTestId("library-open").click();
    await expect(page.getByTestId("library-view")).toBeVisible();
    await expect(page.locator("#library-title")).toBeFocused();
    await page.getByTestId("library-path-input").fill(docs);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("library-doc")).toHaveCount(3);

    // Nothing can be indexed without an embedding model: the library says so and leads to Settings.
    await expect(page.getByTestId("ingest-blocked")).toContainText(/embedding model/i);
    await expect(page.locator('[data-testid="library-doc"][data-status="queued"]')).toHaveCount(3);
    await page.getByTestId("library-open-settings").click();
    await expect(page.getByTestId("settings")).toBeVisible();
    const problem = page.getByTestId("settings-embedding-model-problem");
    await expect(problem).toContainText(/embedding model/i);
    // A chat model cannot index documents: Settings says so, in main's words.
    await page.getByTestId("settings-embedding-model").selectOption(chatId);
    await page.getByTestId("settings-embedding-model-apply").click();
    await expect(problem).toContainText(/chat model/i);
    await page.getByTestId("settings-embedding-model").selectOption(embedId);
    await page.getByTestId("settings-embedding-model-apply").click();
    await expect(page.getByTestId("settings-embedding-model-saved")).toBeVisible();
    await page.getByTestId("settings-cancel").click();

    // Indexing runs by itself now; every file ends indexed or failed, the failure saying why.
    const sea = page.getByTestId("library-doc").filter({ hasText: "sea.md" });
    const broken = page.getByTestId("library-doc").filter({ hasText: "broken.pdf" });
    await expect(sea).toHaveAttribute("data-status", "indexed", { timeout: 120_000 });
    await expect(broken).toHaveAttribute("data-status", "failed");
    await expect(broken.getByTestId("library-doc-reason")).toContainText(/PDF/);
    await expect(sea).toContainText(/passage/);
    await expect(page.getByTestId("ingest-blocked")).toHaveCount(0);
    await expect(page.locator('[data-testid="ingest-progress"][data-running="true"]')).toHaveCount(0);

    // A mailbox is one row; its messages are listed under it, each with its subject, sender and date.
    const mailbox = page.getByTestId("library-doc").filter({ hasText: "inbox.mbox" });
    await expect(mailbox).toHaveAttribute("data-status", "indexed", { timeout: 120_000 });
    await expect(mailbox.getByTestId("library-doc-facts")).toContainText("2 messages");
    await mailbox.getByTestId("library-mailbox-toggle").click();
    const messages = page.getByTestId("library-message");
    await expect(messages).toHaveCount(2);
    await expect(messages.nth(0)).toContainText("Harbour tour");
    await expect(messages.nth(0)).toContainText("From Ada Lovelace <ada@example.com> · 2024-03-04 10:00 UTC");
    await expect(messages.nth(1)).toContainText("Re: Harbour tour");
    await expect(messages.getByTestId("library-remove")).toHaveCount(0);
    await mailbox.getByTestId("library-mailbox-toggle").click();
    await expect(messages).toHaveCount(0);

    // Remove asks first; Keep (or Esc) leaves the document, Remove takes it out.
    await broken.getByTestId("library-remove").click();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("library-doc")).toHaveCount(3);
    await broken.getByTestId("library-remove").click();
    await page.getByTestId("library-remove-confirm").click();
    await expect(page.getByTestId("library-doc")).toHaveCount(2);

    // Re-indexing one document brings it back to indexed.
    await sea.getByTestId("library-reindex").click();
    await expect(sea).toHaveAttribute("data-status", "indexed", { timeout: 120_000 });

    // After a reload the library is still there.
    await page.reload();
    await page.getByTestId("library-open").click();
    await expect(page.getByTestId("library-doc")).toHaveCount(2);
    await expect(sea).toHaveAttribute("data-status", "indexed");
    await expect(mailbox.getByTestId("library-doc-facts")).toContainText("2 messages");
});

test("asking the library sends library mode, shows citation chips and sources, and a chip opens the passage in place", async ({ page }) => {
    // The scripted model answers every question with one fixed text that cites [1] and an invented [7]
    // (tests/support/gguf/generateScriptedChatModel.ts): the citation below comes from the real path.
    const [chatPath, embedPath, rerankPath] = await Promise.all([
        ensureSyntheticModel("scripted-cite"), ensureSyntheticModel("tiny-embed"), ensureSyntheticModel("tiny-rerank")
    ]);
    const docs = path.join(dataDir, "docs");
    fs.mkdirSync(docs);
    fs.writeFileSync(path.join(docs, "sea.md"), seaDocument);
    host = await startBrowserHost({ dataDir });
    const wire = await watchSocket(page);
    await page.goto(host.url);
    await page.getByTestId("wizard-skip").click();

    const chatId = await addModel(page, chatPath);
    const embedId = await addModel(page, embedPath);
    await page.getByTestId("model-list-item").filter({ hasText: path.basename(chatPath) }).getByTestId("model-load").click();
    await expect(page.getByTestId("engine-status")).toHaveAttribute("data-state", "ready");
    expect(chatId).not.toBe(embedId);

    await page.getByTestId("open-settings").click();
    await page.getByTestId("settings-embedding-model").selectOption(embedId);
    await page.getByTestId("settings-embedding-model-apply").click();
    await expect(page.getByTestId("settings-embedding-model-saved")).toBeVisible();
    await page.getByTestId("settings-cancel").click();

    // A reranker: the list in Settings offers only rerankers (and None); the answer below goes through it.
    const rerankId = await addModel(page, rerankPath);
    await page.getByTestId("open-settings").click();
    await expect(page.getByTestId("settings-reranker").locator("option")).toHaveCount(2);
    await page.getByTestId("settings-reranker").selectOption(rerankId);
    await page.getByTestId("settings-reranker-apply").click();
    await expect(page.getByTestId("settings-reranker-saved")).toBeVisible();
    await page.getByTestId("settings-cancel").click();

    await page.getByTestId("library-open").click();
    await page.getByTestId("library-path-input").fill(path.join(docs, "sea.md"));
    await page.getByTestId("library-add").click();
    const sea = page.getByTestId("library-doc");
    await expect(sea).toHaveAttribute("data-status", "indexed", { timeout: 120_000 });

    // A new chat, switched to "Ask my library": the question goes out in library mode.
    await page.getByTestId("new-chat").click();
    await page.getByTestId("mode-library").click();
    await expect(page.getByTestId("mode-library")).toHaveAttribute("aria-pressed", "true");
    await page.getByTestId("composer").fill("What colour is the harbour in winter?");
    await page.getByTestId("send").click();
    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect(answer).toHaveAttribute("data-status", "done", { timeout: 120_000 });
    expect(wire.sends.at(-1)).toMatchObject({ mode: "library", text: "What colour is the harbour in winter?" });

    // The final text replaced the streamed one: the invented [7] pointed at nothing and is gone, and the
    // citation became a chip pointing at the passage that holds the words ("deep teal"), whichever number
    // the (random) reranker gave it: the model always writes [1], and a [1] that points at the tides
    // passage is moved to the colour passage.
    await expect(answer).toContainText("In winter the harbour turns deep teal");
    await expect(answer).toContainText("never grey");
    await expect(answer).not.toContainText("[7]");
    const chip = answer.getByTestId("citation");
    await expect(chip).toHaveCount(1);
    await expect(answer.getByTestId("message-source")).toHaveCount(1);
    await expect(answer.getByTestId("message-source")).toContainText("sea.md");
    await expect(answer.getByTestId("message-source")).toContainText("Colour");
    // Reranked without trouble: no "answered without reranking" note.
    await expect(answer.locator(".note")).toHaveCount(0);

    // The chip opens the passage, highlighted in its context; Esc closes it and focus returns to the chip.
    await chip.click();
    const source = page.getByTestId("source-view");
    await expect(source).toBeVisible();
    await expect(source.getByTestId("source-document")).toHaveText("sea.md");
    await expect(source.getByTestId("source-place")).toContainText("Colour");
    await expect(source.getByTestId("source-highlight")).toContainText("deep teal");
    await source.getByTestId("source-open-file").click();
    await expect(source.getByTestId("source-file-note")).toContainText("Open sea.md from your file manager");
    await page.keyboard.press("Escape");
    await expect(source).toHaveCount(0);
    await expect(chip).toBeFocused();

    // The keyboard works too: Enter on the focused chip opens it again.
    await page.keyboard.press("Enter");
    await expect(source).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(source).toHaveCount(0);

    // The mode is remembered per chat, also after a reload.
    await page.getByTestId("new-chat").click();
    await page.getByTestId("mode-chat").click();
    await page.reload();
    await expect(page.locator(".app")).toHaveAttribute("data-loaded", "true");
    await expect(page.getByTestId("mode-chat")).toHaveAttribute("aria-pressed", "true");
    await page.getByTestId("chat-list-item").filter({ hasText: /harbour/i }).getByRole("button").first().click();
    await expect(page.getByTestId("mode-library")).toHaveAttribute("aria-pressed", "true");
});
