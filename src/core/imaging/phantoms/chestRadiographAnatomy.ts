/**
 * A 3-D ellipsoid model of the adult chest for projection radiography: trunk (fat over muscle),
 * lungs, heart and great vessels, trachea and main bronchi, diaphragm domes with the liver and the
 * gastric air bubble, vertebral column, ribs (chains of small ellipsoids following each rib's
 * curve), clavicles, scapulae and humeral heads. Coordinates in mm: x to the patient's left
 * (image right on a PA film), y downwards (feet), z posterior. Linear attenuation coefficients at
 * ≈ 60 keV, µ = (µ/ρ)·ρ with µ/ρ from NIST XCOM (Berger MJ et al., XCOM: Photon Cross Sections
 * Database, NIST; Hubbell JH, Seltzer SM, NISTIR 5632, 1995) and densities from ICRU Report 44
 * (1989):
 *
 * | material | µ (cm⁻¹) | basis |
 * |---|---|---|
 * | air | 0.0002 | µ/ρ 0.1875 cm²/g × 0.0012 g/cm³ |
 * | inflated lung | 0.054 | 0.2048 × 0.26 (air-filled parenchyma) |
 * | fat (adipose) | 0.186 | 0.1953 × 0.95 |
 * | water | 0.206 | 0.2059 × 1.00 |
 * | muscle, blood, soft tissue | 0.215 | 0.2048 × 1.05 |
 * | vertebra (cancellous, averaged) | 0.28 | ≈ 0.235 × 1.2 |
 * | rib, clavicle, scapula (cortex + marrow, averaged) | 0.45 | between cancellous and cortical |
 * | cortical bone | 0.60 | 0.3148 × 1.92 |
 */

import { ellipsoid, segmentEllipsoid, type Ellipsoid, type Vec3 } from './ellipsoidProjection';
import type { Rng } from './random';

/** Linear attenuation coefficients at 60 keV, cm⁻¹ (table above). */
export const MU_60KEV = {
  air: 0.0002,
  lung: 0.054,
  fat: 0.186,
  water: 0.206,
  softTissue: 0.215,
  vertebra: 0.28,
  rib: 0.45,
  corticalBone: 0.6,
} as const;

/** Ribs on one side: a chain of links from the spine round to the costal cartilage. */
function rib(objects: Ellipsoid[], index: number, side: number, scale: number, rng: Rng): void {
  // Rib 1 is short and high, ribs 4–7 the widest; the anterior end lies ≈ 10 cm below the head.
  const y0 = -168 * scale + index * 25 * scale;
  const width = (55 + 80 * Math.sin(Math.min(1, (index + 1) / 6) * (Math.PI / 2))) * scale;
  const depth = (55 + 25 * Math.min(1, (index + 1) / 5)) * scale;
  const links = 12;
  let previous: Vec3 | undefined;
  for (let k = 0; k <= links; k++) {
    const phi = (0.04 + (0.8 * k) / links) * Math.PI;
    const point: Vec3 = [
      side * (16 * scale + width * Math.sin(phi)),
      y0 + 16 * scale * Math.sin(phi / 2) ** 2 * (index < 2 ? 0.5 : 1) + 95 * scale * (phi / Math.PI) ** 2.2,
      depth * Math.cos(phi) + 10,
    ];
    if (previous !== undefined) {
      // Anterior ribs are thinner and less dense than posterior ones.
      const anterior = phi / Math.PI;
      const mu = MU_60KEV.rib * (1 - 0.35 * anterior);
      objects.push(
        segmentEllipsoid(
          `rib-${index + 1}`,
          previous,
          point,
          6 - 2 * anterior + rng.range(-0.4, 0.4),
          3.5,
          mu,
        ),
      );
    }
    previous = point;
  }
}

/**
 * Pulmonary vessels: a 3-D branching tree of tapering tubes from a hilum, daughters ≈ 0.75 × the
 * parent's radius (Murray 1926), giving the lung markings that fade toward the periphery.
 */
