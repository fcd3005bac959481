/**
 * The anatomy of an axial chest CT slice at the level of the heart and the lower-lobe hila,
 * drawn as tissue labels on a {@link Canvas} (values in HU from ctTissues.ts). Dimensions are
 * those of an average adult (transverse chest diameter ≈ 30–32 cm, antero-posterior ≈ 22 cm,
 * vertebral body ≈ 35–40 mm), scaled by `scale`. Patient's right is on the image left, anterior at
 * the top (radiological convention).
 */

import type { Canvas } from './Canvas';
import { ctTissueIndex as T } from './ctTissues';
import type { PointMm } from './lesionSites';
import { drawVesselTree, scatterVesselDots } from './lungVessels';
import type { Rng } from './random';

/** Where the landmarks of the drawn slice ended up (used to place lesions and for labels). */
export interface ChestLandmarks {
  /** Hilar arteries, right then left (vessel tree roots). */
  hila: [PointMm, PointMm];
  /** Centre of the body ellipse and its semi-axes. */
  body: { x: number; y: number; rx: number; ry: number };
}

const LUNG = new Set([T('lung')]);
const NOT_AIR = new Set([T('skin'), T('fat'), T('muscle')]);

/** A bone cross-section: cortical rim of `cortex` mm around cancellous bone. */
function bone(
  canvas: Canvas,
  x: number,
  y: number,
  rx: number,
  ry: number,
  angle: number,
  cortex: number,
): void {
  canvas.ellipse(x, y, rx, ry, angle, T('cortical-bone'));
  if (rx > cortex * 1.5 && ry > cortex * 1.5) {
    canvas.ellipse(x, y, rx - cortex, ry - cortex, angle, T('cancellous-bone'));
  }
}

/**
 * The curved CT table below the patient: carbon-fibre shells around a foam core, its concave top
 * touching the patient's back at y = `top`.
 */
function drawTable(canvas: Canvas, top: number): void {
  const radius = 320;
  const cy = top - radius;
  // Circles centred far above: their lower arcs are the table's curved top and bottom surfaces.
  canvas.ellipse(0, cy, radius + 30, radius + 30, 0, T('table'));
  canvas.ellipse(0, cy, radius + 27, radius + 27, 0, T('table-foam'));
  canvas.ellipse(0, cy, radius + 3, radius + 3, 0, T('table'));
  canvas.ellipse(0, cy, radius, radius, 0, T('air'));
}

/** Vertebra (body, arch, canal with cord, spinous and transverse processes) centred at (0, y). */
function drawSpine(canvas: Canvas, y: number): void {
  canvas.ellipse(-30, y + 32, 26, 19, 10, T('muscle'));
  canvas.ellipse(30, y + 32, 26, 19, -10, T('muscle'));
  bone(canvas, 0, y, 20, 18, 0, 1.6);
  bone(canvas, -21, y + 22, 12, 5, 25, 1.4);
  bone(canvas, 21, y + 22, 12, 5, -25, 1.4);
  bone(canvas, 0, y + 27, 15, 13, 0, 2);
  bone(canvas, 0, y + 45, 4, 12, 0, 1.3);
  canvas.ellipse(0, y + 26, 8.5, 9, 0, T('csf'));
  canvas.ellipse(0, y + 26, 4.8, 4, 0, T('spinal-cord'));
}

/**
 * Ribs cut obliquely by the slice, on the rib-cage ellipse (semi-axes a, b about (0, cy)); the
 * most anterior ones are costal cartilage. Parametric angles t: 90° = posterior midline.
 */
function drawRibs(canvas: Canvas, cy: number, a: number, b: number, rng: Rng): void {
  const angles = [118, 140, 163, 186, 208, 229, 248];
  for (const side of [-1, 1]) {
    for (const deg of angles) {
      const t = ((side < 0 ? deg : 180 - deg) * Math.PI) / 180;
      const jitter = rng.range(-3, 3);
      const x = a * Math.cos(t + jitter / 180);
      const y = cy + b * Math.sin(t + jitter / 180);
      const tangent = (Math.atan2(b * Math.cos(t), -a * Math.sin(t)) * 180) / Math.PI;
      const length = rng.range(6.5, 9.5);
      if (deg >= 240) {
        canvas.ellipse(x, y, length, 4.5, tangent, T('cartilage'));
      } else {
        bone(canvas, x, y, length, 3.6, tangent, 1.3);
      }
    }
  }
}

/**
 * Draws the chest: table, body wall, lungs, mediastinum, spine, ribs, scapulae and vessels.
 * @param scale body size factor (≈ 0.9–1.1)
 */
