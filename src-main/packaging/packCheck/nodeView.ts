import fs from "node:fs";
import path from "node:path";
import asar from "@electron/asar";
import { archiveEntries } from "./archiveEntries.js";
import { isNativeFileName } from "./nativeFile.js";

/**
 * The laid-out app as plain Node can run it: Node cannot read inside an asar archive, so the archive is
 * extracted to a folder of the same name, `resources/app.asar/`. Electron's own rules for unpacked files
 * are kept: JavaScript reads an unpacked file through the archive's path, and a `.node` addon required
 * from inside the archive is loaded from app.asar.unpacked (a symlink stands in for that redirect), while
 * shared libraries and sqlite-vec's extension exist only in app.asar.unpacked, as in the installed app,
 * where native code (the dynamic linker, SQLite, ggml) cannot read the archive.
 * Everything beside the archive (app.asar.unpacked, trainer, starter-models) is linked, not copied.
 */
export function makeNodeView(resourcesDir: string, viewDir: string): string {
    const viewResources = path.join(viewDir, "resources");
    const archive = path.join(resourcesDir, "app.asar");
    const extracted = path.join(viewResources, "app.asar");
    fs.mkdirSync(viewResources, { recursive: true });
    asar.extractAll(archive, extracted);
    for (const entry of archiveEntries(archive)) {
        if (!entry.unpacked) continue;
        // extractAll copied unpacked files in: JavaScript and data stay (Electron reads them through the
        // archive's path); an addon becomes a link to the unpacked file (Node loads it from its real path, as
        // Electron redirects it); other native libraries go, since nothing may load them from the archive.
        const file = path.join(extracted, ...entry.path.split("/"));
        if (entry.path.endsWith(".node")) {
            fs.rmSync(file, { force: true });
            fs.symlinkSync(path.join(resourcesDir, "app.asar.unpacked", ...entry.path.split("/")), file);
        } else if (isNativeFileName(entry.path)) {
            fs.rmSync(file, { force: true });
        }
    }
    for (const name of fs.readdirSync(resourcesDir)) {
        if (name !== "app.asar") fs.symlinkSync(path.join(resourcesDir, name), path.join(viewResources, name));
    }
    return viewResources;
}
