import { describe, expect, it } from "vitest";
import type { LibraryDocumentInfo } from "../../../src-main/common/contract/libraryTypes.js";
import { describeDocumentFacts } from "../../../src-renderer/lib/format/describeLibrary.js";
import { libraryRows } from "../../../src-renderer/lib/state/library/libraryRows.js";

function doc(id: string, displayName: string, extra: Partial<LibraryDocumentInfo> = {}): LibraryDocumentInfo {
    return {
        id, displayName, format: "email", status: "indexed", statusReason: null, pageCount: null, chunkCount: 2, sizeBytes: 2048,
        updatedAt: 1, indexedAt: 1, collectionId: null, ...extra
    };
}

const files = [doc("z", "zebra.txt", { format: "text" }), doc("box", "inbox.mbox", { chunkCount: 5, messageCount: 3 }), doc("bad", "broken.pdf", { status: "failed", format: "pdf" })];
const messages = [
    doc("m2", "Re: Lunch", { parentId: "box", sender: "Grace <grace@example.com>", sentAt: "2024-03-04 11:15 UTC" }),
    doc("m3", "(no subject)", { parentId: "box", sender: null, sentAt: null, chunkCount: 1 }),
    doc("m1", "Lunch", { parentId: "box", sender: "Ada <ada@example.com>", sentAt: "2024-03-04 10:00 UTC" })
];

describe("the library list with mailboxes", () => {
    it("shows a mailbox as one row, and its messages under it by date (undated last) once opened", () => {
        expect(libraryRows(files, {}).map((row) => [row.document.id, row.inside])).toEqual([["bad", false], ["box", false], ["z", false]]);
        const open = libraryRows(files, { box: messages });
        expect(open.map((row) => row.document.displayName)).toEqual(["broken.pdf", "inbox.mbox", "Lunch", "Re: Lunch", "(no subject)", "zebra.txt"]);
        expect(open.filter((row) => row.inside).map((row) => row.document.id)).toEqual(["m1", "m2", "m3"]);
    });

    it("describes a mailbox by its message count and a message by its sender and date", () => {
        expect(describeDocumentFacts(files[1]!)).toBe("E-mail · 3 messages · 5 passages · 2 KB");
        expect(describeDocumentFacts(messages[2]!)).toBe("From Ada <ada@example.com> · 2024-03-04 10:00 UTC · 2 passages");
        expect(describeDocumentFacts(messages[1]!)).toBe("From an unknown sender · 1 passage");
    });
});
