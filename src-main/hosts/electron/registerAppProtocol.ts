import fs from "node:fs";
import { Readable } from "node:stream";
import { protocol } from "electron";
import { StaticFiles } from "../browser/StaticFiles.js";
import { APP_CSP } from "./appCsp.js";
import { APP_SCHEME } from "./appOrigin.js";

/** Must run before the app is ready: the renderer's origin is a privileged, secure custom scheme. */
export function registerAppScheme(): void {
    protocol.registerSchemesAsPrivileged([
        { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
    ]);
}

/** Serves the built renderer from `locus://app/`, only files indexed at start, with a strict CSP. */
export function serveRenderer(rendererDir: string): void {
    const files = new StaticFiles(rendererDir);
    protocol.handle(APP_SCHEME, (request) => {
        const url = new URL(request.url);
        const found = url.host === "app" ? files.lookup(url.pathname) : undefined;
        if (found == null) return new Response("Not found", { status: 404 });
        const body = Readable.toWeb(fs.createReadStream(found.file)) as ReadableStream;
        return new Response(body, {
            headers: { "content-type": found.contentType, "content-security-policy": APP_CSP, "x-content-type-options": "nosniff" }
        });
    });
}
