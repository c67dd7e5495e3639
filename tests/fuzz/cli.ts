import { parseArgs } from "node:util";
import { fuzzContract } from "./fuzzContract.js";
import { fuzzParser } from "./fuzzParser.js";

const usage = "Usage: npm run fuzz -- [--calls N] [--documents N] [--seed S] [--no-models]";

/**
 * npm run fuzz -- [--calls N] [--documents N] [--seed S] [--no-models]: the contract fuzzer (N calls per
 * transport; 0 skips it) and the parser fuzzer (N mutated documents; 0 skips it). Prints one JSON object
 * (calls, failures, invariant violations, examples of failures); exits 1 when anything failed.
 */
const { values } = parseArgs({
    options: {
        calls: { type: "string", default: "500" }, documents: { type: "string", default: "1000" }, seed: { type: "string" },
        "no-models": { type: "boolean", default: false }
    }
});
const calls = Number(values.calls);
const documents = Number(values.documents);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (![calls, documents, seed].every((n) => Number.isInteger(n) && n >= 0)) {
    console.error(usage);
    process.exit(2);
}
const log = (line: string) => console.error(line);
const contract = calls > 0 ? await fuzzContract({ calls, seed, withModels: !values["no-models"], log }) : null;
const parser = documents > 0 ? await fuzzParser({ documents, seed, log }) : null;
const failures = (contract?.failures ?? 0) + (parser?.failures.length ?? 0);
console.log(JSON.stringify({ seed, calls: contract?.calls ?? 0, documents: parser?.documents ?? 0, failures, contract, parser }, null, 2));
process.exit(failures === 0 ? 0 : 1);
