import { encodedLength, encodeTensorValues } from "../../../src-main/models/gguf/encodeTensorValues.js";
import type { GgmlType } from "../../../src-main/models/gguf/ggufTypes.js";
import type { TensorDataSource } from "../../../src-main/models/gguf/GgufWriter.js";

/** A tensor whose values are all `value`, e.g. 1.0 for RMS-norm weights so activations keep their scale. */
export function constantTensorData(type: GgmlType, valueCount: number, value: number): TensorDataSource {
    return function* generate() {
        const floats = new Float32Array(Math.min(valueCount, 1 << 20)).fill(value);
        const bytes = new Uint8Array(encodedLength(type, floats.length));
        encodeTensorValues(type, floats, bytes);
        for (let done = 0; done < valueCount; done += floats.length) {
            const count = Math.min(floats.length, valueCount - done);
            yield bytes.subarray(0, encodedLength(type, count));
        }
    };
}
