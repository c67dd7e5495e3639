import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ensureSyntheticModel } from "../support/gguf/ensureSyntheticModel.js";
import { renderTextImage, writeScanPdf } from "../unit/parse/support/sampleScan.js";
import { startBrowserHost, type RunningHost } from "./support/startBrowserHost.js";

let dataDir = "";
let host: RunningHost | null = null;

test.beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-e2e-scans-"));
});
test.afterEach(async () => {
    await host?.stop();
    host = null;
    fs.rmSync(dataDir, { recursive: true, force: true });
});

async function chooseEmbedding(page: Page, modelPath: string): Promise<void> {
    await page.getByTestId("model-path-input").fill(modelPath);
    await page.getByTestId("model-add").click();
    const item = page.getByTestId("model-list-item").filter({ hasText: path.basename(modelPath) });
    await expect(item).toHaveCount(1);
    const id = (await item.getAttribute("data-model-id"))!;
    await page.getByTestId("open-settings").click();
    await page.getByTestId("settings-embedding-model").selectOption(id);
    await page.getByTestId("settings-embedding-model-apply").click();
    await expect(page.getByTestId("settings-embedding-model-saved")).toBeVisible();
}

test("a person chooses the languages of scanned pages in Settings, and a scanned PDF and a picture of text are indexed page by page", async ({ page }) => {
    const embedPath = await ensureSyntheticModel("tiny-embed");
    const docs = path.join(dataDir, "scans");
    fs.mkdirSync(docs);
    await writeScanPdf(path.join(docs, "minutes-scan.pdf"), [["The harbour board met on Monday."], ["The lantern walk starts at nine."]]);
    fs.writeFileSync(path.join(docs, "receipt.png"), renderTextImage(["Receipt 4711: two lanterns, forty crowns."]));
    host = await startBrowserHost({ dataDir });
    await page.goto(host.url);
    await page.getByTestId("wizard-skip").click();
    await chooseEmbedding(page, embedPath);

    // Languages: English by default; French added, kept after a reload; none at all is refused.
    const documents = page.getByTestId("settings-documents");
    await expect(documents.getByTestId("settings-ocr-eng")).toBeChecked();
    await expect(documents.getByTestId("settings-ocr-fra")).not.toBeChecked();
    await documents.getByTestId("settings-ocr-eng").uncheck();
    await expect(documents.getByRole("alert")).toHaveText("Choose at least one language for text recognition.");
    await expect(documents.getByTestId("settings-documents-apply")).toBeDisabled();
    await documents.getByTestId("settings-ocr-eng").check();
    await documents.getByTestId("settings-ocr-fra").check();
    await documents.getByTestId("settings-maxScannedPages").fill("50");
    await documents.getByTestId("settings-documents-apply").click();
    await expect(documents.getByRole("status")).toContainText("Saved");
    await page.reload();
    await expect(page.locator(".app")).toHaveAttribute("data-loaded", "true");
    await page.getByTestId("open-settings").click();
    await expect(page.getByTestId("settings-ocr-fra")).toBeChecked();
    await expect(page.getByTestId("settings-ocr-eng")).toBeChecked();
    await expect(page.getByTestId("settings-maxScannedPages")).toHaveValue("50");
    await page.getByTestId("settings-cancel").click();

    // Added one by one (pictures are not collected from folders), both end indexed with their pages.
    await page.getByTestId("library-open").click();
    for (const name of ["minutes-scan.pdf", "receipt.png"]) {
        await page.getByTestId("library-path-input").fill(path.join(docs, name));
        await page.getByTestId("library-add").click();
    }
    const scan = page.getByTestId("library-doc").filter({ hasText: "minutes-scan.pdf" });
    const picture = page.getByTestId("library-doc").filter({ hasText: "receipt.png" });
    await expect(scan).toHaveAttribute("data-status", "indexed", { timeout: 120_000 });
    await expect(picture).toHaveAttribute("data-status", "indexed", { timeout: 120_000 });
    await expect(scan).toContainText("PDF · 2 pages");
    await expect(picture).toContainText("Image · 1 page");
});
