/**
 * MR tissue parameters at 1.5 T and the spin-echo signal equation.
 *
 * | tissue | T1 (ms) | T2 (ms) | PD |
 * |---|---|---|---|
 * | CSF | 2569 | 329 | 1.00 |
 * | grey matter | 833 | 83 | 0.86 |
 * | white matter | 500 | 70 | 0.77 |
 * | fat (scalp, fatty marrow of the diploë) | 350 | 70 | 1.00 |
 * | muscle, skin | 900 | 47 | 1.00 |
 * | cortical bone, air | – | – | 0 |
 * | dura (falx), "connective" | 500 | 70 | 0.77 |
 *
 * Source: the BrainWeb simulator's tissue table (Kwan RK-S, Evans AC, Pike GB, "MRI
 * simulation-based evaluation of image-processing and classification methods", IEEE Trans Med
 * Imaging 1999;18:1085–97; Collins DL et al., "Design and construction of a realistic digital
 * brain phantom", IEEE TMI 1998;17:463–8). Tumour values are illustrative, within the long T1 / long
 * T2 ranges reported for gliomas and their oedema (Just M, Thelen M, "Tissue characterization with
 * T1, T2, and proton density values: results in 160 patients with brain tumors", Radiology
 * 1988;169:779–85); an enhancing rim has the short T1 of gadolinium uptake (T1 shortening,
 * 1/T1 = 1/T1₀ + r1·[Gd]).
 */

import { CT_TISSUES, type CtTissueName } from './ctTissues';

/** Relaxation times (ms) and relative proton density of a tissue. */
export interface MrTissue {
  t1: number;
  t2: number;
  pd: number;
}

const NONE: MrTissue = { t1: 1, t2: 1, pd: 0 };

/** MR parameters of the tissues that the head anatomy uses (by CT tissue name). */
export const MR_TISSUES: Partial<Record<CtTissueName, MrTissue>> = {
  air: NONE,
  skin: { t1: 900, t2: 47, pd: 1 },
  muscle: { t1: 900, t2: 47, pd: 1 },
  fat: { t1: 350, t2: 70, pd: 1 },
  'cancellous-bone': { t1: 350, t2: 70, pd: 0.9 },
  'cortical-bone': NONE,
  csf: { t1: 2569, t2: 329, pd: 1 },
  'grey-matter': { t1: 833, t2: 83, pd: 0.86 },
  'white-matter': { t1: 500, t2: 70, pd: 0.77 },
  falx: { t1: 500, t2: 70, pd: 0.77 },
  oedema: { t1: 1100, t2: 160, pd: 0.9 },
  tumour: { t1: 1300, t2: 190, pd: 0.9 },
  'tumour-rim': { t1: 1100, t2: 120, pd: 0.88 },
  necrosis: { t1: 2200, t2: 300, pd: 0.95 },
};

/** The enhancing rim's T1 after gadolinium (ms). */
export const ENHANCED_RIM_T1 = 300;

/**
 * Spin-echo signal S = PD · (1 − e^(−TR/T1)) · e^(−TE/T2) (with TR ≫ TE; e.g. Bushberg JT et al.,
 * *The Essential Physics of Medical Imaging*, 3rd ed., 2012, ch. 12; Haacke EM et al., *Magnetic
 * Resonance Imaging: Physical Principles and Sequence Design*, 1999, ch. 8).
 */
export function spinEchoSignal(tissue: MrTissue, tr: number, te: number): number {
  if (tissue.pd === 0) return 0;
  return tissue.pd * (1 - Math.exp(-tr / tissue.t1)) * Math.exp(-te / tissue.t2);
}

/** Signal of every CT tissue index (0 for tissues without MR parameters). */
export function signalTable(
  tr: number,
  te: number,
  overrides: Partial<Record<CtTissueName, MrTissue>> = {},
): Float32Array {
  return Float32Array.from(CT_TISSUES, (t) => {
    const p = overrides[t.name] ?? MR_TISSUES[t.name];
    return p === undefined ? 0 : spinEchoSignal(p, tr, te);
  });
}
