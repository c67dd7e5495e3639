import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acceptsIpcFrom } from "../../../src-main/hosts/electron/acceptsIpcFrom.js";
import { APP_CSP } from "../../../src-main/hosts/electron/appCsp.js";
import { APP_ORIGIN, isAppUrl } from "../../../src-main/hosts/electron/appOrigin.js";
import { denyPermissionCheck, denyPermissionRequest } from "../../../src-main/hosts/electron/denyPermissions.js";
import { guardWebContents, type GuardedContents } from "../../../src-main/hosts/electron/guardWebContents.js";
import { handleIpcInvoke } from "../../../src-main/hosts/electron/handleIpcInvoke.js";
import { windowOptions } from "../../../src-main/hosts/electron/windowOptions.js";
import { Dispatcher, type Handlers } from "../../../src-main/ipc/Dispatcher.js";

const electronDir = path.resolve(import.meta.dirname, "../../../src-main/hosts/electron");

/** Stands in for Electron's WebContents: records the listeners guardWebContents installs. */
function fakeContents() {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: ((details: { url: string }) => { action: "deny" }) | null = null;
    const contents = {
        on: (event: string, listener: (event: { preventDefault(): void }, url?: string) => void) => listeners.set(event, listener),
        setWindowOpenHandler: (handler: (details: { url: string }) => { action: "deny" }) => (openHandler = handler)
    } as unknown as GuardedContents;
    const fire = (event: string, url?: string): boolean => {
        let prevented = false;
        listeners.get(event)!({ preventDefault: () => (prevented = true) }, url);
        return prevented;
    };
    return { contents, fire, open: (url: string) => openHandler!({ url }) };
}

