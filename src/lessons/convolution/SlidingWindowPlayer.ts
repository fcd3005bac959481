/**
 * Plays a walk through output positions at a chosen speed, framework-free: one requestAnimationFrame
 * loop that moves at most one position per frame and calls `onFrame` with the new position, so the
 * view can update a few DOM nodes directly instead of re-rendering a React tree 60 times a second.
 * The position reached is handed back (`onStop`) when playing stops, for the URL.
 */

/** The frame clock (requestAnimationFrame in the page; a fake in tests). */
export interface FrameScheduler {
  request(callback: (time: number) => void): number;
  cancel(id: number): void;
}

/** The page's requestAnimationFrame. */
export const animationFrames: FrameScheduler = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (id) => cancelAnimationFrame(id),
};

/** Fastest speed, positions per second: at this speed the player moves on every frame. */
export const MAX_SPEED = 60;

/** What the player tells its view. */
export interface PlayerCallbacks {
  /** The current position changed (play, step or seek). */
  onFrame(position: number): void;
  /** Playing started (true) or stopped (false, with the position reached). */
  onPlayingChange?(playing: boolean, position: number): void;
}

/**
 * A position in 0…positions−1, stepped by hand or played at `speed` positions per second (at most one
 * per animation frame; at {@link MAX_SPEED} on every frame). Playing from the last position starts
 * again at 0; reaching the last position stops.
 */
export class SlidingWindowPlayer {
  #positions: number;
  #position: number;
  #speed: number;
  #playing = false;
  #frame: number | null = null;
  #last: number | null = null;
  #credit = 0;
  #disposed = false;
  readonly #callbacks: PlayerCallbacks;
  readonly #scheduler: FrameScheduler;

  constructor(
    positions: number,
    position: number,
    speed: number,
    callbacks: PlayerCallbacks,
    scheduler: FrameScheduler = animationFrames,
  ) {
    this.#positions = Math.max(0, Math.floor(positions));
    this.#position = this.#clamp(position);
    this.#speed = SlidingWindowPlayer.#clampSpeed(speed);
    this.#callbacks = callbacks;
    this.#scheduler = scheduler;
  }

  static #clampSpeed(s: number): number {
    return Number.isFinite(s) ? Math.min(MAX_SPEED, Math.max(0.1, s)) : 1;
  }

  #clamp(p: number): number {
    if (this.#positions === 0 || !Number.isFinite(p)) return 0;
    return Math.min(this.#positions - 1, Math.max(0, Math.round(p)));
  }

  get position(): number {
    return this.#position;
  }
  get positions(): number {
    return this.#positions;
  }
  get playing(): boolean {
    return this.#playing;
  }
  get speed(): number {
    return this.#speed;
  }

  /** Changes the speed, also while playing. */
  setSpeed(speed: number): void {
    this.#speed = SlidingWindowPlayer.#clampSpeed(speed);
  }

  /** New walk (another kernel, stride, crop): stops playing silently and moves to `position`. */
  reset(positions: number, position: number): void {
    this.#stopLoop();
    this.#playing = false;
    this.#positions = Math.max(0, Math.floor(positions));
    this.#position = this.#clamp(position);
  }

  /** Moves to `position` (clamped) and shows it; playing goes on from there. */
  seek(position: number): void {
    if (this.#disposed) return;
    this.#position = this.#clamp(position);
    this.#callbacks.onFrame(this.#position);
  }

  /** Stops playing and moves by `delta` positions. */
  step(delta: number): void {
    this.pause();
    this.seek(this.#position + delta);
  }

  /** Starts playing (from 0 when at the end). Nothing happens with fewer than two positions. */
  play(): void {
    if (this.#disposed || this.#playing || this.#positions < 2) return;
    if (this.#position >= this.#positions - 1) this.seek(0);
    this.#playing = true;
    this.#last = null;
    this.#credit = 1;
    this.#callbacks.onPlayingChange?.(true, this.#position);
    this.#frame = this.#scheduler.request(this.#tick);
  }

  /** Stops playing; the view is told the position reached. */
  pause(): void {
    if (!this.#playing) return;
    this.#stopLoop();
    this.#playing = false;
    if (!this.#disposed) this.#callbacks.onPlayingChange?.(false, this.#position);
  }

  /** Play when paused, pause when playing. */
  toggle(): void {
    if (this.#playing) this.pause();
    else this.play();
  }

  /** Stops for good: no more callbacks. */
  dispose(): void {
    this.#disposed = true;
    this.#stopLoop();
    this.#playing = false;
  }

  #stopLoop(): void {
    if (this.#frame !== null) this.#scheduler.cancel(this.#frame);
    this.#frame = null;
  }

  readonly #tick = (time: number): void => {
    this.#frame = null;
    if (!this.#playing || this.#disposed) return;
    if (this.#last !== null) {
      const dt = Math.max(0, time - this.#last);
      this.#credit = this.#speed >= MAX_SPEED ? 1 : this.#credit + (dt * this.#speed) / 1000;
    }
    this.#last = time;
    if (this.#credit >= 1 - 1e-9) {
      // Keep the fraction (50/s on a 60 Hz screen: 5 frames in 6), drop any backlog beyond one.
      this.#credit = Math.min(1, Math.max(0, this.#credit - 1));
      this.#position += 1;
      this.#callbacks.onFrame(this.#position);
      if (this.#position >= this.#positions - 1) {
        this.pause();
        return;
      }
    }
    this.#frame = this.#scheduler.request(this.#tick);
  };
}
