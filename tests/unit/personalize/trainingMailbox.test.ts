import { afterEach, describe, expect, it } from "vitest";
import { collectTrainingDocuments } from "../../../src-main/personalize/collectTrainingDocuments.js";
import type { NewPart } from "../../../src-main/store/library/types.js";
import { trainingCandidates, selectedDocumentIds } from "../../../src-renderer/lib/state/personalize/trainingForm.js";
import { toDocumentInfo } from "../../../src-main/ingest/toDocumentInfo.js";
import { hashedEmbedding } from "../retrieval/support/hashedEmbedding.js";
import { chunksOf, openLibrary, removeTempDatabases } from "../retrieval/support/libraryFixture.js";

afterEach(removeTempDatabases);

const sentence = (word: string) => `${word} `.repeat(120).trim();

function part(key: string, text: string): NewPart {
    const chunks = chunksOf([text]);
    return { key, title: key, sender: "", sentAt: "", contentHash: key, sizeBytes: text.length, chunks, vectors: chunks.map((chunk) => hashedEmbedding(chunk.text)) };
}

describe("Personalize with a mailbox", () => {
    it("offers a mailbox as one choice and learns the text of its messages once, whether chosen or taken with everything", () => {
        const { store } = openLibrary();
        store.setEmbeddingModel({ id: "m", dimension: 64 });
        const file = store.queueDocument({ sourcePath: "/mail/inbox.mbox", displayName: "inbox.mbox", sizeBytes: 1, mtimeMs: 1 });
        store.replaceDocumentParts(file.id, [part("one", sentence("alpha")), part("two", sentence("beta"))], { embeddingModelId: "m" });
        const infos = store.listDocuments().map(toDocumentInfo);
        expect(trainingCandidates(infos).map((candidate) => candidate.document.displayName)).toEqual(["inbox.mbox"]);
        expect(selectedDocumentIds(null, infos)).toEqual([file.id]);
        for (const chosen of [undefined, [file.id]]) {
            const { documents, used } = collectTrainingDocuments(store, chosen);
            expect(used).toEqual([{ id: file.id, name: "inbox.mbox" }]);
            expect(documents).toHaveLength(1);
            expect(documents[0]!.text).toContain("alpha alpha");
            expect(documents[0]!.text).toContain("beta beta");
        }
    });
});
