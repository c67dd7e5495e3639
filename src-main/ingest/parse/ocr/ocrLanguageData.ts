import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/**
 * Where the recognition data of a language is installed: the npm package @tesseract.js-data/<code>,
 * its LSTM-only "best_int" model (small and accurate; the legacy engine is never used). Found next to
 * the code, like pdf.js's fonts, so the packaged app reads it from its own folder.
 */
export function ocrLanguageDataPath(code: string): string {
    const packageDir = dirname(require.resolve(`@tesseract.js-data/${code}/package.json`));
    return join(packageDir, "4.0.0_best_int", `${code}.traineddata.gz`);
}
