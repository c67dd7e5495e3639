import { convertBertCheckpoint } from "./convertBertCheckpoint.js";

const usage = "usage: npm run models:convert-bert -- <checkpointDir> <out.gguf> [--q8_0]";

/**
 * `npm run models:convert-bert -- <checkpointDir> <out.gguf> [--q8_0]`: converts a sentence-transformers
 * BERT checkpoint to GGUF (F16 matrices, or Q8_0 with --q8_0) and says what it wrote, or why it could not.
 */
async function main(args: readonly string[]): Promise<void> {
    const q8 = args.includes("--q8_0");
    const paths = args.filter((arg) => arg !== "--q8_0");
    const [checkpointDir, outPath] = paths;
    if (paths.length !== 2 || checkpointDir == null || outPath == null || paths.some((arg) => arg.startsWith("--"))) {
        console.error(usage);
        process.exit(1);
    }
    const started = performance.now();
    const weightType = q8 ? "Q8_0" : "F16";
    const result = await convertBertCheckpoint({ checkpointDir, outPath, weightType });
    console.log(`Wrote ${result.outPath}: ${result.tensors} tensors (${weightType} matrices), ${result.vocabSize} tokens, ` +
        `${result.pooling} pooling, in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`Could not convert: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
});
