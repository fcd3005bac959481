/**
 * Downloads a file into memory, reporting progress as the body arrives (Fetch Standard: a
 * Response's body is a ReadableStream of Uint8Array chunks; `Content-Length` gives the total when
 * the server sends it and does not compress the transfer). Works in pages and workers.
 */
import { LocalizedError } from '../lessons/LocalizedError';
import type { Localized } from '../lessons/types';

/** Why a download failed, for programs to branch on. */
export type DownloadErrorCode = 'network' | 'http' | 'too-large' | 'aborted' | 'interrupted';

/** A failed download; `localizedMessage` says what to do, in both languages. */
export class DownloadError extends LocalizedError {
  override readonly name = 'DownloadError';
  constructor(
    readonly code: DownloadErrorCode,
    localizedMessage: Localized,
    /** The HTTP status for `http`, else null. */
    readonly status: number | null = null,
  ) {
    super(localizedMessage);
  }
}

/** Options of {@link downloadWithProgress}. */
export interface DownloadOptions {
  /** The fetch to use (tests pass a fake); default `globalThis.fetch`. */
  fetchImpl?: typeof fetch;
  /**
   * Called once with 0 before the body, then after each chunk, with the bytes received so far and the expected total (from
   * `Content-Length`), or null when unknown (no header, or a compressed transfer whose header
   * counts compressed bytes).
   */
  onProgress?: (received: number, total: number | null) => void;
  signal?: AbortSignal;
  /** Refuse bodies larger than this (checked against `Content-Length` first, then as bytes arrive). */
  maxBytes?: number;
}

const mib = (n: number): string => (n / 2 ** 20).toFixed(1);

function aborted(): DownloadError {
  return new DownloadError('aborted', { en: 'The download was cancelled.', zh: '下载已取消。' });
}

function tooLarge(bytes: number, max: number): DownloadError {
  return new DownloadError('too-large', {
    en: `The file is larger than ${mib(max)} MiB (at least ${mib(bytes)} MiB), more than this page can hold. Choose a smaller dataset.`,
    zh: `文件大于 ${mib(max)} MiB（至少 ${mib(bytes)} MiB），超出本页面可容纳的大小。请选择较小的数据集。`,
  });
}

function interrupted(received: number): DownloadError {
  return new DownloadError('interrupted', {
    en: `The connection broke after ${mib(received)} MiB. Try again, or download the file yourself and open it with the file picker.`,
    zh: `下载到 ${mib(received)} MiB 时连接中断。请重试，或自行下载文件后用文件选择器打开。`,
  });
}

const isAbort = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';

/**
 * Fetches `url` and returns its body as one Uint8Array (exactly the bytes received).
 * @throws DownloadError `network` (the request failed: offline, DNS, or the host did not allow a
 *   cross-origin download — browsers do not say which), `http` (status not 2xx), `too-large`,
 *   `aborted` (the signal fired), `interrupted` (the connection broke mid-body)
 */
export async function downloadWithProgress(url: string, options: DownloadOptions = {}): Promise<Uint8Array> {
  const { onProgress, signal, maxBytes = Infinity } = options;
  const fetchImpl = options.fetchImpl ?? globalThis.fetch.bind(globalThis);
  if (signal?.aborted) throw aborted();
  let response: Response;
  try {
    response = await fetchImpl(url, signal ? { signal } : {});
  } catch (e) {
    if (isAbort(e) || signal?.aborted) throw aborted();
    throw new DownloadError('network', {
      en: `The download failed: either this computer is offline or the host did not allow the download from this page. Download the file yourself (${url}) and open it with the file picker.`,
      zh: `下载失败：可能本机未联网，或服务器不允许从本页面下载。请自行下载该文件（${url}），再用文件选择器打开。`,
    });
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new DownloadError(
      'http',
      {
        en: `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${url}: the file is not available there. Check the address, or download the file yourself and open it with the file picker.`,
        zh: `服务器对 ${url} 返回 ${response.status}${response.statusText ? ` ${response.statusText}` : ''}：该地址没有此文件。请检查地址，或自行下载文件后用文件选择器打开。`,
      },
      response.status,
    );
  }
  const lengthHeader = response.headers.get('content-length');
  const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
  const declared = lengthHeader !== null && /^\d+$/.test(lengthHeader.trim()) ? Number(lengthHeader) : null;
  let total = encoded ? null : declared;
  if (total !== null && total > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(total, maxBytes);
  }
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes);
    onProgress?.(bytes.length, total);
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress?.(0, total);
  try {
    for (;;) {
      if (signal?.aborted) throw aborted();
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (e) {
        if (isAbort(e) || signal?.aborted) throw aborted();
        throw interrupted(received);
      }
      if (step.done) break;
      chunks.push(step.value);
      received += step.value.length;
      if (received > maxBytes) throw tooLarge(received, maxBytes);
      if (total !== null && received > total) total = null; // the header was wrong
      onProgress?.(received, total);
    }
  } catch (e) {
    await reader.cancel().catch(() => undefined);
    throw e;
  }
  if (total !== null && received < total) throw interrupted(received);
  if (
    chunks.length === 1 &&
    chunks[0]?.byteOffset === 0 &&
    chunks[0].byteLength === chunks[0].buffer.byteLength
  ) {
    return chunks[0];
  }
  const out = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
