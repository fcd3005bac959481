/**
 * CT numbers of the tissues drawn by the CT phantoms.
 *
 * | tissue | phantom HU | reference range (HU) |
 * |---|---|---|
 * | air | −1000 | −1000 (definition) |
 * | lung parenchyma | −870 | −900 … −850 (inspiration; whole lung −900 … −500) |
 * | fat | −100 | −120 … −90 |
 * | water, CSF | 0, +8 | 0 (definition); CSF 0 … +15 |
 * | white matter | +27 | +20 … +30 |
 * | grey matter | +40 | +35 … +45 |
 * | muscle | +45 | +40 … +50 |
 * | blood (unenhanced), myocardium | +40 | +30 … +45 |
 * | skin, other soft tissue | +35 | +20 … +60 |
 * | acute haemorrhage | +70 | +50 … +90 |
 * | ground-glass nodule | −600 | −750 … −300 (hazy increase in lung attenuation) |
 * | vasogenic oedema, brain tumour, necrosis | +18, +30, +15 | +10 … +25, +20 … +45, +5 … +25 |
 * | falx (dura) | +60 | +40 … +90 |
 * | costal cartilage | +120 | +80 … +150 |
 * | cancellous bone, diploë | +320 | +300 … +400 |
 * | cortical bone | +1300 | +500 … +1900 (dense cortex +1000 … +1500) |
 *
 * Sources: DenOtter TD, Schubert J, "Hounsfield Unit", StatPearls (NBK547721), 2023;
 * Buzug TM, *Computed Tomography: From Photon Statistics to Modern Cone-Beam CT*, Springer 2008,
 * ch. 1 (CT numbers of tissues); Brant WE, Helms CA, *Fundamentals of Diagnostic Radiology*,
 * 4th ed., 2012 (chest and neuro chapters); acute blood: Parizel PM et al., "Intracranial
 * hemorrhage: principles of CT and MRI interpretation", Eur Radiol 2001;11:1770–83; ground glass:
 * Hansell DM et al., "Fleischner Society: glossary of terms for thoracic imaging", Radiology
 * 2008;246:697–722. Air and water are exact by the definition of the Hounsfield scale
 * (Hounsfield 1973). Measured values vary by several HU with kVp, kernel and scanner.
 *
 * The lesson's tissue table (huScale.ts `TISSUE_HU`) shows these reference ranges for the tissues
 * it shares with the phantoms, so a probed sample pixel falls inside the range the lesson shows.
 */

/** A CT tissue: its nominal value and the reference range it must stay in. */
export interface CtTissue {
  name: string;
  hu: number;
  range: readonly [number, number];
}

/** The tissues of the CT phantoms; the index in this list is the value stored in `tissues`. */
export const CT_TISSUES = [
  { name: 'air', hu: -1000, range: [-1000, -1000] },
  { name: 'table', hu: 250, range: [100, 400] },
  { name: 'table-foam', hu: -850, range: [-950, -700] },
  { name: 'skin', hu: 35, range: [20, 60] },
  { name: 'fat', hu: -100, range: [-120, -90] },
  { name: 'muscle', hu: 45, range: [40, 50] },
  { name: 'lung', hu: -870, range: [-900, -850] },
  { name: 'vessel', hu: 40, range: [30, 45] },
  { name: 'blood', hu: 40, range: [30, 45] },
  { name: 'myocardium', hu: 40, range: [30, 45] },
  { name: 'airway', hu: -1000, range: [-1000, -1000] },
  { name: 'airway-wall', hu: 40, range: [20, 60] },
  { name: 'cartilage', hu: 120, range: [80, 150] },
  { name: 'cancellous-bone', hu: 320, range: [300, 400] },
  { name: 'cortical-bone', hu: 1300, range: [1000, 1500] },
  { name: 'spinal-cord', hu: 35, range: [20, 45] },
  { name: 'csf', hu: 8, range: [0, 15] },
  { name: 'grey-matter', hu: 40, range: [35, 45] },
  { name: 'white-matter', hu: 27, range: [20, 30] },
  { name: 'haemorrhage', hu: 70, range: [50, 90] },
  { name: 'solid-nodule', hu: 40, range: [20, 60] },
  { name: 'ground-glass-nodule', hu: -600, range: [-750, -300] },
  { name: 'oedema', hu: 18, range: [10, 25] },
  { name: 'falx', hu: 60, range: [40, 90] },
  { name: 'tumour', hu: 30, range: [20, 45] },
  { name: 'tumour-rim', hu: 40, range: [30, 50] },
  { name: 'necrosis', hu: 15, range: [5, 25] },
] as const satisfies readonly CtTissue[];

/** Tissue names, in index order. */
export type CtTissueName = (typeof CT_TISSUES)[number]['name'];

/** All tissue names in index order (the `tissueNames` of a CT phantom). */
export const CT_TISSUE_NAMES: readonly string[] = CT_TISSUES.map((t) => t.name);

/** Index of a tissue in {@link CT_TISSUES}. */
export function ctTissueIndex(name: CtTissueName): number {
  return CT_TISSUE_NAMES.indexOf(name);
}

/** Nominal HU of each tissue index, for a fast label → value lookup. */
export const CT_TISSUE_HU = Float32Array.from(CT_TISSUES, (t) => t.hu);

/** Lowest CT number of the usual 12-bit range −1024 … 3071 (4,096 values: 12 Bits Stored, PS3.3 C.7.6.3). */
export const CT_MIN_HU = -1024;
/** Highest CT number of the usual 12-bit range. */
export const CT_MAX_HU = 3071;
