import { GgufValueType, type GgufArrayValue, type GgufNumberType, type GgufValue } from "./ggufTypes.js";

/** Short constructors for metadata values, so model code reads like the GGUF it produces. */
export const ggufValue = {
    u8: (value: number): GgufValue => ({ type: GgufValueType.Uint8, value }),
    i8: (value: number): GgufValue => ({ type: GgufValueType.Int8, value }),
    u16: (value: number): GgufValue => ({ type: GgufValueType.Uint16, value }),
    i16: (value: number): GgufValue => ({ type: GgufValueType.Int16, value }),
    u32: (value: number): GgufValue => ({ type: GgufValueType.Uint32, value }),
    i32: (value: number): GgufValue => ({ type: GgufValueType.Int32, value }),
    f32: (value: number): GgufValue => ({ type: GgufValueType.Float32, value }),
    f64: (value: number): GgufValue => ({ type: GgufValueType.Float64, value }),
    u64: (value: bigint): GgufValue => ({ type: GgufValueType.Uint64, value }),
    i64: (value: bigint): GgufValue => ({ type: GgufValueType.Int64, value }),
    bool: (value: boolean): GgufValue => ({ type: GgufValueType.Bool, value }),
    str: (value: string): GgufValue => ({ type: GgufValueType.String, value }),
    strings: (items: ArrayLike<string>): GgufArrayValue => ({ type: GgufValueType.Array, itemType: GgufValueType.String, items }),
    numbers: (itemType: GgufNumberType, items: ArrayLike<number>): GgufArrayValue => ({ type: GgufValueType.Array, itemType, items })
};
