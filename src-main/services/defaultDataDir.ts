import os from "node:os";
import path from "node:path";

/** Where the browser host and CLI keep data when no folder is given (Electron uses its userData folder). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
    if (env.LOCUS_DATA_DIR) return path.resolve(env.LOCUS_DATA_DIR);
    if (process.platform === "win32") return path.join(env.APPDATA ?? path.join(os.homedir(), "AppData", "Roaming"), "Locus");
    if (process.platform === "darwin") return path.join(os.homedir(), "Library", "Application Support", "Locus");
    return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), ".local", "share"), "locus");
}
