/**
 * Largest image text recognition decodes: 50 megapixels is an A3 page at 600 dpi, and costs about
 * 200 MB as RGBA, well inside the WebAssembly heap; larger pictures are refused before decoding.
 */
export const maxOcrMegapixels = 50;
