import { fileURLToPath } from "node:url";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { defineConfig } from "electron-vite";

const common = fileURLToPath(new URL("./src-main/common", import.meta.url));
const resolve = { alias: { "@common": common } };

// One build for all three front doors: the Electron main process, the browser host and the CLI
// share the services in src-main; workers are separate entries because they run in their own process.
export default defineConfig({
    main: {
        resolve,
        build: {
            outDir: "out/main",
            rollupOptions: {
                input: {
                    index: "src-main/hosts/electron/main.ts",
                    browserHost: "src-main/hosts/browser/serve.ts",
                    parserWorker: "src-main/ingest/parse/parserWorker.ts",
                    trainerWorker: "src-main/trainer/trainerWorker.ts",
                    cli: "src-main/hosts/cli/cli.ts"
                }
            }
        }
    },
    preload: {
        resolve,
        build: {
            outDir: "out/preload",
            // A sandboxed preload cannot load ES modules: it must be one CommonJS file.
            rollupOptions: {
                input: { index: "src-main/hosts/electron/preload.ts" },
                output: { format: "cjs", entryFileNames: "[name].cjs" }
            }
        }
    },
    renderer: {
        root: "src-renderer",
        resolve,
        plugins: [svelte({ configFile: fileURLToPath(new URL("./svelte.config.js", import.meta.url)) })],
        build: {
            outDir: "out/renderer",
            rollupOptions: { input: "src-renderer/index.html" }
        }
    }
});
