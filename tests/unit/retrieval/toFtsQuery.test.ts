import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { maxQueryTerms, toFtsQuery } from "../../../src-main/retrieval/toFtsQuery.js";

const hostile = [
    "\"", "\"\"", "\"unbalanced quote", "it's \"half", "*", "refund*", "NEAR(", "NEAR(a b, 2)", "a OR", "OR", "AND NOT",
    "-", "-refund", "refund -policy", "text:refund", "{text heading_path}: refund", "^refund", "(", ")", "((a)", "a + b",
    "'; DROP TABLE chunks; --", "退款\" OR \"*", "東京 NEAR(都, 2)", "密钥\u0000*", "1=1 OR 1=1", "\\", "\u0000", "%_", "col:*", "NOT", "\u0301", "e\u0301tude", "\ufeff"
];

describe("toFtsQuery", () => {
    it.each([
        ["refund policy", "\"refund\" OR \"policy\""],
        ["What is the refund policy?", "\"refund\" OR \"policy\""],
        ["Refund REFUND refund", "\"refund\""],
        ["the who", "\"the\" OR \"who\""],
        ["café résumé", "\"café\" OR \"résumé\""],
        ["ﬁle", "\"file\""],
        ["東京都に住む", "\"東 京\" OR \"都\" OR \"住 む\""],
        ["C++ e-mail", "\"c\" OR \"e\" OR \"mail\""],
        ["NEAR(refund policy, 5)", "\"near\" OR \"refund\" OR \"policy\" OR \"5\""]
    ])("turns %j into %j", (query, expected) => {
        expect(toFtsQuery(query)).toBe(expected);
    });

    it.each(["", "   ", "?!", "\"*\"", "-- ;", "()", "😀", "\u0301"])("finds nothing to search in %j", (query) => {
        expect(toFtsQuery(query)).toBeUndefined();
    });

    it(`keeps at most ${maxQueryTerms} terms`, () => {
        const query = Array.from({ length: 100 }, (_, i) => `term${i}`).join(" ");
        expect(toFtsQuery(query)!.split(" OR ")).toHaveLength(maxQueryTerms);
    });

    it.each(hostile)("makes a valid, operator-free expression of hostile input %j", (query) => {
        const db = new BetterSqlite3(":memory:");
        db.exec("CREATE VIRTUAL TABLE f USING fts5(text, heading_path, tokenize = 'unicode61 remove_diacritics 2')");
        db.prepare("INSERT INTO f (text, heading_path) VALUES (?, ?)").run("refund policy and table notes", "[]");
        const match = toFtsQuery(query);
        if (match === undefined) return;
        // Only quoted terms (CJK words as phrases of single characters) joined by OR: nothing the user typed acts as syntax.
        expect(match).toMatch(/^"[^"\s]+( [^"\s])*"( OR "[^"\s]+( [^"\s])*")*$/u);
        expect(() => db.prepare("SELECT rowid FROM f WHERE f MATCH ?").all(match)).not.toThrow();
    });
});
