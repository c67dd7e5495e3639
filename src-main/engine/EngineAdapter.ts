/** A LoRA adapter for chat to apply on top of the loaded model (see Engine.setAdapter). */
export type EngineAdapter = {
    id: string;
    name: string;
    /** The adapter GGUF; main-only. */
    filePath: string;
    /** 0..2; 1 applies it as trained. */
    scale: number;
    /** For messages: the model it was trained on. */
    baseModelName: string;
};
