import { createRequire } from "node:module";
import path from "node:path";
import { unpackedPath } from "../../runtime/unpackedPath.js";

/**
 * node-llama-cpp's folder of prebuilt libraries for `target` ("linux-x64"), where its CPU backend variants
 * are: the trainer loads the best of them when it runs without its own patched backend. Resolved from this
 * module, so it is the copy the app ships (outside the archive when packaged).
 */
export function llamaLibraryDir(target: string): string {
    const entry = createRequire(import.meta.url).resolve(`@node-llama-cpp/${target}`);
    // The package's entry is dist/index.js; its binaries are in bins/<target>/.
    return unpackedPath(path.join(path.dirname(path.dirname(entry)), "bins", target));
}
