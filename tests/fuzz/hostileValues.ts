/** Strings that have broken parsers, validators, SQL, terminals and renderers elsewhere. */
export const hostileStrings: readonly string[] = [
    "", " ", "\t\n", "\u0000", "a\u0000b", "\uD800", "\uDFFF\uD800", "\uFEFF", "\u202Eevil", "\u200B", "e\u0301", "🦙", "👩‍👩‍👧‍👦".repeat(50),
    "Ω≈ç√∫", "日本語の文章です。", "مرحبا", "Z̤̼̖͚̪̖̓̂̅ͫ", "'", "\"", "`", "\\", "'; DROP TABLE chats; --", "\" OR 1=1 --", "%s%s%n%x",
    "{{7*7}}", "${process.exit()}", "<script>alert(1)</script>", "<img src=https://example.org/x.png>", "![x](https://example.org/x.png)",
    "[link](javascript:alert(1))", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "/dev/zero", "file:///etc/passwd", "NUL", "CON",
    "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "NaN", "Infinity", "-0", "1e309", "null", "undefined", "true",
    "AND OR NOT NEAR", "\"unclosed", "col:value", "*", "^", "-", "a".repeat(64), "a".repeat(65), "x".repeat(4097)
];

/** Numbers at and past the edges of every bound in the contract. */
export const hostileNumbers: readonly number[] = [
    0, -0, 1, -1, 0.5, 1.5, 255, 256, 257, 1023, 1024, 2047, 2048, 3072, 3073, 3600, 3601, 1440, 1441, 100_000, 100_001, 1_048_576, 1_048_577,
    2 ** 31, 2 ** 32, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 5e-324
];

/** A JSON value of another shape than the one expected. */
export function otherJsonValues(depth = 0): unknown[] {
    return [
        null, true, false, 0, "", [], {}, [null], { "": null }, "x".repeat(10_000), Array.from({ length: 2000 }, (_, i) => i),
        ...(depth === 0 ? [nested(200)] : [])
    ];
}

function nested(levels: number): unknown {
    let value: unknown = "deep";
    for (let i = 0; i < levels; i++) value = { a: value };
    return value;
}
