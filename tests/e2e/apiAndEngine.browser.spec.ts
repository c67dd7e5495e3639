import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { startBrowserHost, type RunningHost } from "./support/startBrowserHost.js";

let dataDir = "";
let host: RunningHost | null = null;

test.beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-e2e-api-"));
});
test.afterEach(async () => {
    await host?.stop();
    host = null;
    fs.rmSync(dataDir, { recursive: true, force: true });
});

test("Settings turns on the API for other apps on 127.0.0.1, shows its key, and a new key stops the old one", async ({ page }) => {
    host = await startBrowserHost({ dataDir });
    await page.goto(host.url);
    await page.getByTestId("wizard-skip").click();
    await page.getByTestId("open-settings").click();
    const api = page.getByTestId("settings-api");
    await expect(api.getByTestId("settings-api-enabled")).not.toBeChecked();

    // Another port than the default, so parallel runs on one machine do not collide.
    const port = 25000 + (process.pid % 20000);
    await api.getByText("Advanced").click();
    await api.getByTestId("settings-api-port").fill(String(port));
    await api.getByRole("button", { name: "Use it" }).click();
    await api.getByTestId("settings-api-enabled").check();
    await expect(api.getByTestId("settings-api-url")).toHaveValue(`http://127.0.0.1:${port}/v1`);
    const token = await api.getByTestId("settings-api-token").inputValue();
    expect(token).toMatch(/^locus-/);

    const models = (key: string) => fetch(`http://127.0.0.1:${port}/v1/models`, { headers: { authorization: `Bearer ${key}` } });
    expect((await models(token)).status).toBe(200);
    await api.getByTestId("settings-api-rotate").click();
    await expect(api.getByTestId("settings-api-token")).not.toHaveValue(token);
    const rotated = await api.getByTestId("settings-api-token").inputValue();
    expect((await models(token)).status).toBe(401);
    expect((await models(rotated)).status).toBe(200);

    // Beyond this computer only after a warning.
    await api.getByTestId("settings-api-all-interfaces").check();
    await expect(api.getByRole("alertdialog")).toContainText("Anyone on the same network");
    await api.getByRole("button", { name: "Keep it on this computer" }).click();
    await expect(api.getByTestId("settings-api-url")).toHaveValue(`http://127.0.0.1:${port}/v1`);

    await api.getByTestId("settings-api-enabled").uncheck();
    await expect(api.getByTestId("settings-api-url")).toHaveCount(0);
    await expect.poll(() => models(rotated).then(() => "listening", () => "closed")).toBe("closed");
});

test("a remote engine that cannot be reached is said plainly in the chat, which offers to answer on this computer instead", async ({ page }) => {
    const modelPath = await ensureSyntheticModel("tiny-q8_0");
    host = await startBrowserHost({ dataDir });
    await page.goto(host.url);
    await page.getByTestId("wizard-skip").click();
    await page.getByTestId("model-path-input").fill(modelPath);
    await page.getByTestId("model-add").click();
    await page.getByTestId("model-load").first().click();
    await expect(page.getByTestId("engine-status")).toHaveAttribute("data-state", "ready");

    await page.getByTestId("open-settings").click();
    const engine = page.getByTestId("settings-engine");
    await engine.getByTestId("settings-engine-remote").check();
    // Plain http to another machine is refused: the key and the passages would travel unencrypted.
    await engine.getByTestId("settings-engine-url").fill("http://gpu.example:8080/v1");
    await engine.getByTestId("settings-engine-model").fill("qwen");
    await engine.getByTestId("settings-engine-use-server").click();
    await expect(engine.getByTestId("settings-engine-problem")).toContainText("Use https://");
    // A server on this computer may use http; nothing listens on port 9.
    await engine.getByTestId("settings-engine-url").fill("http://127.0.0.1:9/v1");
    await engine.getByTestId("settings-engine-key").fill("sk-test-key");
    await engine.getByTestId("settings-engine-use-server").click();
    await expect(engine).toContainText("Answers now come from http://127.0.0.1:9/v1.");
    await expect(engine.getByTestId("settings-engine-key")).toHaveValue("");
    await expect(engine.getByTestId("settings-engine-key")).toHaveAttribute("placeholder", /Stored/);
    await page.getByTestId("settings-cancel").click();

    await page.getByTestId("composer").fill("Hello?");
    await page.getByTestId("send").click();
    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect(answer).toHaveAttribute("data-status", "error");
    await expect(answer).toContainText("cannot reach the server at http://127.0.0.1:9/v1");
    await answer.getByTestId("message-switch-back").click();
    await expect(page.getByTestId("message-switch-back")).toHaveCount(0);

    await page.getByTestId("composer").fill("Hello again");
    await page.getByTestId("send").click();
    const local = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect.poll(async () => Number(await local.getAttribute("data-length"))).toBeGreaterThan(0);
    await page.getByTestId("stop").click();
    await expect(local).toHaveAttribute("data-status", /^(stopped|done)$/);
});

test("embeddings from a server: plain http to another machine is refused, an unreachable one is named where indexing waits, and switching it off takes effect", async ({ page }) => {
    const docs = path.join(dataDir, "docs");
    fs.mkdirSync(docs);
    fs.writeFileSync(path.join(docs, "sea.md"), "# The sea\n\nIn winter the water of the harbour turns a deep teal.\n");
    host = await startBrowserHost({ dataDir });
    await page.goto(host.url);
    await page.getByTestId("wizard-skip").click();

    await page.getByTestId("open-settings").click();
    const engine = page.getByTestId("settings-engine");
    await engine.getByTestId("settings-engine-embeddings").check();
    await engine.getByTestId("settings-engine-embedding-url").fill("http://gpu.example:8081/v1");
    await engine.getByTestId("settings-engine-embedding-model").fill("e5-large");
    await engine.getByTestId("settings-engine-embeddings-save").click();
    await expect(engine.getByTestId("settings-engine-problem")).toContainText("Use https://");
    // On this computer http is allowed; nothing listens on port 9.
    await engine.getByTestId("settings-engine-embedding-url").fill("http://127.0.0.1:9/v1");
    await engine.getByTestId("settings-engine-embeddings-save").click();
    await expect(engine).toContainText("The library is indexed with e5-large on a server.");
    await page.getByTestId("settings-cancel").click();

    await page.getByTestId("library-open").click();
    await page.getByTestId("library-path-input").fill(docs);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("library-doc")).toHaveCount(1);
    await expect(page.getByTestId("ingest-blocked")).toContainText("cannot reach the server at http://127.0.0.1:9/v1");

    await page.getByTestId("open-settings").click();
    await engine.getByTestId("settings-engine-embeddings").uncheck();
    await engine.getByTestId("settings-engine-embeddings-save").click();
    await expect(engine).toContainText("Answers now come from this computer.");
    await expect(engine).not.toContainText("indexed with e5-large");
    await page.getByTestId("settings-cancel").click();
    // Back on this computer, which has no embedding model yet: indexing now waits for one, saying so.
    await expect(page.getByTestId("ingest-blocked")).toContainText(/embedding model/i);
    await expect(page.getByTestId("ingest-blocked")).not.toContainText("127.0.0.1:9");
});
