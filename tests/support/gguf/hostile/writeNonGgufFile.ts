import fs from "node:fs/promises";

/** What a failed download often leaves behind under a .gguf name: an HTML error page. */
export async function writeNonGgufFile(outPath: string): Promise<void> {
    const page = "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n" +
        "<body><h1>Not Found</h1><p>This is not a GGUF model file.</p></body></html>\n";
    await fs.writeFile(outPath, page.repeat(64));
}
