import path from "node:path";
import { fileURLToPath } from "node:url";
import { app, BrowserWindow, dialog, ipcMain, shell } from "electron";
import { IPC_CHANNELS } from "@common/contract/transport.js";
import { fail } from "@common/contract/result.js";
import { findStarterModels } from "../../models/starter/findStarterModels.js";
import { createServices, type Services } from "../../services/createServices.js";
import { hardenApp } from "./hardenApp.js";
import { SafeStorageSecretStore } from "./SafeStorageSecretStore.js";
import { utilityWorkerProcess } from "./utilityWorkerProcess.js";
import { APP_ORIGIN, registerAppScheme, serveRenderer } from "./registerAppProtocol.js";

const here = path.dirname(fileURLToPath(import.meta.url));
let services: Services | null = null;
let window: BrowserWindow | null = null;

registerAppScheme();

function createWindow(): BrowserWindow {
    const win = new BrowserWindow({
        width: 1200, height: 800, minWidth: 720, minHeight: 480, show: false, title: "Locus",
        webPreferences: {
            preload: path.join(here, "../preload/index.cjs"),
            sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true,
            spellcheck: false, webviewTag: false
        }
    });
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
            filters: [{ name: "Documents", extensions: ["pdf", "docx", "md", "markdown", "html", "htm", "txt"] }, { name: "All files", extensions: ["*"] }]
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

app.whenReady().then(async () => {
    hardenApp(APP_ORIGIN);
    serveRenderer(path.join(here, "../renderer"));
    // LOCUS_DATA_DIR lets tests and portable installs keep the library somewhere else.
    const dataDir = process.env.LOCUS_DATA_DIR ?? app.getPath("userData");
    services = await createServices({
        dataDir, host: "electron", starterModels: findStarterModels(), pickModelFile, pickDocuments, pickPairsFile, openFile, spawnWorker: utilityWorkerProcess,
        // Remote servers' API keys are encrypted by the operating system's secret storage.
        secrets: new SafeStorageSecretStore(path.join(dataDir, "secrets"))
    });

    // Calls are accepted only from our own page in the main frame of our window.
    ipcMain.handle(IPC_CHANNELS.invoke, (event, method: unknown, args: unknown) => {
        const frame = event.senderFrame;
        if (services == null || frame == null || frame !== event.sender.mainFrame || !frame.url.startsWith(APP_ORIGIN))
            return fail({ kind: "forbidden", message: "Request refused: it did not come from the Locus window." });
        return services.dispatcher.dispatch(method, args);
    });
    services.events.subscribe((message) => window?.webContents.send(IPC_CHANNELS.event, message));

    window = createWindow();
    window.on("closed", () => (window = null));
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
