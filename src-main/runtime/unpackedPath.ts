import path from "node:path";

/**
 * The real file behind a path inside the app's archive: electron-builder moves native files out of
 * `app.asar` into `app.asar.unpacked`, and native code (SQLite's extension loader, ggml's backend loader,
 * the dynamic linker) reads the disk, not the archive. Paths outside an archive come back unchanged.
 */
export function unpackedPath(file: string): string {
    const marker = `.asar${path.sep}`;
    const at = file.indexOf(marker);
    if (at < 0) return file;
    return `${file.slice(0, at)}.asar.unpacked${path.sep}${file.slice(at + marker.length)}`;
}
