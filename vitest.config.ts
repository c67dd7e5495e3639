import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const common = fileURLToPath(new URL("./src-main/common", import.meta.url));

// Three tiers run by vitest: pure logic (fast, no model), tests with a synthetic model, and quality tests
// with the real starter models.
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
                    // Real starter models (npm run setup) on a fictional corpus: answers must be right, not only arrive.
                    name: "quality",
                    include: ["tests/quality/**/*.test.ts"],
                    fileParallelism: false,
                    testTimeout: 900_000,
                    hookTimeout: 900_000
                }
            },
            {
                extends: true,
                test: {
                    // npm run pack:check: the app laid out by electron-builder, checked and run under plain Node.
                    name: "packaging",
                    include: ["tests/packaging/**/*.test.ts"],
                    testTimeout: 60_000,
                    hookTimeout: 600_000
                }
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
