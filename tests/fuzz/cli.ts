import { parseArgs } from "node:util";
import { fuzzContract } from "./fuzzContract.js";

/**
 * npm run fuzz -- [--calls N] [--seed S] [--no-models]: the contract fuzzer. Prints one JSON object
 * (calls, failures, invariant violations, examples of failures); exits 1 when anything failed.
 */
const { values } = parseArgs({
    options: { calls: { type: "string", default: "500" }, seed: { type: "string" }, "no-models": { type: "boolean", default: false } }
});
const calls = Number(values.calls);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!Number.isInteger(calls) || calls < 1 || !Number.isInteger(seed)) {
    console.error("Usage: npm run fuzz -- [--calls N] [--seed S] [--no-models]");
    process.exit(2);
}
const summary = await fuzzContract({ calls, seed, withModels: !values["no-models"], log: (line) => console.error(line) });
console.log(JSON.stringify(summary, null, 2));
process.exit(summary.failures === 0 ? 0 : 1);
