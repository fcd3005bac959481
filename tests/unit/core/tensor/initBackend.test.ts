/** Backend choice in Node (no GPU APIs): the order, the fallback when a pick fails, the report. */
import { describe, expect, it } from 'vitest';
import { initBackend, getBackendReport, loadTfCore } from '../../../../src/core/tensor/initBackend';
import { isSoftwareRenderer } from '../../../../src/core/tensor/gpuProbe';

describe('isSoftwareRenderer', () => {
  it.each([
    // Strings read from Chromium on the development machine (BROWSER.md flags).
    ['ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)', true],
    ['google swiftshader', true],
    ['llvmpipe (LLVM 15.0.6, 256 bits)', true],
    ['Microsoft Basic Render Driver', true],
    ['ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11 vs_5_0 ps_5_0, D3D11)', false],
    ['Apple M1', false],
    ['ANGLE (Intel, Mesa Intel(R) UHD Graphics 630 (CFL GT2), OpenGL 4.6)', false],
    ['nvidia ampere', false],
  ])('%s → %s', (renderer, software) => {
    expect(isSoftwareRenderer(renderer)).toBe(software);
  });
});

describe('initBackend in Node', () => {
  it('auto skips the GPU backends that are missing and says so', async () => {
    const report = await initBackend('auto');
    expect(report.backend).toBe('wasm');
    expect(report.reason).toBe('first-available');
    expect(report.softwareGpu).toBe(false);
    expect(report.attempts.map((a) => [a.backend, a.ok])).toEqual([
      ['webgpu', false],
      ['webgl', false],
      ['wasm', true],
    ]);
    expect((await loadTfCore()).getBackend()).toBe('wasm');
    expect(getBackendReport()).toEqual(report);
  });

  it('a pick that cannot start falls back to the first that can, with the reason', async () => {
    const report = await initBackend('webgl');
    expect(report.backend).toBe('wasm');
    expect(report.reason).toBe('preferred-unavailable');
    expect(report.attempts[0]).toMatchObject({ backend: 'webgl', ok: false });
  });

  it('a pick that works is used: cpu, then back to wasm', async () => {
    expect(await initBackend('cpu')).toMatchObject({ backend: 'cpu', reason: 'user-choice' });
    expect((await loadTfCore()).getBackend()).toBe('cpu');
    expect(await initBackend('wasm')).toMatchObject({
      backend: 'wasm',
      reason: 'user-choice',
      wasm: { threads: 1 },
    });
  });

  it('concurrent calls are serialised: the last one wins', async () => {
    const [, last] = await Promise.all([initBackend('cpu'), initBackend('wasm')]);
    expect(last.backend).toBe('wasm');
    expect((await loadTfCore()).getBackend()).toBe('wasm');
  });
});
