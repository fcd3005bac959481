/** downloadWithProgress against fake fetches whose bodies are ReadableStreams delivered in chunks. */
import { describe, expect, it } from 'vitest';
import { DownloadError, downloadWithProgress } from '../../../../src/core/datasets/downloadWithProgress';

/** A body stream that delivers `chunks` one pull at a time, then `end` (close, or an error). */
function stream(chunks: Uint8Array[], end: 'close' | Error = 'close'): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const c = chunks[i++];
      if (c) controller.enqueue(c);
      else if (end === 'close') controller.close();
      else controller.error(end);
    },
  });
}

function fakeFetch(response: () => Response | Promise<Response>): {
  fetchImpl: typeof fetch;
  calls: string[];
} {
  const calls: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    calls.push(String(input));
    return response();
  }) as typeof fetch;
  return { fetchImpl, calls };
}

const CHUNKS = [Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5), Uint8Array.of(6, 7, 8, 9)];

async function failure(p: Promise<unknown>): Promise<DownloadError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DownloadError);
    expect((e as DownloadError).localizedMessage.zh.length).toBeGreaterThan(0);
    return e as DownloadError;
  }
  throw new Error('expected a DownloadError');
}

describe('downloadWithProgress', () => {
  it('concatenates the chunks and reports progress after each, with the Content-Length total', async () => {
    const { fetchImpl, calls } = fakeFetch(
      () => new Response(stream(CHUNKS), { headers: { 'content-length': '9' } }),
    );
    const progress: [number, number | null][] = [];
    const bytes = await downloadWithProgress('https://example.org/a.npz', {
      fetchImpl,
      onProgress: (r, t) => progress.push([r, t]),
    });
    expect(calls).toEqual(['https://example.org/a.npz']);
    expect(Array.from(bytes)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(progress).toEqual([
      [0, 9],
      [3, 9],
      [5, 9],
      [9, 9],
    ]);
  });

  it('reports a null total without Content-Length or with a compressed transfer', async () => {
    const variants: Record<string, string>[] = [{}, { 'content-length': '4', 'content-encoding': 'gzip' }];
    for (const headers of variants) {
      const { fetchImpl } = fakeFetch(() => new Response(stream(CHUNKS), { headers }));
      const progress: [number, number | null][] = [];
      const bytes = await downloadWithProgress('u', {
        fetchImpl,
        onProgress: (r, t) => progress.push([r, t]),
      });
      expect(bytes.length).toBe(9);
      expect(progress.map(([, t]) => t)).toEqual([null, null, null, null]);
      expect(progress.map(([r]) => r)).toEqual([0, 3, 5, 9]);
    }
  });

  it('gives an http error with the status for a 404', async () => {
    const { fetchImpl } = fakeFetch(
      () => new Response('Not Found', { status: 404, statusText: 'Not Found' }),
    );
    const e = await failure(downloadWithProgress('https://example.org/missing.npz', { fetchImpl }));
    expect(e.code).toBe('http');
    expect(e.status).toBe(404);
    expect(e.message).toContain('404');
  });

  it('turns a network TypeError (offline, CORS) into advice to use the file picker', async () => {
    const fetchImpl = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const e = await failure(downloadWithProgress('https://example.org/a.npz', { fetchImpl }));
    expect(e.code).toBe('network');
    expect(e.message).toContain('the host did not allow the download from this page');
    expect(e.message).toContain('file picker');
  });

  it('refuses a body larger than maxBytes: by Content-Length before reading, else while reading', async () => {
    let pulled = 0;
    const counting = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(4));
      },
    });
    const declared = fakeFetch(() => new Response(counting, { headers: { 'content-length': '100' } }));
    const e1 = await failure(downloadWithProgress('u', { fetchImpl: declared.fetchImpl, maxBytes: 50 }));
    expect(e1.code).toBe('too-large');
    expect(pulled).toBeLessThanOrEqual(1); // at most the stream's initial pull: the body was not read

    const undeclared = fakeFetch(() => new Response(stream(CHUNKS)));
    const progress: number[] = [];
    const e2 = await failure(
      downloadWithProgress('u', {
        fetchImpl: undeclared.fetchImpl,
        maxBytes: 4,
        onProgress: (r) => progress.push(r),
      }),
    );
    expect(e2.code).toBe('too-large');
    expect(progress).toEqual([0, 3]); // 3 bytes fine, 5 > 4 refused
    // Exactly maxBytes is allowed.
    const exact = fakeFetch(() => new Response(stream(CHUNKS)));
    expect((await downloadWithProgress('u', { fetchImpl: exact.fetchImpl, maxBytes: 9 })).length).toBe(9);
  });

  it('reports a broken connection and a body shorter than Content-Length as interrupted', async () => {
    const broken = fakeFetch(() => new Response(stream(CHUNKS, new Error('socket hang up'))));
    expect((await failure(downloadWithProgress('u', { fetchImpl: broken.fetchImpl }))).code).toBe(
      'interrupted',
    );
    const short = fakeFetch(() => new Response(stream(CHUNKS), { headers: { 'content-length': '12' } }));
    expect((await failure(downloadWithProgress('u', { fetchImpl: short.fetchImpl }))).code).toBe(
      'interrupted',
    );
  });

  it('stops on abort, before the request and mid-body', async () => {
    const before = new AbortController();
    before.abort();
    const { fetchImpl, calls } = fakeFetch(() => new Response(stream(CHUNKS)));
    expect((await failure(downloadWithProgress('u', { fetchImpl, signal: before.signal }))).code).toBe(
      'aborted',
    );
    expect(calls).toEqual([]);

    const during = new AbortController();
    const mid = fakeFetch(() => new Response(stream(CHUNKS)));
    const e = await failure(
      downloadWithProgress('u', {
        fetchImpl: mid.fetchImpl,
        signal: during.signal,
        onProgress: (r) => {
          if (r === 3) during.abort();
        },
      }),
    );
    expect(e.code).toBe('aborted');

    // A fetch that rejects with an AbortError (the signal fired while waiting for headers).
    const rejecting = (async () => {
      throw new DOMException('The operation was aborted.', 'AbortError');
    }) as typeof fetch;
    expect((await failure(downloadWithProgress('u', { fetchImpl: rejecting }))).code).toBe('aborted');
  });
});
