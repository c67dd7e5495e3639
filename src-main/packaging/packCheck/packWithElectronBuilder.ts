import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type * as ElectronBuilder from "electron-builder";
import { locusBuildConfig, type PackagingFlags } from "../../../electron-builder.config.js";
import type { PackTarget } from "./packTarget.js";

export type PackedApp = {
    /** What electron-builder laid out for the target, as an installer would install it. */
    appDir: string;
    /** Its resources folder: app.asar, app.asar.unpacked and the extra resources. */
    resourcesDir: string;
};

/**
 * Lays the app out exactly as `npm run dist` does, by running electron-builder itself with Locus's
 * configuration (its `files`, `asarUnpack` and `extraResources`, its node_modules collection and asar
 * writer, @electron/asar) for the "dir" target, with three differences that need no Electron binary and
 * no network: a stand-in for the Electron distribution (only its executable's name matters here), no
 * rebuild of better-sqlite3 for Electron (plain Node loads this layout), and no fuses (they edit the
 * Electron binary). Linux only: the native checks use ldd and readelf.
 */
export async function packWithElectronBuilder(options: {
    projectDir: string; workDir: string; flags: PackagingFlags; target: PackTarget;
}): Promise<PackedApp> {
    if (options.target.os !== "linux") throw new Error("pack:check runs on Linux (it checks native links with ldd and readelf).");
    const electronDist = path.join(options.workDir, "electron-dist");
    await fs.mkdir(path.join(electronDist, "resources"), { recursive: true });
    await fs.writeFile(path.join(electronDist, "electron"), "#!/bin/sh\necho 'stand-in for the Electron binary (pack:check)'\n", { mode: 0o755 });
    const require = createRequire(import.meta.url);
    const electronVersion = (require("electron/package.json") as { version: string }).version;
    await fs.writeFile(path.join(electronDist, "version"), electronVersion);

    // electron-builder is CommonJS: required, its exports come as they are.
    const builder = require("electron-builder") as typeof ElectronBuilder;
    const config = locusBuildConfig(options.flags);
    const output = path.join(options.workDir, "out");
    // electron-builder logs to stdout, which carries pack:check's one-line summary: its log goes to stderr.
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = process.stderr.write.bind(process.stderr);
    try {
        await builder.build({
        projectDir: options.projectDir,
            targets: builder.Platform.LINUX.createTarget("dir", options.target.arch === "arm64" ? builder.Arch.arm64 : builder.Arch.x64),
            publish: "never",
            config: {
                ...config,
                directories: { ...config.directories, output },
                electronDist, electronVersion, npmRebuild: false, electronFuses: null
            }
        });
    } finally {
        process.stdout.write = write;
    }
    const appDir = path.join(output, options.target.arch === "arm64" ? "linux-arm64-unpacked" : "linux-unpacked");
    return { appDir, resourcesDir: path.join(appDir, "resources") };
}
