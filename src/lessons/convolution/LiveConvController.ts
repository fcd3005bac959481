/**
 * Owns the one uploaded image (`ConvImage`) of a live feature-map view, so that no React component
 * holds a tensor: the image is uploaded once per slice, convolved on each kernel change with at most
 * one convolution in flight (the latest request wins; results overtaken by a newer request or a newer
 * image are dropped), and freed by `dispose()` or when another image replaces it.
 */
import { ConvImage } from '../../core/tensor/liveConv';
import type { ConvOptions, Filters, Volume } from '../../core/tensor/reference/types';
import type { Convolver } from './featureMapRenderer';

/** An uploaded image that can be convolved and freed. */
export interface OwnedConvolver extends Convolver {
  dispose(): void;
}

/** One convolution asked for. */
export interface ConvRequest {
  filters: Filters;
  opts: ConvOptions;
  /** When it was asked for (the controller's clock, ms). */
  requestedAt: number;
}

/** What the controller needs from its owner. */
export interface LiveConvControllerOptions {
  /** Resolves when the compute backend is ready (the page's `whenBackendReady`). */
  ready(): Promise<void>;
  /** Uploads an image (default: `new ConvImage(volume)`). */
  upload?(volume: Volume): OwnedConvolver;
  /** The newest request's result, on the newest image; never a stale one. */
  onResult(map: Volume, request: ConvRequest): void;
  /** A convolution or the upload failed (bad options, no backend). */
  onError(error: Error): void;
  /** 'computing' while a request waits or runs, 'ready' when the newest one is shown. */
  onStatus?(status: 'computing' | 'ready'): void;
  now?(): number;
}

const clock = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The live convolution of one image at a time; see the module comment. */
export class LiveConvController {
  readonly #o: LiveConvControllerOptions;
  #image: OwnedConvolver | null = null;
  /** Bumped for every new image: a result of an older one is stale. */
  #imageGen = 0;
  #latest: ConvRequest | null = null;
  #done: ConvRequest | null = null;
  #running = false;
  #inFlight: Promise<void> = Promise.resolve();
  #disposed = false;

  constructor(options: LiveConvControllerOptions) {
    this.#o = options;
  }

  /** Whether an image is uploaded. */
  get hasImage(): boolean {
    return this.#image !== null;
  }

  /** Whether a convolution is in flight. */
  get running(): boolean {
    return this.#running;
  }

  /**
   * Uploads `volume` (after the backend is ready), freeing the previous image; null just frees it.
   * The newest request is then run on the new image.
   */
  async setImage(volume: Volume | null): Promise<void> {
    const gen = ++this.#imageGen;
    this.#image?.dispose();
    this.#image = null;
    this.#done = null;
    if (!volume || this.#disposed) return;
    try {
      await this.#o.ready();
    } catch (e) {
      if (gen === this.#imageGen && !this.#disposed) this.#o.onError(asError(e));
      return;
    }
    if (gen !== this.#imageGen || this.#disposed) return;
    try {
      this.#image = (this.#o.upload ?? ((v: Volume) => new ConvImage(v)))(volume);
    } catch (e) {
      this.#o.onError(asError(e));
      return;
    }
    this.#pump();
  }

  /** Asks for the image convolved with `filters`; replaces any request not yet started. */
  request(filters: Filters, opts: ConvOptions): void {
    if (this.#disposed) return;
    this.#latest = { filters, opts, requestedAt: (this.#o.now ?? clock)() };
    this.#o.onStatus?.('computing');
    this.#pump();
  }

  /**
   * Settles when no convolution is in flight (one still running after `dispose()` frees its own
   * output tensor when it settles).
   */
  async idle(): Promise<void> {
    while (this.#running) await this.#inFlight;
  }

  /** Frees the image; later results are dropped. Idempotent. */
  dispose(): void {
    this.#disposed = true;
    this.#imageGen++;
    this.#image?.dispose();
    this.#image = null;
  }

  #pump(): void {
    const image = this.#image;
    const req = this.#latest;
    if (this.#running || this.#disposed || !image || !req || req === this.#done) return;
    this.#running = true;
    const gen = this.#imageGen;
    this.#inFlight = image.convolve(req.filters, req.opts).then(
      (map) => this.#finish(gen, req, map, null),
      (e: unknown) => this.#finish(gen, req, null, asError(e)),
    );
  }

  #finish(gen: number, req: ConvRequest, map: Volume | null, error: Error | null): void {
    this.#running = false;
    if (this.#disposed) return;
    const fresh = gen === this.#imageGen && req === this.#latest;
    if (fresh) {
      this.#done = req;
      if (map) {
        this.#o.onResult(map, req);
        this.#o.onStatus?.('ready');
      } else if (error) this.#o.onError(error);
    }
    this.#pump();
  }
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}
