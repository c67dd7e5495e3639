import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { FakeHub } from "../support/fakeHub/FakeHub.js";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { startBrowserHost, type RunningHost } from "./support/startBrowserHost.js";

let dataDir = "";
let host: RunningHost | null = null;
let hub: FakeHub | null = null;

test.beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-e2e-hub-"));
});
test.afterEach(async () => {
    await host?.stop();
    host = null;
    await hub?.stop();
    hub = null;
    fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A catalog file without a SHA-256 of its own; the hub serves the tiny synthetic model in its place. */
const file = { repository: "unsloth/Phi-4-mini-instruct-GGUF", revision: "main", fileName: "Phi-4-mini-instruct-Q5_K_M.gguf" };

test("the setup wizard and Settings ask the model hub for nothing until the person presses 'Read the exact figures from the model hub', which reads that one file's header", async ({ page }) => {
    hub = await new FakeHub().start();
    hub.addFile({ ...file, bytes: fs.readFileSync(await ensureSyntheticModel("tiny-q8_0")) });
    host = await startBrowserHost({ dataDir, args: ["--hub", hub.endpoint, "--simulate-hardware", "laptop16GbCpu"] });
    await page.goto(host.url);

    // The wizard opens by itself on a first start; every step up to the downloads, which wait for a go-ahead.
    await expect(page.getByTestId("wizard-step")).toHaveAttribute("data-step", "hardware");
    await page.getByTestId("wizard-next").click();
    await page.locator('[data-testid="difficulty-option"][data-value="find-facts"]').click();
    await page.getByTestId("wizard-next").click();
    await expect(page.getByTestId("wizard-step")).toHaveAttribute("data-step", "choice");
    await expect(page.getByTestId("recommended-model").getByTestId("fit-label")).toBeVisible();
    await page.getByTestId("wizard-next").click();
    await expect(page.getByTestId("wizard-step")).toHaveAttribute("data-step", "download");
    await page.getByTestId("wizard-skip").click();

    // Settings: the draft model's fit at every context size, then another model and compression.
    await page.getByTestId("open-settings").click();
    const basis = page.getByTestId("settings-fit-basis");
    await expect(basis).toHaveText("Estimated from the catalog.");
    await page.getByTestId("settings-model").selectOption("phi-4-mini-instruct");
    await page.getByTestId("settings-quant").selectOption("Q5_K_M");
    await expect(page.getByTestId("settings-quant")).toHaveValue("Q5_K_M");
    await expect(basis).toHaveText("Estimated from the catalog.");
    expect(hub.requests).toEqual([]);

    // Asked for: that file's header only (its resolve address, then the CDN it redirects to), never the weights.
    await page.getByTestId("settings-fit-online").click();
    await expect(basis).toHaveText("From the file's header, read from the model hub.");
    await expect(page.getByTestId("settings-fit-online")).toHaveCount(0);
    const resolve = `/${file.repository}/resolve/${file.revision}/${file.fileName}`;
    expect(hub.requests.length).toBeGreaterThan(0);
    expect(hub.requests.filter((request) => request.path !== resolve && !request.path.startsWith("/cdn/"))).toEqual([]);
    expect(hub.dataBytes()).toBeLessThan(fs.statSync(await ensureSyntheticModel("tiny-q8_0")).size);
    await page.getByTestId("settings-cancel").click();
});
