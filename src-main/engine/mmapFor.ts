import type { Llama } from "node-llama-cpp";

/**
 * Whether to memory-map a model file. On the CPU, llama.cpp repacks Q4_0, Q4_K and IQ4_NL weights into
 * its own buffers for faster matrix kernels; with mmap the file pages it read them from stay mapped, so
 * those weights are resident twice (measured by `npm run bench:fit`: a 1B Q4_0 model took 1.77 GB at its
 * peak with mmap and 1.23 GB without). Reading the file instead keeps one copy, as the fit predicts.
 * With a GPU, node-llama-cpp's "auto" decides, since it weighs mmap against offloading more layers.
 */
export function mmapFor(llama: Llama, gpu: "auto" | false): "auto" | false {
    return gpu === false || llama.gpu === false ? false : "auto";
}
