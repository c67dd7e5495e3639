import fs from "node:fs";
import path from "node:path";
import type { SecretStore } from "./SecretStore.js";

/**
 * Secrets as files in `<data>/secrets/`, the folder readable by this user only (0700, files 0600), written
 * to a temporary file and renamed. Used where Electron's safeStorage is not available (browser host, CLI).
 */
export class FileSecretStore implements SecretStore {
    readonly kind = "file";

    constructor(private readonly dir: string) {}

    get(name: string): string | null {
        try {
            return fs.readFileSync(this.#file(name), "utf8");
        } catch {
            return null;
        }
    }

    set(name: string, value: string | null): void {
        const file = this.#file(name);
        if (value == null) {
            fs.rmSync(file, { force: true });
            return;
        }
        fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
        fs.chmodSync(this.dir, 0o700);
        const temp = `${file}.tmp-${process.pid}`;
        fs.writeFileSync(temp, value, { mode: 0o600 });
        fs.renameSync(temp, file);
    }

    #file(name: string): string {
        if (!/^[a-z0-9.-]+$/.test(name)) throw new Error(`Not a secret name: ${name}`);
        return path.join(this.dir, name);
    }
}
