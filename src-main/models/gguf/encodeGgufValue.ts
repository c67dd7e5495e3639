import type { ByteWriter } from "./ByteWriter.js";
import { GgufValueType, type GgufItemType, type GgufValue } from "./ggufTypes.js";
import { GgufFormatError } from "./GgufFormatError.js";

/** Appends a value's type tag and binary form, as gguf.cpp reads them. */
export function encodeGgufValue(out: ByteWriter, value: GgufValue): void {
    out.u32(value.type);
    if (value.type !== GgufValueType.Array) {
        encodeItem(out, value.type, value.value);
        return;
    }
    out.u32(value.itemType);
    out.u64(value.items.length);
    for (let i = 0; i < value.items.length; i++)
        encodeItem(out, value.itemType, value.items[i] as number | bigint | boolean | string);
}

function encodeItem(out: ByteWriter, type: GgufItemType, item: number | bigint | boolean | string): void {
    switch (type) {
        case GgufValueType.Uint8: return out.u8(item as number);
        case GgufValueType.Int8: return out.i8(item as number);
        case GgufValueType.Uint16: return out.u16(item as number);
        case GgufValueType.Int16: return out.i16(item as number);
        case GgufValueType.Uint32: return out.u32(item as number);
        case GgufValueType.Int32: return out.i32(item as number);
        case GgufValueType.Float32: return out.f32(item as number);
        case GgufValueType.Float64: return out.f64(item as number);
        case GgufValueType.Uint64: return out.u64(item as bigint);
        case GgufValueType.Int64: return out.i64(item as bigint);
        case GgufValueType.Bool: return out.u8(item ? 1 : 0);
        case GgufValueType.String: return out.string(item as string);
        default: {
            const unknown: never = type;
            throw new GgufFormatError(`cannot encode GGUF value type ${String(unknown)}`);
        }
    }
}
