import * as sqliteVec from "sqlite-vec";
import { unpackedPath } from "../runtime/unpackedPath.js";

/**
 * sqlite-vec's loadable extension for this platform, as a file SQLite can open: in the packaged app its
 * platform package is resolved inside the archive, and SQLite reads only real files, so the path is
 * moved to `app.asar.unpacked`, where the installer puts it.
 */
export function sqliteVecPath(): string {
    return unpackedPath(sqliteVec.getLoadablePath());
}
