import { GgmlType } from "../../../src-main/models/gguf/ggufTypes.js";

/** Weight formats of synthetic models: the type of every matrix (norms are always F32). */
export type SyntheticQuant = "f32" | "f16" | "q8_0" | "q4_0";

export const syntheticQuantType: Readonly<Record<SyntheticQuant, GgmlType>> = {
    f32: GgmlType.F32,
    f16: GgmlType.F16,
    q8_0: GgmlType.Q8_0,
    q4_0: GgmlType.Q4_0
};
