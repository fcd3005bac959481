/**
 * Analytic parallel-beam projection of a phantom made of ellipsoids (the Shepp–Logan approach,
 * Shepp & Logan 1974, extended to 3-D; Kak & Slaney, *Principles of Computerized Tomographic
 * Imaging*, 1988, 3.2 and 4.1): every ray runs along +z through the detector pixel (x, y), and its
 * chord through an ellipsoid follows from a quadratic equation. Overlaps are resolved by priority
 * (a later ellipsoid replaces the material of earlier ones where they overlap: a lung inside the
 * trunk, a rib over the lung), so the line integral ∫µ dl is that of a piecewise-constant object.
 * Lengths are in mm, µ in cm⁻¹; integrals are returned dimensionless (µ · length in cm).
 */

/** A 3-vector [x, y, z] in mm. */
export type Vec3 = readonly [number, number, number];

/** An ellipsoid with orthonormal axes `axes[i]` of semi-lengths `semi[i]` (mm). */
export interface Ellipsoid {
  name: string;
  centre: Vec3;
  axes: readonly [Vec3, Vec3, Vec3];
  semi: Vec3;
  /** Linear attenuation coefficient, cm⁻¹. */
  mu: number;
}

function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function normalise(a: Vec3): Vec3 {
  const n = Math.hypot(a[0], a[1], a[2]) || 1;
  return [a[0] / n, a[1] / n, a[2] / n];
}

/**
 * An ellipsoid with semi-axes along x, y, z, rotated by `aboutZ` degrees in the x–y (detector)
 * plane and then `aboutX` degrees in the y–z plane.
 */
export function ellipsoid(
  name: string,
  centre: Vec3,
  semi: Vec3,
  mu: number,
  aboutZ = 0,
  aboutX = 0,
): Ellipsoid {
  const z = (aboutZ * Math.PI) / 180;
  const x = (aboutX * Math.PI) / 180;
  const rz = (v: Vec3): Vec3 => [
    v[0] * Math.cos(z) - v[1] * Math.sin(z),
    v[0] * Math.sin(z) + v[1] * Math.cos(z),
    v[2],
  ];
  const rx = (v: Vec3): Vec3 => [
    v[0],
    v[1] * Math.cos(x) - v[2] * Math.sin(x),
    v[1] * Math.sin(x) + v[2] * Math.cos(x),
  ];
  return { name, centre, semi, mu, axes: [rx(rz([1, 0, 0])), rx(rz([0, 1, 0])), rx(rz([0, 0, 1]))] };
}

/**
 * A cigar-shaped ellipsoid spanning the segment p0–p1 (semi-axis along it: half its length plus
 * `overlap`), with cross-section semi-axes `thick` (in the plane of the segment and `up`) and
 * `thin`: a link of a rib or clavicle chain.
 */
