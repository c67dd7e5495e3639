// Renders resources/icon.svg to resources/icon.png (1024 x 1024), the one icon electron-builder converts
// for every platform (.icns, .ico, the Linux sizes). Run after editing the SVG:
//
//     npx tsx src-main/packaging/renderIcon.ts
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";

const resources = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "resources");
const svg = await fs.readFile(path.join(resources, "icon.svg"), "utf8");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator("svg").screenshot({ path: path.join(resources, "icon.png"), omitBackground: true });
} finally {
    await browser.close();
}
console.log(path.join(resources, "icon.png"));
