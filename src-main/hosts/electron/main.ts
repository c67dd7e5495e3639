import path from "node:path";
import { fileURLToPath } from "node:url";
import { app, BrowserWindow, dialog, ipcMain, shell } from "electron";
import { IPC_CHANNELS } from "@common/contract/transport.js";
import { findStarterModels } from "../../models/starter/findStarterModels.js";
import type { Services } from "../../services/createServices.js";
import { openServices } from "./openServices.js";
import { documentsFromArgv } from "./documentsFromArgv.js";
import { hardenApp } from "./hardenApp.js";
import { SafeStorageSecretStore } from "./SafeStorageSecretStore.js";
import { utilityWorkerProcess } from "./utilityWorkerProcess.js";
import { registerAppScheme, serveRenderer } from "./registerAppProtocol.js";
import { handleIpcInvoke } from "./handleIpcInvoke.js";
import { APP_ORIGIN } from "./appOrigin.js";
import { windowOptions } from "./windowOptions.js";

const here = path.dirname(fileURLToPath(import.meta.url));
let services: Services | null = null;
let window: BrowserWindow | null = null;

// LOCUS_DATA_DIR (tests, portable installs) keeps Chromium's own files with that library too, so the lock
// below is per library: two test runs with their own folders do not stop each other.
if (process.env.LOCUS_DATA_DIR) app.setPath("userData", path.join(path.resolve(process.env.LOCUS_DATA_DIR), "chromium"));
// One Locus per library: the database is never opened twice. A second launch passes its arguments to the
// first (the "second-instance" event below) and quits before it opens anything.
if (!app.requestSingleInstanceLock()) {
    app.quit();
    process.exit(0);
}
registerAppScheme();

function createWindow(): BrowserWindow {
    const win = new BrowserWindow(windowOptions(path.join(here, "../preload/index.cjs")));
    win.once("ready-to-show", () => win.show());
    void win.loadURL(`${APP_ORIGIN}/index.html`);
    return win;
}

async function pickModelFile(): Promise<string | null> {
    const options = { title: "Choose a GGUF model", properties: ["openFile" as const], filters: [{ name: "GGUF models", extensions: ["gguf"] }] };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function pickDocuments(folders: boolean): Promise<string[]> {
    const options = folders
        ? { title: "Add folders to your library", properties: ["openDirectory" as const, "multiSelections" as const] }
        : {
            title: "Add documents to your library", properties: ["openFile" as const, "multiSelections" as const],
            filters: [{ name: "Documents", extensions: ["pdf", "docx", "pptx", "xlsx", "ods", "odt", "epub", "rtf", "eml", "mbox", "csv", "tsv", "md", "markdown", "html", "htm", "txt"] }, { name: "All files", extensions: ["*"] }]
        };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
}

async function pickPairsFile(): Promise<string | null> {
    const options = {
        title: "Choose question-answer pairs to learn", properties: ["openFile" as const],
        filters: [{ name: "Question-answer pairs (JSON Lines, JSON)", extensions: ["jsonl", "ndjson", "json"] }, { name: "All files", extensions: ["*"] }]
    };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Paths come from the library in main (never from the renderer); an error from the OS becomes a message. */
async function openFile(filePath: string): Promise<void> {
    const error = await shell.openPath(filePath);
    if (error) throw new Error(`Could not open ${path.basename(filePath)}: ${error}`);
}

/** Documents handed to Locus ("Open with", a second launch) before the services were ready. */
const pendingDocuments: string[] = [];
/** Leading arguments that are not documents: the executable, and the app folder when run from a checkout. */
const argvSkip = app.isPackaged ? 1 : 2;

/** "Open with Locus": the files and folders are added to the library, and the window comes forward. */
function openDocuments(paths: readonly string[]): void {
    if (paths.length === 0) return;
    if (services == null) {
        pendingDocuments.push(...paths);
        return;
    }
    void services.library.add([...paths]).catch((error: unknown) => console.error("Locus: could not add the opened documents:", error));
    focusWindow();
}

function focusWindow(): void {
    if (window == null) return;
    if (window.isMinimized()) window.restore();
    window.focus();
}

// macOS hands documents over by event, also before the app is ready (a launch by "Open with").
app.on("open-file", (event, file) => {
    event.preventDefault();
    openDocuments([file]);
});
// A second launch quits at once (below) and hands its documents here: one Locus, one open database.
app.on("second-instance", (_event, argv, workingDirectory) => {
    focusWindow();
    openDocuments(documentsFromArgv(argv, argvSkip, workingDirectory));
});

app.whenReady().then(async () => {
    hardenApp();
    serveRenderer(path.join(here, "../renderer"));
    // The platform's folder for the app's data (~/.config/Locus, ~/Library/Application Support/Locus,
    // %APPDATA%\Locus in an installed app); LOCUS_DATA_DIR lets tests and portable installs keep it elsewhere.
    const dataDir = process.env.LOCUS_DATA_DIR ? path.resolve(process.env.LOCUS_DATA_DIR) : app.getPath("userData");
    services = await openServices({
        dataDir, host: "electron", starterModels: findStarterModels(), pickModelFile, pickDocuments, pickPairsFile, openFile, spawnWorker: utilityWorkerProcess,
        // Remote servers' API keys are encrypted by the operating system's secret storage.
        secrets: new SafeStorageSecretStore(path.join(dataDir, "secrets")),
        // A restore chosen in Settings happens as Locus starts again.
        restart: () => {
            app.relaunch();
            app.quit();
        }
    });
    if (services === null) {
        app.quit();
        return;
    }

    // Calls are accepted only from our own page in the main frame of our window.
    ipcMain.handle(IPC_CHANNELS.invoke, (event, method: unknown, args: unknown) => {
        const frame = event.senderFrame;
        const sender = { frameUrl: frame?.url ?? null, isMainFrame: frame != null && frame === event.sender.mainFrame };
        return handleIpcInvoke(services?.dispatcher ?? null, sender, method, args);
    });
    services.events.subscribe((message) => window?.webContents.send(IPC_CHANNELS.event, message));

    window = createWindow();
    window.on("closed", () => (window = null));
    openDocuments([...pendingDocuments.splice(0), ...documentsFromArgv(process.argv, argvSkip)]);
    app.on("activate", () => {
        if (BrowserWindow.getAllWindows().length === 0) window = createWindow();
    });
}).catch((error: unknown) => {
    dialog.showErrorBox("Locus could not start", error instanceof Error ? error.message : String(error));
    app.quit();
});

let disposed = false;
app.on("before-quit", (event) => {
    if (disposed || services == null) return;
    event.preventDefault();
    disposed = true;
    void services.dispose().finally(() => app.quit());
});

app.on("window-all-closed", () => {
    if (process.platform !== "darwin") app.quit();
});
