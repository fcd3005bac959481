/**
 * Probes for GPU backends before tfjs is asked to use them, so a software rasteriser (SwiftShader,
 * llvmpipe) can be recognised: on such a "GPU" tfjs runs 10-400x slower than on wasm (BROWSER.md),
 * so the app prefers wasm there and says why.
 */

/** What a probe found. `detail` is the renderer or adapter description, or why it failed. */
export interface GpuProbe {
  ok: boolean;
  software: boolean;
  detail: string;
}

/** Renderer/adapter strings of known software implementations. */
const SOFTWARE_PATTERN = /swiftshader|llvmpipe|softpipe|software|basic render driver|lavapipe/i;

/** True when a WebGL renderer or WebGPU adapter description names a software implementation. */
export function isSoftwareRenderer(description: string): boolean {
  return SOFTWARE_PATTERN.test(description);
}

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
}
interface AdapterLike {
  info?: AdapterInfoLike;
  isFallbackAdapter?: boolean;
  requestAdapterInfo?: () => Promise<AdapterInfoLike>;
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<AdapterLike | null>;
}

/** Asks `navigator.gpu` for an adapter and reads its description (WebGPU `GPUAdapterInfo`). */
export async function probeWebGpu(): Promise<GpuProbe> {
  const gpu = (globalThis.navigator as (Navigator & { gpu?: GpuLike }) | undefined)?.gpu;
  if (!gpu) return { ok: false, software: false, detail: 'navigator.gpu is not available' };
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { ok: false, software: false, detail: 'no WebGPU adapter' };
    const info = adapter.info ?? (await adapter.requestAdapterInfo?.()) ?? {};
    const detail =
      [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ') ||
      'WebGPU adapter';
    return { ok: true, software: adapter.isFallbackAdapter === true || isSoftwareRenderer(detail), detail };
  } catch (e) {
    return { ok: false, software: false, detail: e instanceof Error ? e.message : String(e) };
  }
}

/** Creates a throwaway WebGL context and reads its unmasked renderer string. */
export function probeWebGl(): GpuProbe {
  try {
    const canvas: OffscreenCanvas | HTMLCanvasElement | null =
      typeof OffscreenCanvas !== 'undefined'
        ? new OffscreenCanvas(1, 1)
        : typeof document !== 'undefined'
          ? document.createElement('canvas')
          : null;
    if (!canvas) return { ok: false, software: false, detail: 'no canvas in this context' };
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return { ok: false, software: false, detail: 'WebGL is not available' };
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { ok: true, software: isSoftwareRenderer(renderer), detail: renderer };
  } catch (e) {
    return { ok: false, software: false, detail: e instanceof Error ? e.message : String(e) };
  }
}
