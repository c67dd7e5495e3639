// How Locus is packaged: AppImage and deb (Linux x64, arm64), dmg (macOS arm64, x64) and NSIS (Windows x64),
// built with `npm run dist` on each platform's own machine (node-llama-cpp does not cross-package).
// `npm run pack:check` packs with this same configuration (src-main/packaging/packCheck/packCheck.ts) and proves, without
// Electron, that every native part is outside the archive and loads from where the installer puts it.
//
// Build flags (environment variables, read when packing):
//   LOCUS_BUNDLE_STARTER_EMBEDDING=1  ship the starter embedding model: a fresh install indexes offline
//   LOCUS_BUNDLE_STARTER_CHAT=1       also ship the starter chat model: it answers offline too
//   LOCUS_BUNDLE_CUDA=1               also ship node-llama-cpp's CUDA binaries (Linux/Windows x64, ~0.5 GB)
import type { Configuration } from "electron-builder";
import { fileAssociations } from "./src-main/packaging/fileAssociations.js";
import { nodeModuleExclusions } from "./src-main/packaging/nodeModuleExclusions.js";
import { starterModelResources } from "./src-main/packaging/starterModelResources.js";
import { trainerResources } from "./src-main/packaging/trainerResources.js";

/**
 * tesseract.js's worker script and everything it requires (its WebAssembly core, gunzip, feature
 * detection, image reading), outside the archive so a worker thread can load them. The language data
 * (@tesseract.js-data/*) stays inside: the parser reads it with fs, which reads the archive.
 */
const ocrUnpacked = ["tesseract.js", "tesseract.js-core", "wasm-feature-detect", "zlibjs", "bmp-js", "is-url", "regenerator-runtime", "node-fetch", "idb-keyval"]
    .map((name) => `node_modules/${name}/**`);

/** The optional parts an installer carries, from the build flags above. */
export type PackagingFlags = { starterEmbedding: boolean; starterChat: boolean; cuda: boolean };

export function packagingFlags(env: NodeJS.ProcessEnv = process.env): PackagingFlags {
    return {
        starterEmbedding: env["LOCUS_BUNDLE_STARTER_EMBEDDING"] === "1",
        starterChat: env["LOCUS_BUNDLE_STARTER_CHAT"] === "1",
        cuda: env["LOCUS_BUNDLE_CUDA"] === "1"
    };
}

/** The whole configuration for a set of flags: `npm run dist` and pack:check both use it. */
export function locusBuildConfig(flags: PackagingFlags): Configuration {
    return {
        appId: "app.locus.desktop",
        productName: "Locus",
        executableName: "locus",
        copyright: "Copyright © Locus contributors",
        directories: { output: "dist", buildResources: "resources" },
        // Electron names the user data folder after productName: ~/.config/Locus, ~/Library/Application
        // Support/Locus, %APPDATA%\Locus (resources/installer.nsh removes that one only when asked to).
        extraMetadata: { productName: "Locus" },
        // The production build only; electron-builder adds the production dependencies itself, and for
        // node_modules it applies only the exclusions below.
        files: [
            "out/**/*",
            "package.json",
            "!out/**/*.map",
            // Other front doors of the same build: the installed app starts only Electron.
            "!out/main/browserHost.js",
            "!out/main/cli.js",
            ...nodeModuleExclusions({ cuda: flags.cuda })
        ],
        asar: true,
        // Native code cannot be read from inside the archive. electron-builder unpacks .node files by itself;
        // these are the rest: node-llama-cpp's libraries and backends, and SQLite's vector extension.
        asarUnpack: [
            "node_modules/@node-llama-cpp/**",
            "node_modules/better-sqlite3/build/Release/*.node",
            "node_modules/sqlite-vec-*/**",
            // Text recognition runs tesseract.js's script in a worker thread, which loads its WebAssembly core
            // and the modules that script requires as plain files.
            ...ocrUnpacked
        ],
        extraResources: [
            ...trainerResources(),
            ...starterModelResources({ embedding: flags.starterEmbedding, chat: flags.starterChat }),
            { from: "resources/LICENSE.txt", to: "LICENSE.txt" },
            { from: "resources/THIRD-PARTY-NOTICES.txt", to: "THIRD-PARTY-NOTICES.txt" }
        ],
        // Rebuilds better-sqlite3 against Electron's headers for the target (node-llama-cpp ships binaries
        // that load in both Node and Electron). src-main/packaging/dist.ts puts Node's build back afterwards.
        npmRebuild: true,
        // Hardening: no running the binary as plain Node, no NODE_OPTIONS or --inspect, cookies encrypted, and
        // the app loaded only from its archive, whose integrity is checked where Electron supports it (macOS,
        // Windows; Linux ignores that fuse). Workers are utility processes, so nothing needs ELECTRON_RUN_AS_NODE.
        electronFuses: {
            runAsNode: false,
            enableCookieEncryption: true,
            enableNodeOptionsEnvironmentVariable: false,
            enableNodeCliInspectArguments: false,
            enableEmbeddedAsarIntegrityValidation: true,
            onlyLoadAppFromAsar: true,
            loadBrowserProcessSpecificV8Snapshot: false,
            grantFileProtocolExtraPrivileges: false,
            // Flipping fuses breaks the ad-hoc signature an Apple silicon Mac requires: sign ad hoc again
            // (a real identity, when configured, signs after this).
            resetAdHocDarwinSignature: true
        },
        linux: {
            target: [{ target: "AppImage", arch: ["x64", "arm64"] }, { target: "deb", arch: ["x64", "arm64"] }],
            category: "Office",
            icon: "resources/icon.png",
            synopsis: "Private knowledge assistant: cited answers from your documents, on your computer",
            description: "Locus answers questions about your documents with citations, using a language model that runs on your own computer.",
            artifactName: "${productName}-${version}-${arch}.${ext}",
            // "Open with Locus" in file managers adds the file to the library; it never becomes the default app.
            fileAssociations: fileAssociations()
        },
        deb: {
            // electron-builder's default list, and the C++ runtime that llama.cpp and the trainer link.
            depends: ["libgtk-3-0", "libnotify4", "libnss3", "libxss1", "libxtst6", "xdg-utils", "libatspi2.0-0", "libuuid1", "libsecret-1-0", "libstdc++6", "libgcc-s1"]
        },
        mac: {
            target: [{ target: "dmg", arch: ["arm64", "x64"] }],
            category: "public.app-category.productivity",
            icon: "resources/icon.png",
            artifactName: "${productName}-${version}-${arch}.${ext}",
            // Alternate rank: Locus is offered in "Open With" for these documents, never made their default.
            fileAssociations: fileAssociations()
        },
        dmg: { title: "${productName} ${version}" },
        win: {
            target: [{ target: "nsis", arch: ["x64"] }],
            icon: "resources/icon.png",
            artifactName: "${productName}-Setup-${version}-${arch}.${ext}"
        },
        nsis: {
            // An assisted installer: the person sees the licence, chooses where to install, and on uninstall
            // is asked whether to remove their library (resources/installer.nsh); updates never ask.
            oneClick: false,
            perMachine: false,
            allowToChangeInstallationDirectory: true,
            license: "resources/LICENSE.txt",
            deleteAppDataOnUninstall: false,
            // Also registers Locus in "Open with" for the document types it reads, without taking over their
            // default app (electron-builder's fileAssociations would make Locus the default on Windows).
            include: "resources/installer.nsh",
            shortcutName: "Locus"
        }
    };
}

export default locusBuildConfig(packagingFlags());
