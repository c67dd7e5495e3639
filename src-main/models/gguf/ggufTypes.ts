/** GGUF metadata value types, as in ggml/include/gguf.h (`enum gguf_type`). */
export enum GgufValueType {
    Uint8 = 0,
    Int8 = 1,
    Uint16 = 2,
    Int16 = 3,
    Uint32 = 4,
    Int32 = 5,
    Float32 = 6,
    Bool = 7,
    String = 8,
    Array = 9,
    Uint64 = 10,
    Int64 = 11,
    Float64 = 12
}

/** The subset of `enum ggml_type` (ggml/include/ggml.h) that we write: the converter and the synthetic models. */
export enum GgmlType {
    F32 = 0,
    F16 = 1,
    Q4_0 = 2,
    Q8_0 = 8
}

/** Elements per block and bytes per block of each tensor type (ggml's `type_traits`). */
export const ggmlTypeLayout: Readonly<Record<GgmlType, { blockSize: number, blockBytes: number }>> = {
    [GgmlType.F32]: { blockSize: 1, blockBytes: 4 },
    [GgmlType.F16]: { blockSize: 1, blockBytes: 2 },
    [GgmlType.Q4_0]: { blockSize: 32, blockBytes: 18 }, // fp16 d + 16 bytes of nibbles
    [GgmlType.Q8_0]: { blockSize: 32, blockBytes: 34 } // fp16 d + 32 int8
};

export type GgufNumberType = GgufValueType.Uint8 | GgufValueType.Int8 | GgufValueType.Uint16 | GgufValueType.Int16 |
    GgufValueType.Uint32 | GgufValueType.Int32 | GgufValueType.Float32 | GgufValueType.Float64;
export type GgufBigIntType = GgufValueType.Uint64 | GgufValueType.Int64;
export type GgufItemType = Exclude<GgufValueType, GgufValueType.Array>;

export type GgufScalarValue =
    | { type: GgufNumberType, value: number }
    | { type: GgufBigIntType, value: bigint }
    | { type: GgufValueType.Bool, value: boolean }
    | { type: GgufValueType.String, value: string };

/** Arrays of scalars (GGUF also allows nested arrays; no model key we write needs them). */
export type GgufArrayValue =
    | { type: GgufValueType.Array, itemType: GgufNumberType, items: ArrayLike<number> }
    | { type: GgufValueType.Array, itemType: GgufBigIntType, items: ArrayLike<bigint> }
    | { type: GgufValueType.Array, itemType: GgufValueType.Bool, items: ArrayLike<boolean> }
    | { type: GgufValueType.Array, itemType: GgufValueType.String, items: ArrayLike<string> };

export type GgufValue = GgufScalarValue | GgufArrayValue;

/** A tensor's header entry. `dims` are ggml's ne[]: dims[0] is the contiguous (row) dimension. */
export type GgufTensorInfo = {
    name: string,
    dims: readonly number[],
    type: GgmlType
};

/** A tensor entry with its data offset relative to the start of the data section. */
export type GgufTensorEntry = GgufTensorInfo & { offset: number };

export const ggufMagic = "GGUF";
export const ggufVersion = 3;
export const ggufDefaultAlignment = 32;
