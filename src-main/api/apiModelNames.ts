import type { ModelInfo } from "@common/contract/types.js";

/**
 * The names models are known by in the API: the file name without `.gguf` (what people recognise and can
 * type into a tool's settings), made unique with the start of the model's id when two files share a name.
 */
export function apiModelNames(models: readonly Pick<ModelInfo, "id" | "fileName">[]): Map<string, string> {
    const base = (model: Pick<ModelInfo, "fileName">) => model.fileName.replace(/\.gguf$/i, "");
    const counts = new Map<string, number>();
    for (const model of models) counts.set(base(model), (counts.get(base(model)) ?? 0) + 1);
    return new Map(models.map((model) => {
        const name = base(model);
        return [model.id, counts.get(name)! > 1 ? `${name}-${model.id.slice(0, 8)}` : name];
    }));
}
