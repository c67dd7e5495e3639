import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { documentsFromArgv } from "../../../src-main/hosts/electron/documentsFromArgv.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-argv-"));
const pdf = path.join(dir, "report.pdf");
const notes = path.join(dir, "notes");
fs.writeFileSync(pdf, "%PDF-1.4");
fs.mkdirSync(notes);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("documentsFromArgv (Open with Locus)", () => {
    it("takes existing files and folders after the executable, skipping Chromium's switches", () => {
        const argv = ["/opt/Locus/locus", "--allow-file-access-from-files", pdf, "--original-process-start-time=1", notes];
        expect(documentsFromArgv(argv, 1)).toEqual([pdf, notes]);
    });

    it("reads file:// URLs (Linux desktop entries pass %U) and resolves relative paths against the launch's folder", () => {
        expect(documentsFromArgv(["locus", pathToFileURL(pdf).href, "notes"], 1, dir)).toEqual([pdf, notes]);
    });

    it("ignores what is not an existing document: missing files, web addresses, the app folder of a development launch, repeats", () => {
        const argv = ["electron", ".", path.join(dir, "missing.pdf"), "https://example.com/a.pdf", pdf, pdf];
        expect(documentsFromArgv(argv, 2)).toEqual([pdf]);
    });
});
