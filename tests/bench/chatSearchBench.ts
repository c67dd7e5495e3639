import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ChatRepository } from "../../src-main/store/ChatRepository.js";
import { openDatabase } from "../../src-main/store/openDatabase.js";
import { toFtsQuery } from "../../src-main/retrieval/toFtsQuery.js";

// npm run bench:chat [-- chats messagesPerChat]
// Search as you type over many chats: the chat search (FTS5 over titles and finished messages, best
// message per chat) against the reference a store without the index would need, a scan of every message
// with LIKE for each word ranking chats by their matching messages, measured in the same run on the same database. Goal: p50 under 200 ms at
// 100,000 messages on a loaded 2-core laptop, so the sidebar keeps up with typing.
const chats = Number(process.argv[2] ?? 2500);
const perChat = Number(process.argv[3] ?? 40);
const runs = 21;
const goalMs = 200;

// The searched words among 400 others, so each is in about one message in ten (a common word); "zebra" is in none.
const vocabulary = [
    ..."harbour teal winter ferry lighthouse meeting notes budget garden tomato recipe bread oven trail ridge".split(" "),
    ...Array.from({ length: 400 }, (_, i) => `filler${i.toString(36)}`)
];
// A fixed pseudo-random sequence, so every run searches the same chats.
let seed = 42;
const next = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed % n;
};
const sentence = () => Array.from({ length: 40 }, () => vocabulary[next(vocabulary.length)]! + (next(5) === 0 ? "s" : "")).join(" ");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locus-bench-chat-"));
const db = openDatabase(path.join(dir, "locus.sqlite"));
try {
    const repository = new ChatRepository(db);
    let started = performance.now();
    db.transaction(() => {
        for (let c = 0; c < chats; c++) {
            const chat = repository.create(`Chat ${c} about ${vocabulary[next(vocabulary.length)]}`);
            let parent: string | null = null;
            for (let m = 0; m < perChat; m++) parent = repository.messages.add(chat.id, m % 2 ? "assistant" : "user", sentence(), "done", parent).id;
        }
    })();
    const insertMs = performance.now() - started;
    const scanAll = (words: string[]) => {
        // Every word in one message, a LIKE per word, and chats ranked by their matching messages: what a
        // store without the index would do to rank (it must read every message, as FTS5's rank need not).
        const clauses = words.map(() => "content LIKE ?").join(" AND ");
        return db.prepare(`SELECT chat_id, COUNT(*) AS n FROM messages WHERE ${clauses} GROUP BY chat_id ORDER BY n DESC LIMIT 30`)
            .all(...words.map((word) => `%${word}%`)).length;
    };
    const percentile = (times: number[], p: number) => [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(p * times.length))]!;
    const queries = ["harbour teal", "lighth", "budget garden tomato", "zebra"];
    const results = queries.map((query) => {
        const match = toFtsQuery(query, { allTerms: true, prefixLast: true })!;
        const fts: number[] = [];
        const like: number[] = [];
        let hits = 0;
        for (let i = 0; i < runs; i++) {
            started = performance.now();
            hits = repository.search.search(match, 30).length;
            fts.push(performance.now() - started);
            started = performance.now();
            scanAll(query.split(" "));
            like.push(performance.now() - started);
        }
        return {
            query, hits, p50Ms: round(percentile(fts, 0.5)), p95Ms: round(percentile(fts, 0.95)),
            referenceLikeScanP50Ms: round(percentile(like, 0.5)), speedup: round(percentile(like, 0.5) / percentile(fts, 0.5))
        };
    });
    const worstP50 = Math.max(...results.map((result) => result.p50Ms));
    console.log(JSON.stringify({
        bench: "chat search", chats, messages: chats * perChat, insertMs: Math.round(insertMs),
        databaseBytes: fs.statSync(path.join(dir, "locus.sqlite")).size, queries: results,
        worstP50Ms: worstP50, goalP50Ms: goalMs, ratioToGoal: round(worstP50 / goalMs), meetsGoal: worstP50 <= goalMs
    }, null, 2));
} finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
}

function round(value: number): number {
    return Math.round(value * 10) / 10;
}
