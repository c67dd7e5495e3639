// A stand-in for the `electron` module, so pack:check can run the packaged app's real main entry
// (resources/app.asar/out/main/index.js) under plain Node. It implements only what Locus's main process
// calls, the way Electron behaves for it: utility processes are Node children that get
// process.resourcesPath too; dialogs answer with the paths pack:check chose. It is bundled by esbuild into
// the check's temporary folder and never shipped.
import { fork, type ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";

/** Set by pack:check through the environment (see runtimeProbe.ts). */
const userData = requiredEnv("LOCUS_SHIM_USER_DATA");
const resourcesPreload = requiredEnv("LOCUS_SHIM_PRELOAD");

/** What the probe reads back: the IPC handler main registered, and the windows it opened. */
export const shimState = {
    handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
    windows: [] as BrowserWindow[],
    singleInstanceLockRequests: 0,
    dialogPaths: [] as string[],
    /** What main showed in error boxes ("Locus could not start: ..."). */
    errorBoxes: [] as string[],
    quitRequested: false
};

class App extends EventEmitter {
    readonly isPackaged = true;
    #ready = Promise.resolve();
    readonly #paths = new Map<string, string>([["userData", userData]]);

    whenReady(): Promise<void> {
        return this.#ready;
    }
    getPath(name: string): string {
        const found = this.#paths.get(name);
        if (found === undefined) throw new Error(`electron shim: app.getPath("${name}") is not provided`);
        return found;
    }
    setPath(name: string, value: string): void {
        this.#paths.set(name, value);
    }
    requestSingleInstanceLock(): boolean {
        shimState.singleInstanceLockRequests += 1;
        return true;
    }
    quit(): void {
        // As Electron: "before-quit" may be prevented (main disposes its services, then quits again).
        const event = { defaultPrevented: false, preventDefault(): void { this.defaultPrevented = true; } };
        this.emit("before-quit", event);
        if (!event.defaultPrevented) shimState.quitRequested = true;
    }
}

export const app = new App();

class WebContents extends EventEmitter {
    readonly mainFrame = { url: "" };
    readonly sent: Array<{ channel: string; message: unknown }> = [];
    send(channel: string, message: unknown): void {
        this.sent.push({ channel, message });
    }
    setWindowOpenHandler(): void {}
}

export class BrowserWindow extends EventEmitter {
    static getAllWindows(): BrowserWindow[] {
        return shimState.windows;
    }
    readonly webContents = new WebContents();
    readonly options: unknown;
    constructor(options: unknown) {
        super();
        this.options = options;
        shimState.windows.push(this);
        app.emit("web-contents-created", {}, this.webContents);
    }
    loadURL(url: string): Promise<void> {
        this.webContents.mainFrame.url = url;
        queueMicrotask(() => this.emit("ready-to-show"));
        return Promise.resolve();
    }
    show(): void {}
    focus(): void {}
    isMinimized(): boolean {
        return false;
    }
    restore(): void {}
}

export const dialog = {
    showOpenDialog(): Promise<{ canceled: boolean; filePaths: string[] }> {
        return Promise.resolve({ canceled: shimState.dialogPaths.length === 0, filePaths: [...shimState.dialogPaths] });
    },
    showErrorBox(title: string, content: string): void {
        shimState.errorBoxes.push(`${title}: ${content}`);
        process.stderr.write(`electron shim: error box: ${title}: ${content}\n`);
    }
};

export const ipcMain = {
    handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown): void {
        shimState.handlers.set(channel, handler);
    }
};

export const shell = {
    openPath: (): Promise<string> => Promise.resolve(""),
    openExternal: (): Promise<void> => Promise.resolve()
};

export const session = {
    defaultSession: { setPermissionRequestHandler(): void {}, setPermissionCheckHandler(): void {} }
};

export const protocol = {
    registerSchemesAsPrivileged(): void {},
    handle(): void {}
};

/** A computer without the operating system's secret storage: Locus keeps remote servers' keys in a 0600 file. */
export const safeStorage = {
    isEncryptionAvailable: (): boolean => false,
    getSelectedStorageBackend: (): string => "basic_text",
    encryptString(): Buffer {
        throw new Error("electron shim: no secret storage");
    },
    decryptString(): string {
        throw new Error("electron shim: no secret storage");
    }
};

/** Electron's utility process, as a Node child with the same channel semantics Locus's workers use. */
export const utilityProcess = {
    fork(modulePath: string, args: string[], options: { execArgv?: string[]; env?: NodeJS.ProcessEnv }): UtilityChild {
        const child = fork(modulePath, args, {
            // Electron gives utility processes process.resourcesPath; the preload does here.
            execArgv: [...(options.execArgv ?? []), "--import", resourcesPreload],
            env: { ...(options.env ?? process.env), LOCUS_SHIM_PROCESS_TYPE: "utility" },
            serialization: "advanced",
            stdio: ["ignore", "ignore", "pipe", "ipc"]
        });
        return new UtilityChild(child);
    }
};

class UtilityChild extends EventEmitter {
    readonly stderr: ChildProcess["stderr"];
    constructor(private readonly child: ChildProcess) {
        super();
        this.stderr = child.stderr;
        child.on("message", (message) => this.emit("message", message));
        child.on("exit", (code) => this.emit("exit", code ?? 1));
    }
    postMessage(message: unknown): void {
        this.child.send(message as Parameters<ChildProcess["send"]>[0]);
    }
    kill(): boolean {
        return this.child.kill("SIGKILL");
    }
}

function requiredEnv(name: string): string {
    const value = process.env[name];
    if (!value) throw new Error(`electron shim: ${name} is not set`);
    return value;
}

export default { app, BrowserWindow, dialog, ipcMain, shell, session, protocol, safeStorage, utilityProcess };
