import { LocusError } from "@common/errors.js";

/** Float dtypes the converter reads from safetensors. */
export const readableSafetensorsDtypes = ["F32", "F16", "BF16"] as const;

/** A tensor the GGUF needs is stored in a dtype the converter does not read (an integer or pre-quantized one). */
export class UnsupportedSafetensorsDtypeError extends LocusError {
    constructor(readonly filePath: string, readonly tensorName: string, readonly dtype: string) {
        super("unsupported", `Tensor "${tensorName}" in ${filePath} is stored as ${dtype}; the converter reads ` +
            `${readableSafetensorsDtypes.join(", ")} weights. Use the checkpoint's unquantized float version.`);
    }
}
