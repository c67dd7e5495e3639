import { ensureLlamaServer } from "./ensureLlamaServer.js";

/**
 * Vitest global setup of the model and quality projects: builds the reference llama-server before any test
 * file runs, so a fresh checkout (CI) compiles it once, outside every test's hook timeout, and the tests then
 * find it cached. A failed build does not stop the other tests: the ones that start llama-server report it.
 */
export default async function buildLlamaServerOnce(): Promise<void> {
    const started = Date.now();
    try {
        const binary = await ensureLlamaServer({ jobs: 2 });
        const seconds = (Date.now() - started) / 1000;
        if (seconds > 5) console.error(`llama-server built in ${seconds.toFixed(0)} s: ${binary}`);
    } catch (error) {
        console.error(`llama-server could not be built; the tests that use it will fail: ${error instanceof Error ? error.message.slice(0, 2000) : String(error)}`);
    }
}
