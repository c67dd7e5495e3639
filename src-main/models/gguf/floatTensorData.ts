import { encodedLength, encodeTensorValues } from "./encodeTensorValues.js";
import { GgmlType } from "./ggufTypes.js";
import type { TensorDataSource } from "./GgufWriter.js";

/** A tensor from values computed in memory (small or hand-made tensors), stored as F32 or encoded to `type`. */
export function floatTensorData(values: Float32Array, type: GgmlType = GgmlType.F32): TensorDataSource {
    return function* generate() {
        if (type === GgmlType.F32) {
            yield new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
            return;
        }
        const bytes = new Uint8Array(encodedLength(type, values.length));
        encodeTensorValues(type, values, bytes);
        yield bytes;
    };
}
