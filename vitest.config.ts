import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const common = fileURLToPath(new URL("./src-main/common", import.meta.url));

// Two tiers run by vitest: pure logic (fast, no model) and tests with a synthetic model.
// End-to-end tests run under Playwright (playwright.config.ts).
export default defineConfig({
    resolve: { alias: { "@common": common } },
    test: {
        projects: [
            {
                extends: true,
                test: { name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 20_000 }
            },
            {
                extends: true,
                test: {
                    name: "model",
                    include: ["tests/model/**/*.test.ts"],
                    // Model tests share 2 cores: running them one file at a time keeps llama.cpp from
                    // oversubscribing the CPU, which would make every test slower, not faster.
                    fileParallelism: false,
                    testTimeout: 180_000,
                    hookTimeout: 600_000
                }
            }
        ]
    }
});
