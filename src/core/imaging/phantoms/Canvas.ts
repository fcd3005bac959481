/**
 * A tissue canvas: a label image and a value image painted with simple shapes in millimetres.
 * The origin is the image centre, x grows to the right (columns) and y downwards (rows), so for an
 * axial CT slice +x is the patient's left and +y posterior (radiological display convention).
 * Each shape is painted only inside its bounding box, with plain loops (no per-pixel closures).
 */

/** Restricts painting to pixels whose current tissue is in this set; all pixels when absent. */
export type PaintMask = ReadonlySet<number> | undefined;

/** A label image and a value image of one slice, painted shape by shape. */
export class Canvas {
  readonly labels: Uint8Array;
  readonly values: Float32Array;

  /**
   * @param rows image height in pixels
   * @param columns image width in pixels
   * @param spacing pixel size in mm (square pixels)
   * @param valueOf value painted for each tissue index (e.g. HU)
   */
  constructor(
    readonly rows: number,
    readonly columns: number,
    readonly spacing: number,
    private readonly valueOf: ArrayLike<number>,
  ) {
    this.labels = new Uint8Array(rows * columns);
    this.values = new Float32Array(rows * columns).fill(valueOf[0] ?? 0);
  }

  /** Column coordinate (pixels, fractional) of x mm. */
  col(x: number): number {
    return x / this.spacing + (this.columns - 1) / 2;
  }

  /** Row coordinate (pixels, fractional) of y mm. */
  row(y: number): number {
    return y / this.spacing + (this.rows - 1) / 2;
  }

  /** x in mm of a column's centre. */
  x(column: number): number {
    return (column - (this.columns - 1) / 2) * this.spacing;
  }

  /** y in mm of a row's centre. */
  y(row: number): number {
    return (row - (this.rows - 1) / 2) * this.spacing;
  }

  /** Sets one pixel's tissue (and its value) if `only` allows it. */
  private set(i: number, tissue: number, only: PaintMask): void {
    if (only !== undefined && !only.has(this.labels[i] ?? 0)) return;
    this.labels[i] = tissue;
    this.values[i] = this.valueOf[tissue] ?? 0;
  }

  /**
   * Fills an ellipse of semi-axes rx, ry (mm) centred at (cx, cy), rotated by `angle` degrees
   * (positive = clockwise on screen), with a tissue.
   */
  ellipse(
    cx: number,
    cy: number,
    rx: number,
    ry: number,
    angle: number,
    tissue: number,
    only?: PaintMask,
  ): void {
    const t = (angle * Math.PI) / 180;
    const cos = Math.cos(t);
    const sin = Math.sin(t);
    const extentX = Math.sqrt((rx * cos) ** 2 + (ry * sin) ** 2);
    const extentY = Math.sqrt((rx * sin) ** 2 + (ry * cos) ** 2);
    const c0 = Math.max(0, Math.floor(this.col(cx - extentX)));
    const c1 = Math.min(this.columns - 1, Math.ceil(this.col(cx + extentX)));
    const r0 = Math.max(0, Math.floor(this.row(cy - extentY)));
    const r1 = Math.min(this.rows - 1, Math.ceil(this.row(cy + extentY)));
    const irx2 = 1 / (rx * rx);
    const iry2 = 1 / (ry * ry);
    for (let r = r0; r <= r1; r++) {
      const dy = this.y(r) - cy;
      for (let c = c0; c <= c1; c++) {
        const dx = this.x(c) - cx;
        const u = dx * cos + dy * sin;
        const v = -dx * sin + dy * cos;
        if (u * u * irx2 + v * v * iry2 <= 1) this.set(r * this.columns + c, tissue, only);
      }
    }
  }

  /**
   * Fills a tapered capsule: every point within radius r(t) = r0 + t·(r1 − r0) of the segment
   * from (x0, y0) to (x1, y1), t the projection parameter in [0, 1]. With `blend`, the value is
   * mixed with the current one by the fraction of the pixel covered (a 1-pixel linear ramp), so
   * sub-pixel vessels keep their partial-volume contrast; the label changes where coverage ≥ ½.
   * `valueOverride` paints another value than the tissue's own (e.g. a nodule of chosen density).
   */
  capsule(
    x0: number,
    y0: number,
    x1: number,
    y1: number,
    r0: number,
    r1: number,
    tissue: number,
    only?: PaintMask,
    blend = false,
    valueOverride?: number,
  ): void {
    const pad = Math.max(r0, r1) + this.spacing;
    const c0 = Math.max(0, Math.floor(this.col(Math.min(x0, x1) - pad)));
    const c1 = Math.min(this.columns - 1, Math.ceil(this.col(Math.max(x0, x1) + pad)));
    const rr0 = Math.max(0, Math.floor(this.row(Math.min(y0, y1) - pad)));
    const rr1 = Math.min(this.rows - 1, Math.ceil(this.row(Math.max(y0, y1) + pad)));
    const ex = x1 - x0;
    const ey = y1 - y0;
    const len2 = ex * ex + ey * ey || 1e-12;
    const value = valueOverride ?? this.valueOf[tissue] ?? 0;
    const half = this.spacing / 2;
    for (let r = rr0; r <= rr1; r++) {
      const py = this.y(r) - y0;
      for (let c = c0; c <= c1; c++) {
        const px = this.x(c) - x0;
        let t = (px * ex + py * ey) / len2;
        if (t < 0) t = 0;
        else if (t > 1) t = 1;
        const dx = px - t * ex;
        const dy = py - t * ey;
        const d = Math.sqrt(dx * dx + dy * dy);
        const radius = r0 + t * (r1 - r0);
        const i = r * this.columns + c;
        if (!blend) {
          if (d <= radius && (only === undefined || only.has(this.labels[i] ?? 0))) {
            this.labels[i] = tissue;
            this.values[i] = value;
          }
          continue;
        }
        const coverage = Math.min(1, Math.max(0, (radius + half - d) / this.spacing));
        if (coverage <= 0) continue;
        if (only !== undefined && !only.has(this.labels[i] ?? 0)) continue;
        this.values[i] = (this.values[i] ?? 0) * (1 - coverage) + value * coverage;
        if (coverage >= 0.5) this.labels[i] = tissue;
      }
    }
  }

  /** Tissue index at (x, y) mm, or 0 outside the image. */
  tissueAt(x: number, y: number): number {
    const c = Math.round(this.col(x));
    const r = Math.round(this.row(y));
    if (r < 0 || c < 0 || r >= this.rows || c >= this.columns) return 0;
    return this.labels[r * this.columns + c] ?? 0;
  }
}
