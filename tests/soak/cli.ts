import { parseArgs } from "node:util";
import { runSoak } from "./runSoak.js";
import { SharedLock } from "./SharedLock.js";

const usage = "Usage: npm run soak -- --kills N [--seed S] [--files N] [--work-ms MIN-MAX] [--downloads N] [--no-training] [--no-advisor] [--lock FILE [--lock-kills N]] [--json]";

/**
 * npm run soak -- --kills N: the crash loop (see runSoak.ts). Prints one JSON object (kills, violations with
 * their kill number, work done and redone, time to recover); exits 1 on any violation. Progress goes to
 * stderr, one line per kill, unless --json asks for the JSON alone. With --lock FILE it takes that flock(1) lock
 * itself, releasing it every --lock-kills kills, so a long run shares the machine in bounded stretches.
 */
const { values } = parseArgs({
    options: {
        kills: { type: "string" }, seed: { type: "string" }, files: { type: "string", default: "200" }, "work-ms": { type: "string", default: "2000-7000" },
        downloads: { type: "string", default: "40" }, lock: { type: "string" }, "lock-kills": { type: "string", default: "50" }, "no-training": { type: "boolean", default: false }, "no-advisor": { type: "boolean", default: false }, json: { type: "boolean", default: false }
    }
});
const kills = Number(values.kills);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const files = Number(values.files);
const downloads = Number(values.downloads);
const lockKills = Number(values["lock-kills"]);
const work = /^(\d+)-(\d+)$/.exec(values["work-ms"]);
if (![kills, seed, files, downloads, lockKills].every((n) => Number.isInteger(n) && n >= 0) || kills < 1 || lockKills < 1 || work === null || Number(work[1]) > Number(work[2])) {
    console.error(usage);
    process.exit(2);
}
const summary = await runSoak({
    kills, seed, files, downloads, workMs: [Number(work[1]), Number(work[2])], training: !values["no-training"], advisor: !values["no-advisor"],
    ...(values.lock !== undefined ? { lock: { lock: new SharedLock(values.lock), kills: lockKills } } : {}),
    ...(values.json ? {} : { log: (line: string) => console.error(line) })
});
console.log(JSON.stringify(summary, null, 2));
process.exit(summary.violations === 0 ? 0 : 1);