export function drawChestAnatomy(canvas: Canvas, scale: number, rng: Rng): ChestLandmarks {
  const s = scale;
  const body = { x: 0, y: -12, rx: 158 * s, ry: 110 * s };
  const cy = body.y;
  drawTable(canvas, body.y + body.ry + 1);

  // Body wall: skin, subcutaneous fat, muscle.
  canvas.ellipse(body.x, cy, body.rx, body.ry, 0, T('skin'));
  canvas.ellipse(body.x, cy, body.rx - 2, body.ry - 2, 0, T('fat'));
  canvas.ellipse(0, cy + 3, body.rx - 15 * s, body.ry - 10 * s, 0, T('muscle'));
  // Pectoralis major (anterior) and latissimus dorsi (postero-lateral) in the fat layer.
  for (const side of [-1, 1]) {
    canvas.ellipse(side * 62 * s, cy - body.ry + 24 * s, 56 * s, 12 * s, side * -10, T('muscle'), NOT_AIR);
    canvas.ellipse(side * 112 * s, cy + body.ry - 38 * s, 40 * s, 14 * s, side * 38, T('muscle'), NOT_AIR);
  }
  // Scapulae: thin blades of bone in the posterior muscles, outside the rib cage, parallel to
  // the back.
  for (const side of [-1, 1]) {
    canvas.ellipse(side * 92 * s, cy + 76 * s, 40 * s, 12 * s, side * -26, T('muscle'));
    bone(canvas, side * 92 * s, cy + 76 * s, 32 * s, 3.2, side * -26, 1.2);
  }

  // Thoracic cavity, all lung at first; the mediastinum is carved out of it.
  const cavity = { rx: body.rx - 30 * s, ry: body.ry - 26 * s, y: cy - 2 * s };
  canvas.ellipse(0, cavity.y, cavity.rx, cavity.ry, 0, T('lung'));

  const spineY = cy + body.ry - 66 * s;
  drawSpine(canvas, spineY);

  // Heart in its pericardial fat, and the anterior mediastinum.
  const heart = { x: 20 * s, y: cavity.y - 16 * s, rx: 57 * s, ry: 44 * s, angle: -28 };
  canvas.ellipse(0, cavity.y - cavity.ry + 24 * s, 14 * s, 24 * s, 0, T('fat'));
  canvas.ellipse(heart.x, heart.y, heart.rx + 5, heart.ry + 4, heart.angle, T('fat'));
  canvas.ellipse(heart.x, heart.y, heart.rx, heart.ry, heart.angle, T('myocardium'));
  // Inferior vena cava / right atrium bulge on the right.
  canvas.ellipse(-30 * s, heart.y + 10 * s, 22 * s, 24 * s, 0, T('blood'));
  // Posterior mediastinum: fat around the descending aorta and the oesophagus.
  canvas.ellipse(8 * s, spineY - 24 * s, 30 * s, 16 * s, 0, T('fat'));
  canvas.ellipse(28 * s, spineY - 14 * s, 15.5 * s, 15.5 * s, 0, T('fat'));
  canvas.ellipse(28 * s, spineY - 14 * s, 12.5 * s, 12.5 * s, 0, T('blood'));
  canvas.ellipse(2, spineY - 28 * s, 7.5, 6, 0, T('muscle'));
  canvas.ellipse(2, spineY - 28 * s, 2.2, 1.4, 0, T('airway'));

  // Hila: lower-lobe arteries and bronchi behind the heart.
  const hila: [PointMm, PointMm] = [
    { x: -44 * s, y: cavity.y + 30 * s },
    { x: 46 * s, y: cavity.y + 36 * s },
  ];
  for (const [i, h] of hila.entries()) {
    const side = i === 0 ? -1 : 1;
    canvas.ellipse(h.x, h.y, 8 * s, 7 * s, 0, T('vessel'));
    const bx = h.x + side * 7 * s;
    const by = h.y - 12 * s;
    canvas.ellipse(bx, by, 6.5 * s, 6 * s, 0, T('airway-wall'));
    canvas.ellipse(bx, by, 4.6 * s, 4.2 * s, 0, T('airway'));
  }

  // Vessel trees from each hilum, fanning out, then vessels cut across by the slice.
  for (const [i, h] of hila.entries()) {
    const outward = i === 0 ? Math.PI : 0;
    for (const spread of [-1.2, -0.3, 0.6, 1.5]) {
      const dir = outward + (i === 0 ? -spread : spread) + rng.range(-0.15, 0.15);
      drawVesselTree(
        canvas,
        {
          root: h,
          direction: dir,
          radius: 3.6 * s,
          length: 24 * s,
          vessel: T('vessel'),
          over: LUNG,
          depth: 5,
        },
        rng,
      );
    }
  }
  scatterVesselDots(canvas, hila, 170, 3.4, 120 * s, T('vessel'), LUNG, rng);

  drawRibs(canvas, cavity.y, cavity.rx + 5 * s, cavity.ry + 5 * s, rng);
  // Sternum.
  bone(canvas, 0, cy - body.ry + 17 * s, 15 * s, 6 * s, 0, 1.5);
  return { hila, body };
}
