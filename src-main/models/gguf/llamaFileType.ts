import { GgmlType } from "./ggufTypes.js";

/** `general.file_type` (llama.h `enum llama_ftype`) for a model whose matrices are all `matrixType`. */
export function llamaFileType(matrixType: GgmlType): number {
    switch (matrixType) {
        case GgmlType.F32: return 0; // LLAMA_FTYPE_ALL_F32
        case GgmlType.F16: return 1; // LLAMA_FTYPE_MOSTLY_F16
        case GgmlType.Q4_0: return 2; // LLAMA_FTYPE_MOSTLY_Q4_0
        case GgmlType.Q8_0: return 7; // LLAMA_FTYPE_MOSTLY_Q8_0
        default: {
            const unknown: never = matrixType;
            throw new Error(`no llama file type for ggml type ${String(unknown)}`);
        }
    }
}