function vesselTree(objects: Ellipsoid[], hilum: Vec3, side: number, scale: number, rng: Rng): void {
  const stack: Array<{ p: Vec3; d: Vec3; r: number; length: number }> = [];
  for (const [dx, dy] of [
    [0.3, -1],
    [0.7, -0.7],
    [1, -0.2],
    [1, 0.25],
    [0.8, 0.6],
    [0.4, 1],
  ] as const) {
    stack.push({ p: hilum, d: [side * dx, dy, rng.range(-0.5, 0.5)], r: 5.5 * scale, length: 34 * scale });
  }
  while (stack.length > 0) {
    const b = stack.pop();
    if (b === undefined || b.r < 0.7) continue;
    const n = Math.hypot(b.d[0], b.d[1], b.d[2]);
    const end: Vec3 = [
      b.p[0] + (b.d[0] / n) * b.length,
      b.p[1] + (b.d[1] / n) * b.length,
      b.p[2] + (b.d[2] / n) * b.length,
    ];
    objects.push(segmentEllipsoid('vessel', b.p, end, b.r, b.r, MU_60KEV.softTissue, [0, 1, 0], 0.5));
    for (const turn of [-1, 1]) {
      const d: Vec3 = [
        b.d[0] / n + rng.range(-0.5, 0.5) + turn * 0.25 * (b.d[1] / n),
        b.d[1] / n + rng.range(-0.5, 0.5) - turn * 0.25 * (b.d[0] / n),
        b.d[2] / n + rng.range(-0.5, 0.5),
      ];
      stack.push({ p: end, d, r: b.r * rng.range(0.68, 0.8), length: b.length * rng.range(0.65, 0.85) });
    }
  }
}

/** A nodule to place in the model (a sphere). */
export interface RadiographNodule {
  centre: Vec3;
  diameterMm: number;
  mu?: number;
}

