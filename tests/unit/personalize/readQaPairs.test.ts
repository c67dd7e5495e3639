import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InvalidInputError } from "../../../src-main/common/errors.js";
import { maxPairsFileBytes, readQaPairs } from "../../../src-main/personalize/readQaPairs.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-pairs-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
    const filePath = path.join(dir, name);
    fs.writeFileSync(filePath, text);
    return filePath;
}

async function failure(filePath: string): Promise<string> {
    const error = await readQaPairs(filePath).then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as Error).message;
}

describe("reading question-answer pairs", () => {
    it("reads JSON Lines, skipping blank lines, with a byte-order mark and Windows line ends", async () => {
        const pairs = await readQaPairs(file("faq.jsonl", '\uFEFF{"question": " When is the desk open? ", "answer": "From nine to five."}\r\n\r\n{"question": "Refunds?", "answer": "Within 14 days."}\r\n'));
        expect(pairs).toEqual([
            { question: "When is the desk open?", answer: "From nine to five." },
            { question: "Refunds?", answer: "Within 14 days." }
        ]);
    });

    it("reads a JSON array, an object with a pairs array, and the usual field names of other formats", async () => {
        expect(await readQaPairs(file("list.json", '[{"prompt": "P?", "completion": "C."}, {"q": "Q?", "a": "A."}]'))).toEqual([
            { question: "P?", answer: "C." }, { question: "Q?", answer: "A." }
        ]);
        expect(await readQaPairs(file("wrapped.json", '{"pairs": [{"question": "Q?", "response": "R."}]}'))).toEqual([{ question: "Q?", answer: "R." }]);
        // Alpaca: the instruction and its input make the question.
        expect(await readQaPairs(file("alpaca.json", '[{"instruction": "Summarise:", "input": "The harbour opens at six.", "output": "Opens at six."}]'))).toEqual([
            { question: "Summarise:\n\nThe harbour opens at six.", answer: "Opens at six." }
        ]);
        // A single object on one line is JSON Lines with one pair.
        expect(await readQaPairs(file("one.jsonl", '{"question": "Q?", "answer": "A."}'))).toEqual([{ question: "Q?", answer: "A." }]);
    });

    it("names the file and the line of a broken or incomplete pair", async () => {
        expect(await failure(file("broken.jsonl", '{"question": "Q?", "answer": "A."}\n{"question": "Q2?", "answer": \n'))).toBe(
            '"broken.jsonl", line 2: not a JSON object. Each line should be like {"question": "…", "answer": "…"}.'
        );
        expect(await failure(file("missing.jsonl", '{"question": "Q?", "answer": "A."}\n\n{"question": "Q?", "reply": "A."}\n'))).toBe(
            '"missing.jsonl", line 3: needs a non-empty "question" and "answer" (found fields: question, reply).'
        );
        expect(await failure(file("empty-answer.json", '[{"question": "Q?", "answer": "  "}]'))).toMatch(/^"empty-answer.json", item 1: needs a non-empty/);
        expect(await failure(file("numbers.jsonl", "42\n"))).toMatch(/^"numbers.jsonl", line 1: expected an object/);
        expect(await failure(file("bad.json", "[{]"))).toMatch(/^"bad.json" is not valid JSON/);
    });

    it("refuses an empty file, a folder, a missing file, an oversized file and an overlong answer, saying what to do", async () => {
        expect(await failure(file("empty.jsonl", "\n\n"))).toMatch(/^"empty.jsonl" holds no question-answer pairs/);
        expect(await failure(dir)).toMatch(/is a folder/);
        if (process.platform !== "win32") expect(await failure("/dev/null")).toMatch(/^"null" is not a regular file/);
        expect(await failure(path.join(dir, "nowhere.jsonl"))).toBe('Cannot open "nowhere.jsonl": no such file. Check the path, then try again.');
        const big = path.join(dir, "big.jsonl");
        fs.writeFileSync(big, "");
        fs.truncateSync(big, maxPairsFileBytes + 1);
        expect(await failure(big)).toMatch(/^"big.jsonl" is 50 MB; a pairs file may be at most 50 MB/);
        expect(await failure(file("long.jsonl", JSON.stringify({ question: "Q?", answer: "a".repeat(16_001) })))).toMatch(/^"long.jsonl", line 1: a question or answer is longer than 16000 characters/);
    });
});
