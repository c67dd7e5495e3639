/** How the cores are shared while a training run goes on. */
export type ThreadSplit = { trainer: number; engine: number };

/**
 * The trainer gets all threads but one and the engine (chat, embeddings) the rest, so both make progress
 * and the total never exceeds the cores: on 2 cores, oversubscription is about 100 times slower.
 * With a single thread to give, both get it (nothing better exists; chat is then slow while training).
 */
export function splitThreads(total: number): ThreadSplit {
    const threads = Math.max(1, Math.floor(total));
    const trainer = Math.max(1, threads - 1);
    return { trainer, engine: Math.max(1, threads - trainer) };
}
