import fs from "node:fs/promises";
import { ensureSyntheticModel } from "./ensureSyntheticModel.js";
import { syntheticModelGroups, syntheticModelNames, type SyntheticModelName } from "./syntheticModels.js";

/**
 * `npx tsx tests/support/gguf/cli.ts <tiny|realistic|all|model name>...`: generates the synthetic models
 * that are missing from .cache/models and prints one `name<TAB>path<TAB>bytes` line per model.
 */
async function main(args: readonly string[]): Promise<void> {
    const names = new Set<SyntheticModelName>();
    for (const arg of args.length === 0 ? ["all"] : args) {
        if (arg in syntheticModelGroups) syntheticModelGroups[arg as keyof typeof syntheticModelGroups].forEach((name) => names.add(name));
        else if ((syntheticModelNames as string[]).includes(arg)) names.add(arg as SyntheticModelName);
        else {
            console.error(`unknown model or group "${arg}"; use tiny, realistic, all or one of: ${syntheticModelNames.join(", ")}`);
            process.exitCode = 2;
            return;
        }
    }
    for (const name of names) {
        const started = performance.now();
        const modelPath = await ensureSyntheticModel(name);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(`${name}\t${modelPath}\t${(await fs.stat(modelPath)).size}`);
        console.error(`${name}: ready in ${seconds} s`);
    }
}

await main(process.argv.slice(2));
