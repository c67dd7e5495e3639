import { GgufFileType } from "node-llama-cpp";

/**
 * The quantization a GGUF header's `general.file_type` names, as people write it ("Q4_K_M", "F16",
 * "F32"); "unknown" when the header has none or a number this node-llama-cpp does not know.
 */
export function quantNameOf(fileType: number | undefined): string {
    if (fileType === undefined) return "unknown";
    const name: string | undefined = GgufFileType[fileType];
    return name === undefined ? "unknown" : name.replace(/^(MOSTLY|ALL)_/, "");
}
