import type { Database } from "better-sqlite3";
import { defaultSettings, type Settings } from "@common/contract/settingsTypes.js";

type Row = { key: string; value: string };

/** Settings as key -> JSON rows; unknown keys in the database are ignored, missing ones take defaults. */
export class SettingsRepository {
    readonly #all;
    readonly #put;

    constructor(private readonly db: Database) {
        this.#all = db.prepare<[], Row>("SELECT key, value FROM settings");
        this.#put = db.prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    }

    read(): Settings {
        const settings: Record<string, unknown> = { ...defaultSettings };
        for (const row of this.#all.all()) {
            if (Object.hasOwn(defaultSettings, row.key)) settings[row.key] = JSON.parse(row.value) as unknown;
        }
        return settings as Settings;
    }

    /**
     * Main's own bookkeeping kept beside the settings (keys under "internal.", never part of `Settings`,
     * so the renderer neither sees nor changes them); undefined when absent or unreadable.
     */
    internal(key: `internal.${string}`): unknown {
        const row = this.db.prepare<[string], Row>("SELECT key, value FROM settings WHERE key = ?").get(key);
        try {
            return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
        } catch {
            return undefined;
        }
    }

    setInternal(key: `internal.${string}`, value: unknown): void {
        this.#put.run(key, JSON.stringify(value));
    }

    write(patch: Partial<Settings>): Settings {
        this.db.transaction(() => {
            for (const [key, value] of Object.entries(patch)) {
                if (value !== undefined && Object.hasOwn(defaultSettings, key)) this.#put.run(key, JSON.stringify(value));
            }
        })();
        return this.read();
    }
}
