import { writeFile } from "node:fs/promises";
import { afterAll, beforeAll } from "vitest";
import { parseDocumentFile } from "../../../../src-main/ingest/parse/parseDocumentFile.js";
import { defaultParseLimits, type ParseLimits } from "../../../../src-main/ingest/parse/types.js";
import { makeTempDir } from "./tempDir.js";

/**
 * A temporary folder for one test file's samples (made before its tests, deleted after): write a sample
 * there, or write it and parse it as Locus does.
 */
export function sampleFiles(prefix: string) {
    let dir: Awaited<ReturnType<typeof makeTempDir>> | undefined;
    beforeAll(async () => {
        dir = await makeTempDir(prefix);
    });
    afterAll(async () => {
        await dir?.remove();
    });
    const write = async (name: string, bytes: Buffer | string): Promise<string> => {
        const path = dir!.file(name);
        await writeFile(path, bytes);
        return path;
    };
    return {
        write,
        parse: async (name: string, bytes: Buffer | string, limits: ParseLimits = defaultParseLimits) => parseDocumentFile(await write(name, bytes), limits)
    };
}
