import fs from "node:fs";
import path from "node:path";

const CONTENT_TYPES: Record<string, string> = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".map": "application/json"
};

/**
 * The built renderer, indexed once at start. Requests are answered only from this index, so no URL
 * can reach a file outside the folder (no path is ever joined from request input).
 */
export class StaticFiles {
    readonly #files = new Map<string, string>();

    constructor(readonly root: string) {
        if (!fs.existsSync(path.join(root, "index.html")))
            throw new Error(`The renderer is not built (${path.join(root, "index.html")} is missing). Run "npm run build" first.`);
        this.#index(root, "");
    }

    /** The file for a URL path, or undefined. `/` maps to index.html. */
    lookup(urlPath: string): { file: string; contentType: string } | undefined {
        const key = urlPath === "/" ? "/index.html" : urlPath;
        const file = this.#files.get(key);
        if (file == null) return undefined;
        return { file, contentType: CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream" };
    }

    #index(dir: string, prefix: string): void {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            const key = `${prefix}/${entry.name}`;
            if (entry.isDirectory()) this.#index(full, key);
            else if (entry.isFile()) this.#files.set(key, full);
        }
    }
}
