/**
 * URLs of the codecs' .wasm files as build assets (Vite `?url`, vite.dev/guide/assets "Explicit URL
 * Imports"). Imported only in the browser and in workers (see loadWasmCodec.ts): Node resolves no
 * `?url` specifier, and there the factories find their .wasm themselves.
 */
import libjpegTurboWasmUrl from '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasm?url';
import charlsWasmUrl from '@cornerstonejs/codec-charls/decodewasm?url';
import openJpegWasmUrl from '@cornerstonejs/codec-openjpeg/decodewasm?url';

export { libjpegTurboWasmUrl, charlsWasmUrl, openJpegWasmUrl };
