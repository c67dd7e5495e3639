import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { locusBuildConfig, packagingFlags } from "../../../electron-builder.config.js";
import { debMetadataProblems } from "../../../src-main/packaging/debMetadataProblems.js";
import { documentExtensions } from "../../../src-main/packaging/fileAssociations.js";
import { starterModelResources } from "../../../src-main/packaging/starterModelResources.js";
import { supportedExtensions } from "../../../src-main/ingest/fileFilters.js";
import { starterModels } from "../../../src-main/models/starter/starterManifest.js";

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const noFlags = { starterEmbedding: false, starterChat: false, cuda: false };
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe("electron-builder configuration", () => {
    it("builds AppImage and deb for Linux x64 and arm64, dmg for macOS arm64 and x64, NSIS for Windows x64", () => {
        const config = locusBuildConfig(noFlags);
        const targets = (platform: unknown) => (platform as { target: Array<{ target: string; arch: string[] }> }).target;
        expect(targets(config.linux)).toEqual([{ target: "AppImage", arch: ["x64", "arm64"] }, { target: "deb", arch: ["x64", "arm64"] }]);
        expect(targets(config.mac)).toEqual([{ target: "dmg", arch: ["arm64", "x64"] }]);
        expect(targets(config.win)).toEqual([{ target: "nsis", arch: ["x64"] }]);
        expect(config.appId).toBe("app.locus.desktop");
        expect(config.extraMetadata).toMatchObject({ productName: "Locus" });
        for (const file of ["resources/icon.png", "resources/LICENSE.txt", "resources/THIRD-PARTY-NOTICES.txt", "resources/installer.nsh"]) {
            expect(fs.existsSync(path.join(projectDir, file)), file).toBe(true);
        }
    });

    it("hardens the Electron binary with fuses: no run-as-node, NODE_OPTIONS or inspect; encrypted cookies; asar integrity and asar only", () => {
        expect(locusBuildConfig(noFlags).electronFuses).toEqual({
            runAsNode: false, enableCookieEncryption: true, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false,
            enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true, loadBrowserProcessSpecificV8Snapshot: false,
            grantFileProtocolExtraPrivileges: false, resetAdHocDarwinSignature: true
        });
    });

    it("offers Locus for the document types its parser reads, the same list on every platform and in the NSIS script", () => {
        for (const extension of documentExtensions()) expect(supportedExtensions.has(`.${extension}`), extension).toBe(true);
        const nsis = fs.readFileSync(path.join(projectDir, "resources", "installer.nsh"), "utf8");
        const registered = [...nsis.matchAll(/!insertmacro locusOpenWith "([^"]+)"/g)].map((match) => match[1]);
        const removed = [...nsis.matchAll(/!insertmacro locusRemoveOpenWith "([^"]+)"/g)].map((match) => match[1]);
        expect(registered).toEqual(documentExtensions());
        expect(removed).toEqual(documentExtensions());
        const associations = locusBuildConfig(noFlags).linux?.fileAssociations;
        expect([associations].flat().flatMap((association) => [association?.ext].flat())).toEqual(documentExtensions());
    });

    it("keeps the person's data on uninstall unless they choose, and never asks during an update", () => {
        expect(locusBuildConfig(noFlags).nsis).toMatchObject({ oneClick: false, deleteAppDataOnUninstall: false, include: "resources/installer.nsh" });
        const nsis = fs.readFileSync(path.join(projectDir, "resources", "installer.nsh"), "utf8");
        expect(nsis).toMatch(/\$\{ifNot\} \$\{isUpdated\}[\s\S]*MB_DEFBUTTON2[\s\S]*\/SD IDNO[\s\S]*RMDir \/r "\$APPDATA\\\$\{LOCUS_DATA_FOLDER\}"/);
    });

    it("reads the build flags for the starter models and CUDA from the environment", () => {
        expect(packagingFlags({ LOCUS_BUNDLE_STARTER_EMBEDDING: "1", LOCUS_BUNDLE_CUDA: "1" })).toEqual({ starterEmbedding: true, starterChat: false, cuda: true });
        expect(packagingFlags({})).toEqual(noFlags);
    });
});

describe("starter models in the installer", () => {
    function starterFolder(withFiles: boolean): string {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-starter-pack-"));
        dirs.push(dir);
        fs.mkdirSync(path.join(dir, ".cache", "starter-models"), { recursive: true });
        if (withFiles) for (const model of starterModels()) fs.writeFileSync(path.join(dir, ".cache", "starter-models", model.model), "");
        return dir;
    }

    it("ships the embedding model with one flag and the chat model with the other, into resources/starter-models", () => {
        const dir = starterFolder(true);
        const embedding = starterModels().find((model) => model.role === "embedding")!.model;
        const chat = starterModels().find((model) => model.role === "chat")!.model;
        expect(starterModelResources({ embedding: true, chat: false }, dir)).toEqual([{ from: path.join(".cache", "starter-models"), to: "starter-models", filter: [embedding] }]);
        expect(starterModelResources({ embedding: true, chat: true }, dir)[0]?.filter).toEqual(expect.arrayContaining([embedding, chat]));
        expect(starterModelResources({ embedding: false, chat: false }, dir)).toEqual([]);
    });

    it("stops the build, naming the file and the command, when a requested model is not on this machine", () => {
        expect(() => starterModelResources({ embedding: true, chat: false }, starterFolder(false))).toThrow(/npm run models:starter/);
    });
});

describe("debMetadataProblems", () => {
    it("names the package.json fields a .deb needs (homepage, an author with an email) before a build starts", () => {
        expect(debMetadataProblems({})).toEqual([expect.stringContaining('"homepage"'), expect.stringContaining('"author"')]);
        expect(debMetadataProblems({ homepage: "https://example.org/locus", author: "Ada <ada@example.org>" })).toEqual([]);
        expect(debMetadataProblems({ homepage: "https://example.org/locus", author: { name: "Ada" } })).toEqual([expect.stringContaining('"author"')]);
    });
});