export function segmentEllipsoid(
  name: string,
  p0: Vec3,
  p1: Vec3,
  thick: number,
  thin: number,
  mu: number,
  up: Vec3 = [0, 1, 0],
  overlap = 2,
): Ellipsoid {
  const d: Vec3 = [p1[0] - p0[0], p1[1] - p0[1], p1[2] - p0[2]];
  const length = Math.hypot(d[0], d[1], d[2]);
  const u = normalise(d);
  let w = cross(u, up);
  if (Math.hypot(w[0], w[1], w[2]) < 1e-6) w = cross(u, [1, 0, 0]);
  w = normalise(w);
  const v = normalise(cross(w, u));
  const centre: Vec3 = [(p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2, (p0[2] + p1[2]) / 2];
  return { name, centre, axes: [u, v, w], semi: [length / 2 + overlap, thick, thin], mu };
}

/** The quadratic form of an ellipsoid: (p − c)ᵀ A (p − c) ≤ 1, A = Σ uᵢuᵢᵀ / sᵢ². */
interface Compiled {
  e: Ellipsoid;
  a11: number;
  a12: number;
  a13: number;
  a22: number;
  a23: number;
  a33: number;
  /** Half extents of the shadow on the detector: sqrt((A⁻¹)₁₁), sqrt((A⁻¹)₂₂). */
  hx: number;
  hy: number;
}

function compile(e: Ellipsoid): Compiled {
  let a11 = 0;
  let a12 = 0;
  let a13 = 0;
  let a22 = 0;
  let a23 = 0;
  let a33 = 0;
  let b11 = 0;
  let b22 = 0;
  for (let i = 0; i < 3; i++) {
    const u = e.axes[i] ?? [0, 0, 0];
    const s = e.semi[i] ?? 1;
    const k = 1 / (s * s);
    a11 += k * u[0] * u[0];
    a12 += k * u[0] * u[1];
    a13 += k * u[0] * u[2];
    a22 += k * u[1] * u[1];
    a23 += k * u[1] * u[2];
    a33 += k * u[2] * u[2];
    // A⁻¹ = Σ sᵢ² uᵢuᵢᵀ (orthonormal axes).
    b11 += s * s * u[0] * u[0];
    b22 += s * s * u[1] * u[1];
  }
  return { e, a11, a12, a13, a22, a23, a33, hx: Math.sqrt(b11), hy: Math.sqrt(b22) };
}

/** Entry and exit z of the ray through (x, y), or undefined if it misses. */
function interval(c: Compiled, x: number, y: number): [number, number] | undefined {
  const ux = x - (c.e.centre[0] ?? 0);
  const uy = y - (c.e.centre[1] ?? 0);
  // a33·w² + 2·b·w + q = 0 with w = z − cz.
  const b = c.a13 * ux + c.a23 * uy;
  const q = c.a11 * ux * ux + 2 * c.a12 * ux * uy + c.a22 * uy * uy - 1;
  const disc = b * b - c.a33 * q;
  if (disc <= 0) return undefined;
  const root = Math.sqrt(disc);
  const cz = c.e.centre[2] ?? 0;
  return [cz + (-b - root) / c.a33, cz + (-b + root) / c.a33];
}

/** Length (mm) of the chord of the ray along z through detector point (x, y) mm. */
export function chordLength(e: Ellipsoid, x: number, y: number): number {
  const range = interval(compile(e), x, y);
  return range === undefined ? 0 : range[1] - range[0];
}

/** Detector geometry: pixel centres at ((c − (columns−1)/2)·spacing, (r − (rows−1)/2)·spacing). */
export interface Detector {
  rows: number;
  columns: number;
  spacing: number;
}

/**
 * ∫µ dl (dimensionless) for every detector pixel through the ellipsoids, later ones having
 * priority over earlier ones where they overlap.
 */
export function projectEllipsoids(objects: readonly Ellipsoid[], detector: Detector): Float32Array {
  const { rows, columns, spacing } = detector;
  const out = new Float32Array(rows * columns);
  const compiled = objects.map(compile);
  const x0 = -((columns - 1) / 2) * spacing;
  const y0 = -((rows - 1) / 2) * spacing;
  // Disjoint covered z-intervals of higher-priority objects (reused per pixel).
  const coveredStart = new Float64Array(compiled.length + 1);
  const coveredEnd = new Float64Array(compiled.length + 1);
  for (let r = 0; r < rows; r++) {
    const y = y0 + r * spacing;
    const active = compiled.filter((c) => Math.abs(y - (c.e.centre[1] ?? 0)) <= c.hy);
    for (let col = 0; col < columns; col++) {
      const x = x0 + col * spacing;
      let count = 0;
      let total = 0;
      for (let k = active.length - 1; k >= 0; k--) {
        const c = active[k];
        if (c === undefined || Math.abs(x - (c.e.centre[0] ?? 0)) > c.hx) continue;
        const range = interval(c, x, y);
        if (range === undefined) continue;
        let [start, end] = range;
        // Length of [start, end] not covered yet.
        let free = end - start;
        for (let j = 0; j < count; j++) {
          const overlap = Math.min(end, coveredEnd[j] ?? 0) - Math.max(start, coveredStart[j] ?? 0);
          if (overlap > 0) free -= overlap;
        }
        total += (c.e.mu * free) / 10;
        // Merge [start, end] into the covered set, keeping it disjoint.
        let j = 0;
        while (j < count) {
          if ((coveredEnd[j] ?? 0) < start || (coveredStart[j] ?? 0) > end) {
            j++;
            continue;
          }
          start = Math.min(start, coveredStart[j] ?? 0);
          end = Math.max(end, coveredEnd[j] ?? 0);
          count--;
          coveredStart[j] = coveredStart[count] ?? 0;
          coveredEnd[j] = coveredEnd[count] ?? 0;
        }
        coveredStart[count] = start;
        coveredEnd[count] = end;
        count++;
      }
      out[r * columns + col] = total;
    }
  }
  return out;
}
