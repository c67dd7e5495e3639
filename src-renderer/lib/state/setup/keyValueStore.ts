/** The little the renderer keeps on this computer between sessions, behind an interface tests can fake. */
export interface KeyValueStore {
    get(key: string): string | null;
    set(key: string, value: string): void;
}

/** In memory only: for tests, and the fallback when the browser refuses storage. */
export function memoryKeyValueStore(initial: Record<string, string> = {}): KeyValueStore {
    const values = new Map(Object.entries(initial));
    return {
        get: (key) => values.get(key) ?? null,
        set: (key, value) => void values.set(key, value)
    };
}

/**
 * The browser's localStorage. Reading or writing it can throw (storage disabled, quota full); a
 * preference that cannot be kept is not worth an error, so failures fall back to memory.
 */
export function browserKeyValueStore(): KeyValueStore {
    const fallback = memoryKeyValueStore();
    let storage: Storage | null = null;
    try {
        storage = globalThis.localStorage ?? null;
    } catch {
        storage = null;
    }
    return {
        get(key) {
            try {
                return storage?.getItem(key) ?? fallback.get(key);
            } catch {
                return fallback.get(key);
            }
        },
        set(key, value) {
            fallback.set(key, value);
            try {
                storage?.setItem(key, value);
            } catch {
                // Kept in memory for this session.
            }
        }
    };
}
