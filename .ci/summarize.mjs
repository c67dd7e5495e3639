// Sums the vitest and Playwright JSON reports into one line: "N passed, N failed, N skipped".
// A missing report counts as a failure, so a suite that did not run cannot look green.
import fs from "node:fs";

const [vitestFile, playwrightFile] = process.argv.slice(2);
let passed = 0, failed = 0, skipped = 0;

function read(file) {
    try {
        return JSON.parse(fs.readFileSync(file, "utf8"));
    } catch {
        console.error(`No test report at ${file}: that suite did not run.`);
        failed += 1;
        return null;
    }
}

const vitest = read(vitestFile);
if (vitest) {
    passed += vitest.numPassedTests ?? 0;
    failed += (vitest.numFailedTests ?? 0) + countFilesFailedOutsideTests(vitest);
    skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
}

function countFilesFailedOutsideTests(report) {
    // A test file that failed with no failing test (an import error, a failing hook) still counts once;
    // a file that failed because of its tests is already counted by those tests.
    return (report.testResults ?? []).filter((s) => s.status === "failed" && !(s.assertionResults ?? []).some((t) => t.status === "failed")).length;
}

const playwright = read(playwrightFile);
if (playwright) {
    const stats = playwright.stats ?? {};
    passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    failed += stats.unexpected ?? 0;
    skipped += stats.skipped ?? 0;
    failed += (playwright.errors ?? []).length;
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