describe("the Electron window's defenses", () => {
    it("creates a sandboxed, context-isolated window without Node, webviews or the spellchecker", () => {
        const options = windowOptions("/app/preload/index.cjs");
        expect(options.webPreferences).toEqual({
            preload: "/app/preload/index.cjs", sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInWorker: false,
            nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false, spellcheck: false,
            webviewTag: false, navigateOnDragDrop: false, safeDialogs: true
        });
    });

    it("builds every window of the app from windowOptions, and the app's pages from the one CSP", () => {
        const sources = fs.readdirSync(electronDir).filter((name) => name.endsWith(".ts")).map((name) => fs.readFileSync(path.join(electronDir, name), "utf8"));
        const windows = sources.flatMap((text) => text.match(/new BrowserWindow\([^)]*\)?/g) ?? []);
        expect(windows.length).toBeGreaterThan(0);
        for (const call of windows) expect(call).toMatch(/^new BrowserWindow\(windowOptions\(/);
        expect(fs.readFileSync(path.join(electronDir, "registerAppProtocol.ts"), "utf8")).toContain('"content-security-policy": APP_CSP');
    });

    it("serves pages with a CSP that allows only the app's own scripts and no remote fetches of any kind", () => {
        const directives = Object.fromEntries(APP_CSP.split("; ").map((part) => [part.split(" ")[0], part.split(" ").slice(1).join(" ")]));
        expect(directives).toEqual({
            "default-src": "'self'", "script-src": "'self'", "style-src": "'self' 'unsafe-inline'", "img-src": "'self' data:", "connect-src": "'self'",
            "object-src": "'none'", "base-uri": "'none'", "form-action": "'none'", "frame-ancestors": "'none'"
        });
        expect(APP_CSP).not.toMatch(/https?:|\*|unsafe-eval/);
    });

    it("compares the app origin exactly, never by prefix", () => {
        expect(APP_ORIGIN).toBe("locus://app");
        expect(isAppUrl("locus://app/index.html")).toBe(true);
        expect(isAppUrl("locus://app/")).toBe(true);
        for (const url of [
            "locus://app.evil/index.html", "locus://application/", "locus://app:8080/", "locus://user@app/", "locus://user:pw@app/",
            "https://app/", "http://locus//app/", "file:///locus://app/", "locus://evil/app", "locus:app", "not a url", ""
        ]) expect(isAppUrl(url), url).toBe(false);
    });

    it("stops navigation and redirects away from the app, refuses webviews, and opens only web and mail links outside", () => {
        const opened: string[] = [];
        const { contents, fire, open } = fakeContents();
        guardWebContents(contents, (url) => opened.push(url));
        expect(fire("will-navigate", "locus://app/index.html")).toBe(false);
        for (const url of ["https://evil.example/", "locus://app.evil/", "file:///etc/passwd", "javascript:alert(1)"]) {
            expect(fire("will-navigate", url), url).toBe(true);
            expect(fire("will-redirect", url), url).toBe(true);
        }
        expect(fire("will-attach-webview")).toBe(true);
        for (const url of ["https://example.org/a", "http://example.org/", "mailto:a@example.org", "file:///etc/passwd", "smb://server/share", "locus://app/", "javascript:alert(1)"])
            expect(open(url)).toEqual({ action: "deny" });
        expect(opened).toEqual(["https://example.org/a", "http://example.org/", "mailto:a@example.org"]);
    });

    it("grants no permission to any page", () => {
        for (const permission of ["media", "geolocation", "notifications", "clipboard-read", "openExternal", "fullscreen", "hid", "serial", "usb"]) {
            let granted: boolean | undefined;
            denyPermissionRequest(null, permission, (value) => (granted = value));
            expect(granted, permission).toBe(false);
        }
        expect(denyPermissionCheck()).toBe(false);
    });

    it("lets only the app's own page write to the clipboard (the API key's Copy button)", () => {
        const granted = (permission: string, url: string) => {
            let value: boolean | undefined;
            denyPermissionRequest(null, permission, (answer) => (value = answer), { requestingUrl: url });
            return value;
        };
        expect(granted("clipboard-sanitized-write", "locus://app/index.html")).toBe(true);
        expect(denyPermissionCheck(null, "clipboard-sanitized-write", "locus://app")).toBe(true);
        expect(granted("clipboard-sanitized-write", "locus://app.evil/index.html")).toBe(false);
        expect(granted("clipboard-sanitized-write", "https://evil.example/")).toBe(false);
        expect(denyPermissionCheck(null, "clipboard-sanitized-write", "https://evil.example")).toBe(false);
        expect(granted("clipboard-read", "locus://app/index.html")).toBe(false);
    });

    it("accepts IPC calls only from the app's page in the main frame, before looking at the arguments", async () => {
        let ran = 0;
        const dispatcher = new Dispatcher({ "chats.list": () => { ran++; return []; } } as unknown as Handlers);
        const refused = { ok: false, error: { kind: "forbidden", message: "Request refused: it did not come from the Locus window." } };
        expect(await handleIpcInvoke(dispatcher, { frameUrl: "locus://app/index.html", isMainFrame: false }, "chats.list", {})).toEqual(refused);
        expect(await handleIpcInvoke(dispatcher, { frameUrl: "locus://app.evil/index.html", isMainFrame: true }, "chats.list", {})).toEqual(refused);
        expect(await handleIpcInvoke(dispatcher, { frameUrl: "https://evil.example/", isMainFrame: true }, "chats.list", {})).toEqual(refused);
        expect(await handleIpcInvoke(dispatcher, { frameUrl: null, isMainFrame: true }, "chats.list", {})).toEqual(refused);
        expect(await handleIpcInvoke(null, { frameUrl: "locus://app/index.html", isMainFrame: true }, "chats.list", {})).toMatchObject({ ok: false });
        expect(ran).toBe(0);
        expect(await handleIpcInvoke(dispatcher, { frameUrl: "locus://app/index.html", isMainFrame: true }, "chats.list", {})).toEqual({ ok: true, value: [] });
        expect(acceptsIpcFrom({ frameUrl: "locus://app/index.html", isMainFrame: true })).toBe(true);
    });
});
