import { safeStorage } from "electron";
import { FileSecretStore } from "../../remote/FileSecretStore.js";
import type { SecretStore } from "../../remote/SecretStore.js";

/**
 * Secrets encrypted with Electron's safeStorage (the macOS Keychain, Windows DPAPI, the Linux secret
 * service), kept as ciphertext in files only this user can read. Where the system offers no real secret
 * storage (Linux without a keyring, where safeStorage would only obfuscate), it says so: kind "file".
 */
export class SafeStorageSecretStore implements SecretStore {
    readonly kind: "os" | "file";
    readonly #files: FileSecretStore;

    constructor(dir: string) {
        this.#files = new FileSecretStore(dir);
        const backend = process.platform === "linux" ? safeStorage.getSelectedStorageBackend() : "os";
        this.kind = safeStorage.isEncryptionAvailable() && backend !== "basic_text" && backend !== "unknown" ? "os" : "file";
    }

    get(name: string): string | null {
        const stored = this.#files.get(`${name}.enc`);
        if (stored == null) return null;
        try {
            return safeStorage.decryptString(Buffer.from(stored, "base64"));
        } catch {
            // Encrypted under another user or keyring: as good as absent; the person enters the key again.
            return null;
        }
    }

    set(name: string, value: string | null): void {
        this.#files.set(`${name}.enc`, value == null ? null : safeStorage.encryptString(value).toString("base64"));
    }
}
