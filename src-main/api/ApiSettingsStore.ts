import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { ApiListen } from "@common/contract/apiTypes.js";

/** The API's settings, kept beside the person's settings in main only. */
export type ApiSettings = { enabled: boolean; port: number; listen: ApiListen; allowedOrigins: string[] };

/** Off, on this computer only, on a port no well-known local server uses by default. */
export const DEFAULT_API_SETTINGS: ApiSettings = { enabled: false, port: 8585, listen: "loopback", allowedOrigins: [] };

const settingsSchema = z.object({
    enabled: z.boolean(),
    port: z.number().int().min(1).max(65535),
    listen: z.enum(["loopback", "all-interfaces"]),
    allowedOrigins: z.array(z.string())
});

/** Key-value storage for main's own bookkeeping (SettingsRepository's internal keys). */
export type InternalStore = {
    internal(key: `internal.${string}`): unknown;
    setInternal(key: `internal.${string}`, value: unknown): void;
};

/** The API's settings and its bearer token, stored under internal keys the renderer never reads directly. */
export class ApiSettingsStore {
    constructor(private readonly store: InternalStore) {}

    settings(): ApiSettings {
        const parsed = settingsSchema.safeParse(this.store.internal("internal.api.settings"));
        return parsed.success ? parsed.data : { ...DEFAULT_API_SETTINGS };
    }

    save(settings: ApiSettings): void {
        this.store.setInternal("internal.api.settings", settings);
    }

    /** The token, made on first use: 32 random bytes, URL-safe, prefixed so people recognise it. */
    token(): string {
        const stored = this.store.internal("internal.api.token");
        if (typeof stored === "string" && stored.length >= 32) return stored;
        return this.rotateToken();
    }

    rotateToken(): string {
        const token = `locus-${randomBytes(32).toString("base64url")}`;
        this.store.setInternal("internal.api.token", token);
        return token;
    }
}
