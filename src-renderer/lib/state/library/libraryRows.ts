import type { LibraryDocumentInfo } from "@common/contract";

/** One row of the library list: a file, or a message shown under its open mailbox. */
export type LibraryRow = {
    document: LibraryDocumentInfo;
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
 * The library list: files in order, each open mailbox followed by its messages (`messages`, by mailbox
 * id, holds those fetched for the open ones). A mailbox of 20,000 messages stays one row until opened.
 */
export function libraryRows(files: readonly LibraryDocumentInfo[], messages: Readonly<Record<string, readonly LibraryDocumentInfo[]>>): LibraryRow[] {
    return [...files].sort(fileOrder).flatMap((file) => {
        const inside = messages[file.id];
        const row: LibraryRow = { document: file, inside: false };
        if (inside === undefined) return [row];
        return [row, ...[...inside].sort(messageOrder).map((document) => ({ document, inside: true }))];
    });
}
