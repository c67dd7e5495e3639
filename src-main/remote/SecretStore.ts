/**
 * Where API keys of remote servers are kept, in main only: the operating system's secret storage in the
 * Electron app, or a file only this user can read where there is none (browser host, CLI).
 */
export interface SecretStore {
    /** "os": encrypted by the operating system's secret storage; "file": a file readable by this user only. */
    readonly kind: "os" | "file";
    get(name: string): string | null;
    /** Stores a secret, or forgets it (null). */
    set(name: string, value: string | null): void;
}
