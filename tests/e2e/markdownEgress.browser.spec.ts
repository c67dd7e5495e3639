import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type BrowserContext, type Page, type WebSocketRoute } from "@playwright/test";
import { hostileMarkdown } from "../support/egress/hostileMarkdown.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { startBrowserHost, type RunningHost } from "./support/startBrowserHost.js";

let dataDir = "";
let host: RunningHost | null = null;

// The window's Content Security Policy would stop most remote loads by itself: switched off here, so these
// tests show what the Markdown sanitizer alone lets through. The control at the end of each test proves
// that a remote load from the page does reach the recorder when the policy is off.
test.use({ bypassCSP: true });

test.beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-e2e-egress-"));
});
test.afterEach(async () => {
    await host?.stop();
    host = null;
    fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Requests from the page to anything but the app's own address: recorded, and refused so nothing leaves. */
async function recordForeignRequests(context: BrowserContext, appOrigin: string): Promise<string[]> {
    const foreign: string[] = [];
    const isForeign = (url: string) => !url.startsWith(`${appOrigin}/`) && !url.startsWith("data:") && !url.startsWith("blob:");
    const note = (url: string) => {
        if (!foreign.includes(url)) foreign.push(url);
    };
    await context.route((url) => isForeign(url.href), async (route) => {
        note(route.request().url());
        await route.abort("blockedbyclient");
    });
    // Requests that might skip routing (a preload scanner's, a service worker's) are seen here too.
    context.on("request", (request) => {
        if (isForeign(request.url())) note(request.url());
    });
    return foreign;
}

/** A remote picture put on the page by hand must reach the recorder: the checks above it mean something. */
async function expectRecorderSeesControl(page: Page, foreign: string[]): Promise<void> {
    const control = "https://control.example/recorder-works.png";
    // A string, run in the page: this file is type-checked without the DOM's types.
    await page.evaluate(`(() => {
        const image = document.createElement("img");
        image.src = ${JSON.stringify(control)};
        document.body.append(image);
    })()`);
    await expect.poll(() => foreign).toContain(control);
}

/** Hovers every link of the answer (a browser may prefetch on hover) and gives late loads a moment. */
async function lingerOver(page: Page, answer: ReturnType<Page["locator"]>): Promise<void> {
    for (const link of await answer.locator(".markdown a").all()) await link.hover();
    await page.waitForTimeout(1_500);
}

/**
 * Replaces the next answer the page receives with `markdown`: its first streamed token carries all of it, the
 * rest carry nothing, and the final text is the same. Everything else passes through unchanged.
 */
async function replaceNextAnswer(page: Page, markdown: string): Promise<{ arm(): void }> {
    let armed = false;
    let messageId: string | null = null;
    await page.routeWebSocket(/\/ws\?token=/, (ws: WebSocketRoute) => {
        const server = ws.connectToServer();
        ws.onMessage((message) => server.send(message));
        server.onMessage((message) => {
            const frame = JSON.parse(String(message)) as { type?: string; event?: string; payload?: Record<string, unknown> };
            const payload = frame.payload;
            if (armed && frame.type === "event" && frame.event === "chat.token" && payload && payload["part"] === undefined) {
                const first = messageId === null;
                messageId ??= String(payload["messageId"]);
                if (payload["messageId"] === messageId) payload["text"] = first ? markdown : "";
            } else if (armed && frame.type === "event" && frame.event === "chat.done" && payload && payload["messageId"] === messageId) {
                payload["content"] = markdown;
                const stored = payload["message"] as Record<string, unknown> | undefined;
                if (stored) stored["content"] = markdown;
                armed = false;
            }
            ws.send(JSON.stringify(frame));
        });
    });
    return { arm: () => { armed = true; messageId = null; } };
}

async function addModel(page: Page, modelPath: string): Promise<string> {
    await page.getByTestId("model-path-input").fill(modelPath);
    await page.getByTestId("model-add").click();
    const item = page.getByTestId("model-list-item").filter({ hasText: path.basename(modelPath) });
    await expect(item).toHaveCount(1);
    return (await item.getAttribute("data-model-id"))!;
}

async function ask(page: Page, question: string) {
    await page.getByTestId("composer").fill(question);
    await page.getByTestId("send").click();
    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect(answer).toHaveAttribute("data-status", "done", { timeout: 120_000 });
    return answer;
}

test("a model's answer with remote pictures and hostile HTML in its Markdown makes the page fetch nothing outside the app", async ({ page, context }) => {
    // The scripted model answers every question with a remote Markdown picture and a raw <IMG SRC>.
    const modelPath = await ensureSyntheticModel("scripted-remote-image");
    host = await startBrowserHost({ dataDir });
    const foreign = await recordForeignRequests(context, host.origin);
    const replace = await replaceNextAnswer(page, hostileMarkdown);
    await page.goto(host.url);
    await page.getByTestId("wizard-skip").click();
    await addModel(page, modelPath);
    await page.getByTestId("model-load").first().click();
    await expect(page.getByTestId("engine-status")).toHaveAttribute("data-state", "ready");
    await page.getByTestId("new-chat").click();

    // The model's own answer: the picture is its alt text, the HTML is shown as text.
    const first = await ask(page, "Show me the harbour chart.");
    await expect(first).toContainText(/Here is the chart: ?Harbour map/);
    await lingerOver(page, first);
    expect(foreign).toEqual([]);
    await expect(first).toContainText("<IMG SRC=//pixel.test/t.gif>");
    await expect(first.locator(".markdown").locator("img, picture, svg, iframe, object, embed, video, audio, link, style, [style]")).toHaveCount(0);

    // Every other way, as the page receives an answer: still nothing but text and plain links.
    replace.arm();
    const second = await ask(page, "And every other way to show a picture?");
    await expect(second).toContainText("a link that pings");
    await expect(second.locator("a[href='https://plain-link.example/cc']")).toHaveCount(1);
    await lingerOver(page, second);
    expect(foreign).toEqual([]);
    await expect(second.locator(".markdown").locator("img, picture, source, svg, iframe, object, embed, video, audio, link, style, [style], [ping], [srcset], [background], base, meta, input, script"))
        .toHaveCount(0);

    // Reloaded from the services, the model's answer draws the same way.
    await page.reload();
    await expect(page.locator(".app")).toHaveAttribute("data-loaded", "true");
    await page.getByTestId("chat-list-item").first().getByRole("button").first().click();
    await expect(page.locator('[data-testid="message"][data-role="assistant"]').first()).toContainText(/Here is the chart: ?Harbour map/);
    await page.waitForTimeout(1_000);
    expect(foreign).toEqual([]);

    await expectRecorderSeesControl(page, foreign);
});

test("a document whose text holds remote pictures, styles and HTML, cited in a library answer and opened as a source, makes the page fetch nothing outside the app", async ({ page, context }) => {
    const [chatPath, embedPath] = await Promise.all([ensureSyntheticModel("scripted-cite"), ensureSyntheticModel("tiny-embed")]);
    const docs = path.join(dataDir, "docs");
    fs.mkdirSync(docs);
    // The passage the scripted answer cites ("deep teal") carries every hostile form; so does its heading.
    fs.writeFileSync(path.join(docs, "sea.md"), "# The sea ![logo](https://heading-image.example/logo.png)\n\n## Colour\n\n" +
        "In winter the water of Locus harbour turns a deep teal, because cold currents carry fine green silt in from the north. " +
        "![chart](https://passage-image.example/a.png) <img src=\"https://passage-html.example/b.png\"> " +
        "<link rel=\"preload\" href=\"https://passage-preload.example/c.css\"> <style>@import url(https://passage-css.example/d.css)</style>\n\n" +
        `${hostileMarkdown}\n\n## Tides\n\nThe tide rises twice a day by about three metres.\n`);
    host = await startBrowserHost({ dataDir });
    const foreign = await recordForeignRequests(context, host.origin);
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

    await page.getByTestId("library-open").click();
    await page.getByTestId("library-path-input").fill(path.join(docs, "sea.md"));
    await page.getByTestId("library-add").click();
    await expect(page.getByTestId("library-doc")).toHaveAttribute("data-status", "indexed", { timeout: 120_000 });

    await page.getByTestId("new-chat").click();
    await page.getByTestId("mode-library").click();
    const answer = await ask(page, "What colour is the harbour in winter?");
    await expect(answer.getByTestId("citation")).toHaveCount(1);
    await answer.getByTestId("citation").click();
    const source = page.getByTestId("source-view");
    await expect(source.getByTestId("source-highlight")).toContainText("deep teal");
    // The passage is shown as the text it is: the markup is visible, nothing of it is drawn.
    const passage = source.getByTestId("source-passage");
    await expect(passage).toContainText("![chart](https://passage-image.example/a.png)");
    await expect(passage.locator("img, picture, svg, iframe, object, embed, video, audio, link, style, [style], a")).toHaveCount(0);
    await page.waitForTimeout(1_500);
    expect(foreign).toEqual([]);

    await expectRecorderSeesControl(page, foreign);
});
