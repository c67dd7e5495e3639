/** Which id an object returned by a service's method carries in its `id` field. */
const idKindOfService: Record<string, string> = {
    chats: "chatId", library: "documentId", models: "modelId", collections: "collectionId", adapters: "adapterId",
    downloads: "jobId", advisor: "runId", backups: "backupId", training: "pairsId"
};

/**
 * Ids seen in answers, by kind (chatId, documentId, ...), so calls name real objects: the right kind, or on
 * purpose another kind's (a chat id where a document id is due).
 */
export class IdPool {
    readonly #byKind = new Map<string, Set<string>>();

    harvest(method: string, value: unknown): void {
        const service = method.split(".")[0] ?? "";
        this.#walk(value, idKindOfService[service] ?? null, 0);
    }

    kinds(): string[] {
        return [...this.#byKind.keys()];
    }

    of(kind: string): string[] {
        return [...(this.#byKind.get(kind) ?? [])];
    }

    all(): string[] {
        return [...this.#byKind.values()].flatMap((ids) => [...ids]);
    }

    #add(kind: string, id: string): void {
        let ids = this.#byKind.get(kind);
        if (ids === undefined) this.#byKind.set(kind, (ids = new Set()));
        if (ids.size < 200) ids.add(id);
    }

    #walk(value: unknown, idKind: string | null, depth: number): void {
        if (depth > 6 || value === null || typeof value !== "object") return;
        if (Array.isArray(value)) {
            for (const item of value.slice(0, 500)) this.#walk(item, idKind, depth + 1);
            return;
        }
        for (const [key, field] of Object.entries(value)) {
            if (typeof field === "string" && key === "id" && idKind !== null && depth <= 2) this.#add(idKind, field);
            else if (typeof field === "string" && /Id$/.test(key)) this.#add(key, field);
            else this.#walk(field, key === "messages" ? null : idKind, depth + 1);
        }
    }
}
