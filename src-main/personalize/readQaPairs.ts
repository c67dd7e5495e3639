import fs from "node:fs/promises";
import path from "node:path";
import { InvalidInputError } from "@common/errors.js";
import { formatBytes } from "../ingest/parse/formatBytes.js";
import { maxPairFieldLength, maxPairs } from "../trainer/trainerSchemas.js";
import type { QaPair } from "../trainer/types.js";

/** Largest pairs file read: far more than 100,000 pairs of ordinary length. */
export const maxPairsFileBytes = 50 * 1024 ** 2;

// The field names of the common instruction-tuning formats, in order of preference.
const questionKeys = ["question", "prompt", "instruction", "input", "q"] as const;
const answerKeys = ["answer", "response", "completion", "output", "a"] as const;

/**
 * Question-answer pairs from a JSON Lines file (one object a line) or a JSON file (an array of objects,
 * or an object with a `pairs` array). Each object has a question and an answer under the usual names:
 * question/answer, prompt/completion or response, instruction (+ input)/output. Errors name the file,
 * the line or item, and what to fix; nothing else in the file is used.
 */
export async function readQaPairs(filePath: string): Promise<QaPair[]> {
    const name = path.basename(filePath);
    const stat = await fs.stat(filePath).catch(() => {
        throw new InvalidInputError(`Cannot open "${name}": no such file. Check the path, then try again.`);
    });
    if (!stat.isFile())
        throw new InvalidInputError(`"${name}" is ${stat.isDirectory() ? "a folder" : "not a regular file"}. Choose a .jsonl or .json file of question-answer pairs.`);
    if (stat.size > maxPairsFileBytes)
        throw new InvalidInputError(`"${name}" is ${formatBytes(stat.size)}; a pairs file may be at most ${formatBytes(maxPairsFileBytes)}. Split it, then add a part.`);
    const text = (await fs.readFile(filePath, "utf8")).replace(/^\uFEFF/, "");
    const items = parseItems(name, text);
    if (items.length === 0) throw new InvalidInputError(`"${name}" holds no question-answer pairs. Write one JSON object a line, e.g. {"question": "…", "answer": "…"}.`);
    if (items.length > maxPairs) throw new InvalidInputError(`"${name}" holds ${String(items.length)} pairs; at most ${String(maxPairs)} can be learned in one run.`);
    return items.map(({ where, value }) => toPair(name, where, value));
}

type Item = { where: string; value: unknown };

function parseItems(name: string, text: string): Item[] {
    const trimmed = text.trimStart();
    if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
        let parsed: unknown;
        let failure: unknown = null;
        try {
            parsed = JSON.parse(trimmed);
        } catch (error) {
            failure = error;
        }
        if (failure === null) {
            const list = Array.isArray(parsed) ? parsed : (parsed as { pairs?: unknown }).pairs;
            // One object alone is one pair (a JSON Lines file of one line, or the object pretty-printed).
            if (!Array.isArray(list)) return [{ where: trimmed.trimEnd().includes("\n") ? "item 1" : "line 1", value: parsed }];
            return list.map((value, index) => ({ where: `item ${String(index + 1)}`, value }));
        }
        // A file that starts with "{" and does not parse whole is JSON Lines; one that starts with "[" is broken JSON.
        if (trimmed.startsWith("["))
            throw new InvalidInputError(`"${name}" is not valid JSON (${failure instanceof Error ? failure.message : String(failure)}). Fix it, or write one pair a line (JSON Lines).`);
    }
    const items: Item[] = [];
    const lines = text.split(/\r?\n/);
    for (const [index, line] of lines.entries()) {
        if (line.trim() === "") continue;
        try {
            items.push({ where: `line ${String(index + 1)}`, value: JSON.parse(line) });
        } catch {
            throw new InvalidInputError(`"${name}", line ${String(index + 1)}: not a JSON object. Each line should be like {"question": "…", "answer": "…"}.`);
        }
        if (items.length > maxPairs) break;
    }
    return items;
}

function toPair(name: string, where: string, value: unknown): QaPair {
    if (typeof value !== "object" || value === null || Array.isArray(value))
        throw new InvalidInputError(`"${name}", ${where}: expected an object like {"question": "…", "answer": "…"}.`);
    const record = value as Record<string, unknown>;
    const questionKey = questionKeys.find((key) => typeof record[key] === "string" && record[key].trim() !== "");
    const answerKey = answerKeys.find((key) => typeof record[key] === "string" && record[key].trim() !== "");
    if (questionKey === undefined || answerKey === undefined) {
        const found = Object.keys(record).slice(0, 8).join(", ") || "none";
        throw new InvalidInputError(`"${name}", ${where}: needs a non-empty "question" and "answer" (found fields: ${found}).`);
    }
    // Alpaca style: an instruction with its input, then the output.
    const input = questionKey === "instruction" && typeof record["input"] === "string" && record["input"].trim() !== "" ? `\n\n${record["input"].trim()}` : "";
    const pair = { question: `${(record[questionKey] as string).trim()}${input}`, answer: (record[answerKey] as string).trim() };
    if (pair.question.length > maxPairFieldLength || pair.answer.length > maxPairFieldLength)
        throw new InvalidInputError(`"${name}", ${where}: a question or answer is longer than ${String(maxPairFieldLength)} characters. Shorten it or split it into several pairs.`);
    return pair;
}
