import type { LibraryDocumentInfo } from "@common/contract";

/** One row of the library list: a file, or a message shown under its open mailbox. */
export type LibraryRow = {
    document: LibraryDocumentInfo;
    /** Messages inside this file (a mailbox); 0 for other files and for messages. */
    messageCount: number;
    /** Whether this row is a message inside a mailbox. */
    inside: boolean;
};

/** Failed files first, where the person sees what needs them; the rest by name, so rows do not jump while indexing. */
const fileOrder = (a: LibraryDocumentInfo, b: LibraryDocumentInfo) =>
    Number(b.status === "failed") - Number(a.status === "failed")
    || a.displayName.localeCompare(b.displayName, undefined, { sensitivity: "base", numeric: true })
    || a.id.localeCompare(b.id);

/** Messages in the order they were sent (undated ones last), then by subject. */
const messageOrder = (a: LibraryDocumentInfo, b: LibraryDocumentInfo) =>
    Number(a.sentAt == null) - Number(b.sentAt == null)
    || (a.sentAt ?? "").localeCompare(b.sentAt ?? "")
    || a.displayName.localeCompare(b.displayName, undefined, { sensitivity: "base", numeric: true })
    || a.id.localeCompare(b.id);

/**
 * The library list: files in order, each mailbox followed by its messages when it is open (`open` has
 * its id). A mailbox of 20,000 messages stays one row until the person opens it. A message whose
 * mailbox is filtered out (another collection) is not shown alone.
 */
export function libraryRows(documents: readonly LibraryDocumentInfo[], open: ReadonlySet<string>): LibraryRow[] {
    const messages = new Map<string, LibraryDocumentInfo[]>();
    const files: LibraryDocumentInfo[] = [];
    for (const document of documents) {
        if (document.parentId == null) files.push(document);
        else messages.set(document.parentId, [...(messages.get(document.parentId) ?? []), document]);
    }
    return files.sort(fileOrder).flatMap((file) => {
        const inside = messages.get(file.id) ?? [];
        const row: LibraryRow = { document: file, messageCount: inside.length, inside: false };
        if (!open.has(file.id)) return [row];
        return [row, ...inside.sort(messageOrder).map((document) => ({ document, messageCount: 0, inside: true }))];
    });
}
