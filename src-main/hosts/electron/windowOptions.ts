import type { BrowserWindowConstructorOptions } from "electron";

/**
 * The main window: a sandboxed renderer with context isolation and no Node, which reaches main only
 * through the preload's two functions; no webviews, no spellchecker (it would send words to a service).
 */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
    return {
        width: 1200, height: 800, minWidth: 720, minHeight: 480, show: false, title: "Locus",
        webPreferences: {
            preload: preloadPath,
            sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false,
            webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false, spellcheck: false, webviewTag: false,
            navigateOnDragDrop: false, safeDialogs: true
        }
    };
}