/** The chest model, lowest priority first (see projectEllipsoids). */
export function chestRadiographModel(scale: number, rng: Rng, nodule?: RadiographNodule): Ellipsoid[] {
  const s = scale;
  const o: Ellipsoid[] = [];
  const S = MU_60KEV.softTissue;
  // Trunk and shoulders: a fat envelope over muscle; the neck.
  o.push(ellipsoid('neck', [0, -215 * s, 10], [58 * s, 90 * s, 60 * s], S));
  for (const side of [-1, 1]) {
    o.push(
      ellipsoid(
        'shoulder-fat',
        [side * 140 * s, -165 * s, 15],
        [75 * s, 50 * s, 62 * s],
        MU_60KEV.fat,
        side * -15,
      ),
    );
    o.push(ellipsoid('shoulder', [side * 140 * s, -165 * s, 15], [65 * s, 42 * s, 55 * s], S, side * -15));
  }
  o.push(ellipsoid('trunk-fat', [0, 70 * s, 10], [162 * s, 380 * s, 112 * s], MU_60KEV.fat));
  o.push(ellipsoid('trunk', [0, 70 * s, 10], [150 * s, 372 * s, 100 * s], S));
  // Lungs, with their pulmonary vessels.
  o.push(ellipsoid('right-lung', [-78 * s, 0, 18], [68 * s, 150 * s, 82 * s], MU_60KEV.lung, 4));
  o.push(ellipsoid('left-lung', [76 * s, 5 * s, 18], [64 * s, 145 * s, 80 * s], MU_60KEV.lung, -4));
  for (const side of [-1, 1]) vesselTree(o, [side * 45 * s, -10 * s, 10], side, s, rng);
  // Diaphragm domes: liver on the right (higher), spleen and stomach on the left, the bubble.
  o.push(ellipsoid('liver', [-62 * s, 200 * s, 5], [95 * s, 88 * s, 100 * s], S, 8));
  o.push(ellipsoid('left-dome', [66 * s, 212 * s, 5], [85 * s, 82 * s, 92 * s], S, -8));
  o.push(ellipsoid('gastric-bubble', [70 * s, 145 * s, -10], [22 * s, 11 * s, 20 * s], MU_60KEV.air));
  // Mediastinum: heart, aortic arch and descending aorta, superior vena cava.
  o.push(ellipsoid('heart', [24 * s, 80 * s, -10], [86 * s, 56 * s, 70 * s], S, -30));
  o.push(ellipsoid('mediastinum', [0, -55 * s, 10], [30 * s, 100 * s, 75 * s], S));
  o.push(ellipsoid('aortic-arch', [14 * s, -78 * s, 5], [26 * s, 20 * s, 30 * s], S));
  o.push(ellipsoid('descending-aorta', [22 * s, 40 * s, 45], [13 * s, 120 * s, 13 * s], S));
  o.push(ellipsoid('svc', [-24 * s, -40 * s, -5], [13 * s, 55 * s, 13 * s], S));
  // Hila: pulmonary arteries.
  for (const side of [-1, 1]) {
    o.push(ellipsoid('hilum', [side * 42 * s, -25 * s, 10], [17 * s, 26 * s, 16 * s], S, side * 20));
  }
  // Trachea and main bronchi (air).
  o.push(ellipsoid('trachea', [0, -150 * s, -5], [9 * s, 95 * s, 9 * s], MU_60KEV.air));
  o.push(
    segmentEllipsoid('right-bronchus', [0, -62 * s, -5], [-30 * s, -35 * s, 0], 7 * s, 7 * s, MU_60KEV.air),
  );
  o.push(
    segmentEllipsoid('left-bronchus', [0, -62 * s, -5], [36 * s, -30 * s, 0], 6 * s, 6 * s, MU_60KEV.air),
  );
  if (nodule !== undefined) {
    const r = nodule.diameterMm / 2;
    o.push(ellipsoid('nodule', nodule.centre, [r, r, r], nodule.mu ?? S));
  }
  // Vertebral column: bodies with soft discs between, spinous processes.
  for (let k = 0; k < 15; k++) {
    const y = -235 * s + k * 29 * s;
    o.push(ellipsoid('vertebra', [0, y, 60], [20 * s + k * 0.6, 11.5 * s, 16 * s], MU_60KEV.vertebra));
    o.push(
      ellipsoid('spinous-process', [0, y + 8 * s, 95], [3 * s, 8 * s, 12 * s], MU_60KEV.vertebra, 0, -30),
    );
    for (const side of [-1, 1]) {
      o.push(ellipsoid('pedicle', [side * 14 * s, y - 2 * s, 80], [4 * s, 6 * s, 7 * s], MU_60KEV.vertebra));
    }
  }
  // Scapulae (rotated largely out of the lung fields on a PA view) and humeral heads.
  for (const side of [-1, 1]) {
    o.push(
      ellipsoid('scapula', [side * 138 * s, -95 * s, 70], [40 * s, 80 * s, 4], MU_60KEV.rib, side * -18, 0),
    );
    o.push(
      ellipsoid('humeral-head', [side * 192 * s, -160 * s, 15], [24 * s, 26 * s, 24 * s], MU_60KEV.vertebra),
    );
  }
  for (let index = 0; index < 10; index++) {
    for (const side of [-1, 1]) rib(o, index, side, s, rng);
  }
  // Clavicles: from the sternal end down to the acromion, gently S-shaped.
  for (const side of [-1, 1]) {
    const points: Vec3[] = [
      [side * 14 * s, -150 * s, -60],
      [side * 60 * s, -160 * s, -55],
      [side * 105 * s, -172 * s, -30],
      [side * 150 * s, -182 * s, 0],
    ];
    for (let k = 1; k < points.length; k++) {
      const p0 = points[k - 1] ?? points[0];
      const p1 = points[k] ?? points[0];
      if (p0 !== undefined && p1 !== undefined) {
        o.push(segmentEllipsoid('clavicle', p0, p1, 7 * s, 6 * s, MU_60KEV.rib));
      }
    }
  }
  return o;
}
