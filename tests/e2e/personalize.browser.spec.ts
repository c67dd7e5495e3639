import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { startBrowserHost, type RunningHost } from "./support/startBrowserHost.js";

let dataDir = "";
let host: RunningHost | null = null;

test.beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-e2e-personalize-"));
});
test.afterEach(async () => {
    await host?.stop();
    host = null;
    fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A few paragraphs on one subject: enough text to train on (the services want at least a paragraph or two). */
function notes(title: string, facts: string[]): string {
    const paragraphs = facts.map((fact, index) =>
        `${fact} The harbour log for week ${index + 1} records it in the same words, and the pilots repeat it to every new crew member who asks.`);
    return `# ${title}\n\n${paragraphs.join("\n\n")}\n`;
}

const documents: Record<string, string> = {
    "harbour.md": notes("Locus harbour", [
        "In winter the water of Locus harbour turns a deep teal, because cold currents carry fine green silt in from the north.",
        "Fishermen say the teal colour tells them the herring have arrived.",
        "The harbour master rings the copper bell twice at dawn when the herring boats may leave."
    ]),
    "tides.txt": notes("Tides", [
        "The tide at Locus rises twice a day by about three metres.",
        "The old pier floods at the spring tides of March and September.",
        "Boats moor on the east wall during spring tides, where the water stays calm."
    ]),
    "lighthouse.md": notes("The lighthouse", [
        "The Locus lighthouse shows one white flash every six seconds.",
        "Its keeper, Ada Marsh, logs the weather at six, noon and six.",
        "In fog the lighthouse sounds a horn three times a minute."
    ])
};

async function addModel(page: Page, modelPath: string): Promise<string> {
    await page.getByTestId("model-path-input").fill(modelPath);
    await page.getByTestId("model-add").click();
    const item = page.getByTestId("model-list-item").filter({ hasText: path.basename(modelPath) });
    await expect(item).toHaveCount(1);
    return (await item.getAttribute("data-model-id"))!;
}

/** The progress bar's value as the page has it (its `value` property: Svelte sets it, not the attribute). */
const progressValue = (bar: Locator) => bar.evaluate((element) => (element as unknown as { value: number }).value);

test("a person teaches the model chosen documents within a budget, stops it, uses the adapter in chat, finds run and adapter after reloads, and manages adapters", async ({ page }) => {
    test.setTimeout(480_000);
    const [chatPath, embedPath] = await Promise.all([ensureSyntheticModel("tiny-q8_0"), ensureSyntheticModel("tiny-embed")]);
    const docs = path.join(dataDir, "docs");
    fs.mkdirSync(docs);
    for (const [name, text] of Object.entries(documents)) fs.writeFileSync(path.join(docs, name), text);
    fs.writeFileSync(path.join(docs, "short.md"), "# Buoys\n\nThe buoys at Locus are red.\n");
    fs.writeFileSync(path.join(docs, "broken.pdf"), "these are notes, not a PDF");
    host = await startBrowserHost({ dataDir });
    await page.goto(host.url);
    await page.getByTestId("wizard-skip").click();

    // A chat model (loading it makes it the one Personalize teaches) and an embedding model for the library.
    await addModel(page, chatPath);
    const embedId = await addModel(page, embedPath);
    const chatItem = page.getByTestId("model-list-item").filter({ hasText: path.basename(chatPath) });
    const chatModelName = (await chatItem.locator(".name").getAttribute("title"))!;
    await chatItem.getByTestId("model-load").click();
    await expect(page.getByTestId("engine-status")).toHaveAttribute("data-state", "ready");
    await page.getByTestId("open-settings").click();
    await page.getByTestId("settings-embedding-model").selectOption(embedId);
    await page.getByTestId("settings-embedding-model-apply").click();
    await expect(page.getByTestId("settings-embedding-model-saved")).toBeVisible();
    await page.getByTestId("settings-cancel").click();

    await page.getByTestId("library-open").click();
    await page.getByTestId("library-path-input").fill(docs);
    await page.keyboard.press("Enter");
    await expect(page.locator('[data-testid="library-doc"][data-status="indexed"]')).toHaveCount(4, { timeout: 120_000 });
    await expect(page.locator('[data-testid="library-doc"][data-status="failed"]')).toHaveCount(1);

    // Personalize is reachable from the keyboard: focus its entry and press Enter; focus lands on the heading.
    await page.getByTestId("personalize-open").focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("personalize-view")).toBeVisible();
    await expect(page.locator("#personalize-title")).toBeFocused();
    await expect(page.getByTestId("adapter-list")).toContainText("No adapters yet");

    // Every indexed document is offered; the broken one is listed but cannot be chosen, and says why.
    const rows = page.getByTestId("training-doc");
    await expect(rows).toHaveCount(5);
    const broken = rows.filter({ hasText: "broken.pdf" });
    await expect(broken).toHaveAttribute("data-selectable", "false");
    await expect(broken.getByRole("checkbox")).toBeDisabled();
    await expect(broken.getByTestId("training-doc-reason")).toContainText(/Could not be read/);
    await expect(page.getByTestId("training-selected-count")).toHaveText("4 of 4 indexed documents selected");

    // With nothing selected, Start waits and says why.
    await page.getByTestId("training-select-none").click();
    await expect(page.getByTestId("training-start")).toBeDisabled();
    await expect(page.getByTestId("training-blocker")).toHaveText(/Select at least one document/);

    // The services' refusal comes back in their words: one line of text is too little to learn from.
    const short = rows.filter({ hasText: "short.md" }).getByRole("checkbox");
    await short.check();
    await page.getByTestId("training-budget-preset").filter({ hasText: "1 minute" }).click();
    await page.getByTestId("training-start").click();
    await expect(page.getByTestId("training-problem")).toContainText(/Not enough text to learn from/);
    await expect(page.getByTestId("training-run")).toHaveCount(0);
    await short.uncheck();

    await rows.filter({ hasText: "harbour.md" }).getByRole("checkbox").check();
    await rows.filter({ hasText: "tides.txt" }).getByRole("checkbox").check();
    await expect(page.getByTestId("training-selected-count")).toHaveText("2 of 4 indexed documents selected");

    // A budget the contract refuses is caught before it is sent; one minute is accepted.
    const budget = page.getByTestId("training-budget");
    await budget.fill("0");
    await expect(page.getByTestId("training-blocker")).toContainText(/whole minutes/);
    await budget.fill("1");
    await expect(page.locator('[data-testid="training-budget-preset"][data-minutes="1"]')).toHaveAttribute("aria-pressed", "true");
    await page.getByTestId("training-name").fill("Harbour notes");
    await expect(page.getByTestId("training-blocker")).toHaveCount(0);
    await page.getByTestId("training-start").click();

    // The run shows live: the chart gets points, the progress bar moves, the numbers fill in.
    const run = page.getByTestId("training-run");
    await expect(run).toHaveAttribute("data-state", /preparing|training/);
    await expect(page.getByTestId("training-form")).toHaveCount(0);
    const chart = page.getByTestId("loss-chart");
    await expect.poll(async () => Number(await chart.getAttribute("data-train-points")), { timeout: 120_000 }).toBeGreaterThanOrEqual(2);
    await expect(chart.locator("path.train")).toHaveCount(1);
    await expect(chart.locator("svg title")).toHaveText(/loss/i);
    await expect(chart.locator("svg desc")).toContainText(/Train loss went from/);
    const bar = page.getByTestId("training-progress");
    const firstValue = await progressValue(bar);
    await expect.poll(() => progressValue(bar), { timeout: 30_000 }).toBeGreaterThan(firstValue);
    await expect(page.getByTestId("training-time")).toContainText(/of 1:00/);
    await expect(page.getByTestId("training-pace")).toContainText(/step \d+/);
    await expect(page.getByTestId("training-losses")).toContainText(/Train loss \d+\.\d\d/);
    // The sidebar tells how far it is while the person is elsewhere.
    await expect(page.getByTestId("personalize-open")).toContainText(/\d+%/);

    // Stop ends the run after its current step and keeps what it learned so far.
    await page.getByTestId("training-stop").click();
    await expect(page.getByTestId("training-stopping").or(page.getByTestId("training-summary"))).toBeVisible();
    const summary = page.getByTestId("training-summary");
    await expect(summary).toBeVisible({ timeout: 120_000 });
    await expect(run).toHaveAttribute("data-state", "cancelled");
    await expect(summary).toHaveAttribute("data-stopped-by", "cancelled");
    await expect(page.getByTestId("training-summary-reason")).toHaveText("Stopped when you asked.");
    await expect(page.getByTestId("training-summary-loss")).toHaveText(/^\d+\.\d\d/);
    await expect(page.getByTestId("training-summary-adapter")).toHaveText("Harbour notes");
    await expect(page.getByTestId("training-form")).toBeVisible();

    // The adapter is in the list with what it was trained on, not yet used.
    const harbour = page.getByTestId("adapter-item").filter({ hasText: "Harbour notes" });
    await expect(page.getByTestId("adapter-item")).toHaveCount(1);
    await expect(harbour.getByTestId("adapter-name")).toHaveText("Harbour notes");
    await expect(harbour).toContainText(/2 documents: (harbour\.md, tides\.txt|tides\.txt, harbour\.md)/);
    await expect(harbour).toContainText(chatModelName);
    await expect(harbour).toContainText("1 minute");
    await expect(harbour).toHaveAttribute("data-active", "false");

    // "Use this adapter in chat" activates it and goes to the chat, whose header names it.
    await page.getByTestId("training-use-adapter").click();
    const chatAdapter = page.getByTestId("chat-adapter");
    await expect(chatAdapter).toContainText("Harbour notes");
    await expect(chatAdapter).toContainText("×1.0");

    // A question gets an answer from the model with the adapter applied (the synthetic model's words are noise).
    await page.getByTestId("new-chat").click();
    await page.getByTestId("composer").fill("What colour is the harbour in winter?");
    await page.getByTestId("send").click();
    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect.poll(async () => Number(await answer.getAttribute("data-length")), { timeout: 120_000 }).toBeGreaterThan(0);
    await page.getByTestId("stop").click();
    await expect(answer).toHaveAttribute("data-status", /done|stopped/);
    await expect(page.getByTestId("error-banner")).toHaveCount(0);

    // After a reload the adapter is still active, in the chat header and in Personalize, with the run's summary.
    await page.reload();
    await expect(page.locator(".app")).toHaveAttribute("data-loaded", "true");
    await expect(page.getByTestId("chat-adapter")).toContainText("Harbour notes");
    await page.getByTestId("personalize-open").click();
    await expect(page.getByTestId("adapter-item")).toHaveCount(1);
    await expect(harbour).toHaveAttribute("data-active", "true");
    await expect(harbour.getByTestId("adapter-active-badge")).toBeVisible();
    await expect(page.getByTestId("training-adapter-active")).toBeVisible();
    await expect(page.getByTestId("training-summary-reason")).toHaveText("Stopped when you asked.");

    // A second run on the whole library, left to use its minute; a reload in the middle finds it again, live.
    await page.getByTestId("training-select-all").click();
    await expect(page.getByTestId("training-selected-count")).toHaveText("4 of 4 indexed documents selected");
    await page.getByTestId("training-budget-preset").filter({ hasText: "1 minute" }).click();
    await expect(budget).toHaveValue("1");
    await page.getByTestId("training-name").fill("Whole library");
    // Question-answer pairs too: a broken file is named with its line; a good one is counted.
    const pairsDir = fs.mkdtempSync(path.join(dataDir, "pairs-"));
    const brokenPairs = path.join(pairsDir, "broken.jsonl");
    fs.writeFileSync(brokenPairs, '{"question": "What colour is the harbour in winter?", "answer": "Deep teal."}\n{"question": "Bell?"}\n');
    const faq = path.join(pairsDir, "faq.jsonl");
    fs.writeFileSync(faq, [
        { question: "What colour is Locus harbour in winter?", answer: "A deep teal, from the green silt the cold currents bring." },
        { question: "How often does the lighthouse flash?", answer: "Once every six seconds, white." },
        { question: "Where do boats moor at spring tides?", answer: "On the east wall, where the water stays calm." }
    ].map((pair) => JSON.stringify(pair)).join("\n"));
    await page.getByTestId("training-pairs-path").fill(brokenPairs);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("training-pairs-problem")).toHaveText('"broken.jsonl", line 2: needs a non-empty "question" and "answer" (found fields: question).');
    await page.getByTestId("training-pairs-path").fill(faq);
    await page.getByTestId("training-pairs-add").click();
    await expect(page.getByTestId("training-pairs-chosen")).toHaveText("faq.jsonl: 3 pairs");
    await expect(page.getByTestId("training-pairs-problem")).toHaveCount(0);
    await page.getByTestId("training-start").click();
    await expect(run).toHaveAttribute("data-state", /preparing|training/);
    await page.reload();
    await expect(page.locator(".app")).toHaveAttribute("data-loaded", "true");
    await page.getByTestId("personalize-open").click();
    await expect(run).toHaveAttribute("data-state", /preparing|training/);
    await expect(page.getByTestId("training-stop")).toBeVisible();
    const pointsAfterReload = Number(await chart.getAttribute("data-train-points"));
    await expect.poll(async () => Number(await chart.getAttribute("data-train-points")), { timeout: 60_000 }).toBeGreaterThan(pointsAfterReload);
    await expect(summary).toHaveAttribute("data-stopped-by", "budget", { timeout: 150_000 });
    await expect(run).toHaveAttribute("data-state", "done");
    await expect(page.getByTestId("training-summary-reason")).toHaveText("Stopped when its 1 minute ran out.");
    // Held-back text measured before and after: the summary gives both and the change.
    await expect(page.getByTestId("training-summary-loss")).toHaveText(/^\d+\.\d{2,5} → \d+\.\d{2,5} \((no change|[−+]\d+\.\d%|less than 0\.1% (lower|higher))\)$/);
    await expect(page.getByTestId("training-summary-adapter")).toHaveText("Whole library");
    await expect(page.getByTestId("training-summary-source")).toHaveText(/ from 4 documents and 3 question–answer pairs$/);

    // One adapter at a time: using the new one stops using the first.
    await expect(page.getByTestId("adapter-item")).toHaveCount(2);
    // Found by id from here on: its name is about to change.
    const wholeId = await page.getByTestId("adapter-item").filter({ hasText: "Whole library" }).getAttribute("data-adapter-id");
    const whole = page.locator(`[data-testid="adapter-item"][data-adapter-id="${wholeId}"]`);
    await expect(whole).toContainText("4 documents");
    await expect(whole).toContainText("faq.jsonl (3 question-answer pairs)");
    await whole.getByTestId("adapter-activate").click();
    await expect(whole).toHaveAttribute("data-active", "true");
    await expect(harbour).toHaveAttribute("data-active", "false");

    // Strength and name change in place; the chat header follows.
    await whole.getByTestId("adapter-scale").fill("0.5");
    await expect(whole.getByTestId("adapter-scale-value")).toHaveText("×0.5");
    await whole.getByTestId("adapter-rename").click();
    await whole.getByTestId("adapter-rename-input").fill("Locus notes");
    await page.keyboard.press("Enter");
    await expect(whole.getByTestId("adapter-name")).toHaveText("Locus notes");

    // Delete asks first; Keep (or Esc) leaves the adapter, Delete removes it.
    await harbour.getByTestId("adapter-remove").click();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("adapter-item")).toHaveCount(2);
    await harbour.getByTestId("adapter-remove").click();
    await page.getByTestId("adapter-remove-confirm").click();
    await expect(page.getByTestId("adapter-item")).toHaveCount(1);

    await page.getByTestId("chat-list-item").first().getByRole("button").first().click();
    await expect(page.getByTestId("chat-adapter")).toContainText("Locus notes");
    await expect(page.getByTestId("chat-adapter")).toContainText("×0.5");
});
