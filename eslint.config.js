// Lint: typescript-eslint's recommended rules, plus the import boundaries that keep the architecture
// honest (as VS Code does): shared code imports no runtime, the renderer imports no Node or main code,
// and only the Electron host imports electron.
import tseslint from "typescript-eslint";

const runtimes = ["electron", "better-sqlite3", "node-llama-cpp", "sqlite-vec", "ws", "chokidar"];
const nodeBuiltins = { group: ["node:*", "fs", "path", "os", "child_process", "crypto", "http", "net", "worker_threads"], message: "This code runs in the renderer too: no Node built-ins." };

export default tseslint.config(
    { ignores: ["out/**", "node_modules/**", ".cache/**", "**/*.svelte", "test-results/**"] },
    ...tseslint.configs.recommended,
    {
        rules: {
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
            "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }]
        }
    },
    {
        files: ["src-main/**/*.ts"],
        // The packaging tools (electron-builder's helpers, pack:check) read the app's layout; the app never imports them.
        ignores: ["src-main/hosts/electron/**", "src-main/packaging/**"],
        rules: {
            "no-restricted-imports": ["error", {
                paths: [{ name: "electron", message: "Only src-main/hosts/electron may import electron: services must run in the browser host and CLI too." }],
                patterns: [{ group: ["**/packaging/**", "**/electron-builder.config*"], message: "The app never imports the packaging tools: they import the app (to read its layout), not the reverse." }]
            }]
        }
    },
    {
        // The ground floor: where the installed app's files are (resources, unpacked archive). Everything may
        // import it; it imports only Node's built-ins.
        files: ["src-main/runtime/**/*.ts"],
        rules: {
            "no-restricted-imports": ["error", {
                paths: runtimes.map((name) => ({ name, message: "src-main/runtime imports only Node's built-ins." })),
                patterns: [{ group: ["../*", "zod"], message: "src-main/runtime imports only Node's built-ins." }]
            }]
        }
    },
    {
        files: ["src-main/common/**/*.ts"],
        rules: {
            "no-restricted-imports": ["error", {
                paths: runtimes.map((name) => ({ name, message: "src-main/common is shared with the renderer: no runtime libraries." })),
                patterns: [nodeBuiltins, { group: ["../../*", "!../../common/*"], message: "src-main/common may import only from src-main/common." }]
            }]
        }
    },
    {
        files: ["src-renderer/**/*.ts"],
        rules: {
            "no-restricted-imports": ["error", {
                paths: runtimes.map((name) => ({ name, message: "The renderer is sandboxed: it reaches main only through the contract." })),
                patterns: [nodeBuiltins, { group: ["**/src-main/**"], message: "Import shared code through @common/*, never main's internals." }]
            }]
        }
    }
);
