import { describe, expect, it } from "vitest";
import { attributeCitations, splitSentences } from "../../../src-main/answer/attributeCitations.js";
import { contentWords } from "../../../src-main/answer/contentWords.js";
import { dropRepeatedSentences } from "../../../src-main/answer/dropRepeatedSentences.js";
import { supportScore } from "../../../src-main/answer/supportScore.js";
import type { NumberedSource } from "../../../src-main/answer/types.js";
import type { ChunkWithDocument } from "../../../src-main/store/library/types.js";

function source(number: number, text: string): NumberedSource {
    const chunk: ChunkWithDocument = {
        id: number * 10, documentId: `d${number}`, ordinal: 0, sectionIndex: 0, page: null, headingPath: [], charStart: 0,
        charEnd: text.length, tokenCount: 10, text, documentName: `doc${number}.md`, documentTitle: null, documentFormat: "markdown"
    };
    return { number, chunk };
}

const sources = [
    source(1, "The Ossery harbor closes on 2 November for dredging, and reopens after nine days."),
    source(2, "The Velmora harbor closes every year on 14 March for the Lantern Tide festival. Boats must be moored at the north quay."),
    source(3, "The orchard cooperative of Brannoch spent 48,300 crowns on irrigation in 2023.")
];

describe("contentWords and supportScore", () => {
    it("keeps names, terms and numbers, and reads 48,300 and 48300 as one number", () => {
        const words = contentWords("The Brannoch cooperative's spending was 48,300 crowns.");
        expect([...words.words].sort()).toEqual(["brannoch", "cooperative", "crown", "spending"]);
        expect([...words.numbers]).toEqual(["48300"]);
        expect([...contentWords("It cost 48300 in 2023.").numbers]).toEqual(["48300", "2023"]);
    });

    it("gives no support to a passage that lacks a figure the sentence states", () => {
        const passage = contentWords(sources[2]!.chunk.text);
        expect(supportScore(contentWords("Brannoch spent 48,300 crowns on irrigation."), passage)).toBe(1);
        expect(supportScore(contentWords("Brannoch spent 1,200 crowns on irrigation."), passage)).toBe(0);
    });
});

describe("attributeCitations", () => {
    it("keeps a citation whose passage holds the sentence", () => {
        const answer = "The Velmora harbor closes on 14 March [2].";
        expect(attributeCitations(answer, sources)).toBe(answer);
    });

    it("adds the citation to a sentence copied from a passage without one", () => {
        expect(attributeCitations("The Velmora harbor closes every year on 14 March for the Lantern Tide festival.", sources))
            .toBe("The Velmora harbor closes every year on 14 March for the Lantern Tide festival [2].");
    });

    it("moves a citation that points at the wrong passage to the one that holds the words", () => {
        expect(attributeCitations("Brannoch spent 48,300 crowns on irrigation [1].", sources)).toBe("Brannoch spent 48,300 crowns on irrigation [3].");
    });

    it("removes a citation from a claim no passage supports, such as an invented figure", () => {
        expect(attributeCitations("The Brannoch cooperative spent $1,200 on irrigation in 2023 [3].", sources))
            .toBe("The Brannoch cooperative spent $1,200 on irrigation in 2023.");
    });

    it("handles each sentence on its own and keeps the text between them", () => {
        const answer = "The Ossery harbor closes on 2 November.\n\nThe Velmora harbor closes on 14 March [1]. Thanks!";
        expect(attributeCitations(answer, sources)).toBe("The Ossery harbor closes on 2 November [1].\n\nThe Velmora harbor closes on 14 March [2]. Thanks!");
    });

    it("keeps several citations when each passage supports the sentence", () => {
        const answer = "The Ossery harbor and the Velmora harbor both close for a time [1, 2].";
        expect(attributeCitations(answer, sources)).toBe(answer);
    });

    it("removes citations from a question the model echoed back, which asserts nothing", () => {
        expect(attributeCitations("Question: When does the Velmora harbor close [2]?", sources)).toBe("Question: When does the Velmora harbor close?");
    });

    it("leaves very short sentences as written", () => {
        expect(attributeCitations("Yes [3].", sources)).toBe("Yes [3].");
    });
});

describe("splitSentences", () => {
    it("joins back to the text exactly and gives a citation after the full stop to the sentence before", () => {
        const text = "First claim. [1] Second claim [2].\nThird";
        const parts = splitSentences(text);
        expect(parts.join("")).toBe(text);
        expect(parts[0]).toBe("First claim. [1]");
    });
});

describe("dropRepeatedSentences", () => {
    it("removes a sentence the model repeated and the fragment the token limit cut", () => {
        const loop = "The harbor closes on 14 March.\nThe harbor closes on 14 March.\nThe harbor closes on 14 March.\nThe harbor closes on";
        expect(dropRepeatedSentences(loop)).toBe("The harbor closes on 14 March.");
        expect(dropRepeatedSentences("One. Two. Three.")).toBe("One. Two. Three.");
    });
});

describe("attributeCitations with citations in the middle of a sentence", () => {
    it("drops only the unsupported citation and leaves the supported one where the model put it", () => {
        expect(attributeCitations("The Velmora harbor closes on 14 March [2], as the harbor rules say [3].", sources))
            .toBe("The Velmora harbor closes on 14 March [2], as the harbor rules say.");
    });
});
