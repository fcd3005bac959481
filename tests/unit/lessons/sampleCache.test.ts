import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  loadSample,
  resetSampleCache,
  sampleUrl,
} from '../../../src/lessons/radiology-images/useSampleImage';

const bytes = readFileSync('public/samples/chest-xray-nodule.dcm');

afterEach(() => {
  resetSampleCache();
  vi.unstubAllGlobals();
});

describe('loadSample', () => {
  it('fetches from the gallery folder and decodes each sample once per page', async () => {
    const fetchMock = vi.fn(async () => new Response(bytes));
    vi.stubGlobal('fetch', fetchMock);
    const [a, b] = await Promise.all([loadSample('chest-xray-nodule'), loadSample('chest-xray-nodule')]);
    const c = await loadSample('chest-xray-nodule');
    expect(a).toBe(b);
    expect(a).toBe(c);
    expect(a.rows).toBeGreaterThan(0);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledWith(sampleUrl('chest-xray-nodule'));
    expect(sampleUrl('chest-xray-nodule')).toBe(`${import.meta.env.BASE_URL}samples/chest-xray-nodule.dcm`);
  });

  it('forgets a failed load so that the next call tries again', async () => {
    const fetchMock = vi
      .fn<() => Promise<Response>>()
      .mockResolvedValueOnce(new Response(null, { status: 404 }))
      .mockResolvedValueOnce(new Response(bytes));
    vi.stubGlobal('fetch', fetchMock);
    await expect(loadSample('chest-xray-nodule')).rejects.toThrow('HTTP 404');
    await expect(loadSample('chest-xray-nodule')).resolves.toMatchObject({ kind: 'dicom' });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
