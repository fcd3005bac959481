/**
 * The sample gallery's content: which phantoms, with which seeds, options, windows and texts.
 * Every title and description is given in English and in Simplified Chinese (full-width
 * punctuation).
 */

import { requireWindowPreset, type WindowPresetId } from '../display/windowPresets';
import type { SampleText } from '../samplesManifest';
import type { GeneratorName, GeneratorOptions } from './phantomFromGenerator';

/** One sample to generate. */
export interface SampleRecipe {
  id: string;
  modality: 'CT' | 'MR' | 'DX';
  title: SampleText;
  description: SampleText;
  lesion?: string;
  generator: { name: GeneratorName; seed: number; options: GeneratorOptions };
  /** Windows written to the DICOM file; the first one renders the PNG. */
  windows: ReadonlyArray<{ center: number; width: number; explanation: string }>;
  patientName: string;
  bodyPart: string;
}

/** A preset as a file window, with the Window Center & Width Explanation (0028,1055) the file carries. */
function presetWindow(id: WindowPresetId, explanation: string) {
  const { center, width } = requireWindowPreset(id);
  return { center, width, explanation };
}

const LUNG = presetWindow('lung', 'LUNG');
/**
 * The soft-tissue preset (L 40, W 400). The files' explanation says 'MEDIASTINUM' (the mediastinum
 * preset is L 50, W 350); it stays so that the committed samples keep their bytes.
 */
const SOFT_TISSUE = presetWindow('soft-tissue', 'MEDIASTINUM');
const BRAIN = presetWindow('brain', 'BRAIN');
/**
 * The samples' own wide bone window (L 600, W 2800: −800…2000 HU), wider and higher than the bone
 * preset (L 400, W 1800). Not a published preset; kept so that the committed samples keep their bytes.
 */
const WIDE_BONE = { center: 600, width: 2800, explanation: 'BONE' };

/** The gallery, in display order. */
export const SAMPLE_RECIPES: readonly SampleRecipe[] = [
  {
    id: 'chest-ct-normal',
    modality: 'CT',
    title: { en: 'Chest CT, normal', zh: '胸部 CT，正常' },
    description: {
      en: 'Axial slice at the level of the heart: lungs with branching vessels, heart, aorta, spine, ribs and the CT table. Lung window.',
      zh: '心脏层面的轴位图像：肺内可见分支状血管，另有心脏、主动脉、脊柱、肋骨和检查床。肺窗显示。',
    },
    generator: { name: 'chestCt', seed: 101, options: { size: 512, kernel: 'standard', noiseHu: 15 } },
    windows: [LUNG, SOFT_TISSUE],
    patientName: 'PHANTOM^CHEST',
    bodyPart: 'CHEST',
  },
  {
    id: 'chest-ct-nodule',
    modality: 'CT',
    title: { en: 'Chest CT, solid nodule', zh: '胸部 CT，实性结节' },
    description: {
      en: 'The same anatomy with a 14 mm solid lung nodule (soft-tissue density, about +40 HU). Lung window.',
      zh: '同样的解剖结构，肺内有一个 14 毫米的实性结节（软组织密度，约 +40 HU）。肺窗显示。',
    },
    lesion: 'nodule',
    generator: {
      name: 'chestCt',
      seed: 102,
      options: { size: 512, kernel: 'standard', noiseHu: 15, noduleDiameterMm: 14, noduleKind: 'solid' },
    },
    windows: [LUNG, SOFT_TISSUE],
    patientName: 'PHANTOM^CHEST',
    bodyPart: 'CHEST',
  },
  {
    id: 'chest-ct-ground-glass',
    modality: 'CT',
    title: { en: 'Chest CT, ground-glass nodule', zh: '胸部 CT，磨玻璃结节' },
    description: {
      en: 'An 18 mm ground-glass nodule (about −600 HU): hazy, with vessels still visible through it. Lung window.',
      zh: '一个 18 毫米的磨玻璃结节（约 −600 HU）：密度较淡，其中的血管仍然可见。肺窗显示。',
    },
    lesion: 'nodule',
    generator: {
      name: 'chestCt',
      seed: 103,
      options: {
        size: 512,
        kernel: 'standard',
        noiseHu: 15,
        noduleDiameterMm: 18,
        noduleKind: 'ground-glass',
      },
    },
    windows: [LUNG, SOFT_TISSUE],
    patientName: 'PHANTOM^CHEST',
    bodyPart: 'CHEST',
  },
  {
    id: 'head-ct-normal',
    modality: 'CT',
    title: { en: 'Head CT, normal', zh: '头颅 CT，正常' },
    description: {
      en: 'Axial slice through the basal ganglia: grey and white matter, ventricles, sulci, skull. Brain window.',
      zh: '经基底节的轴位图像：可见灰质、白质、脑室、脑沟和颅骨。脑窗显示。',
    },
    generator: { name: 'headCt', seed: 201, options: { size: 512, kernel: 'soft', noiseHu: 3 } },
    windows: [BRAIN, WIDE_BONE],
    patientName: 'PHANTOM^HEAD',
    bodyPart: 'HEAD',
  },
  {
    id: 'head-ct-haemorrhage',
    modality: 'CT',
    title: { en: 'Head CT, haemorrhage', zh: '头颅 CT，脑出血' },
    description: {
      en: 'Acute intraparenchymal haemorrhage in the right basal ganglia (about +70 HU, brighter than brain), with a thin rim of oedema. Brain window.',
      zh: '右侧基底节急性脑实质出血（约 +70 HU，比脑组织更亮），周围有一圈薄的水肿带。脑窗显示。',
    },
    lesion: 'haemorrhage',
    generator: {
      name: 'headCt',
      seed: 202,
      options: {
        size: 512,
        kernel: 'soft',
        noiseHu: 3,
        haemorrhageKind: 'intraparenchymal',
        haemorrhageSide: 'right',
      },
    },
    windows: [BRAIN, WIDE_BONE],
    patientName: 'PHANTOM^HEAD',
    bodyPart: 'HEAD',
  },
  {
    id: 'brain-mr-t1',
    modality: 'MR',
    title: { en: 'Brain MR, T1-weighted', zh: '脑部 MR，T1 加权' },
    description: {
      en: 'Spin echo TR 500 ms, TE 15 ms at 1.5 T: white matter brighter than grey matter, CSF dark, scalp fat bright.',
      zh: '1.5 T 自旋回波，TR 500 ms，TE 15 ms：白质比灰质亮，脑脊液呈暗色，头皮脂肪呈亮色。',
    },
    generator: {
      name: 'brainMr',
      seed: 301,
      options: { size: 256, weighting: 'T1', noisePercent: 3, biasField: 0.2 },
    },
    windows: [{ center: 620, width: 1100, explanation: 'T1' }],
    patientName: 'PHANTOM^BRAIN',
    bodyPart: 'BRAIN',
  },
  {
    id: 'brain-mr-t2-tumour',
    modality: 'MR',
    title: { en: 'Brain MR, T2-weighted, tumour', zh: '脑部 MR，T2 加权，肿瘤' },
    description: {
      en: 'Spin echo TR 4000 ms, TE 100 ms: CSF bright, white matter darker than grey matter; a 30 mm right frontal tumour with a necrotic centre and surrounding oedema.',
      zh: '自旋回波，TR 4000 ms，TE 100 ms：脑脊液呈亮色，白质比灰质暗；右侧额叶有一个 30 毫米的肿瘤，中心坏死，周围水肿。',
    },
    lesion: 'tumour',
    generator: {
      name: 'brainMr',
      seed: 302,
      options: { size: 256, weighting: 'T2', noisePercent: 3, biasField: 0.2, tumourDiameterMm: 30 },
    },
    windows: [{ center: 650, width: 1300, explanation: 'T2' }],
    patientName: 'PHANTOM^BRAIN',
    bodyPart: 'BRAIN',
  },
  {
    id: 'chest-xray-normal',
    modality: 'DX',
    title: { en: 'Chest X-ray, normal', zh: '胸部 X 线片，正常' },
    description: {
      en: 'PA radiograph computed by projecting a 3-D ellipsoid chest (Beer–Lambert law, 60 keV): lungs dark, heart, spine, ribs and clavicles bright.',
      zh: '由三维椭球胸部模型投影计算的后前位 X 线片（比尔–朗伯定律，60 keV）：肺野呈暗色，心脏、脊柱、肋骨和锁骨呈亮色。',
    },
    generator: {
      name: 'chestRadiograph',
      seed: 401,
      options: { size: 512, photonsPerPixel: 100000, photometric: 'MONOCHROME2' },
    },
    windows: [{ center: 1900, width: 2400, explanation: 'DEFAULT' }],
    patientName: 'PHANTOM^CHEST',
    bodyPart: 'CHEST',
  },
  {
    id: 'chest-xray-nodule',
    modality: 'DX',
    title: { en: 'Chest X-ray, nodule', zh: '胸部 X 线片，结节' },
    description: {
      en: 'The same projection with a 28 mm soft-tissue nodule in the right mid zone: a faint round opacity among the ribs.',
      zh: '同样的投影，右肺中野有一个 28 毫米的软组织结节：肋骨之间淡淡的圆形致密影。',
    },
    lesion: 'nodule',
    generator: {
      name: 'chestRadiograph',
      seed: 402,
      options: {
        size: 512,
        photonsPerPixel: 100000,
        photometric: 'MONOCHROME2',
        noduleDiameterMm: 28,
        noduleXmm: -85,
        noduleYmm: -30,
      },
    },
    windows: [{ center: 1900, width: 2400, explanation: 'DEFAULT' }],
    patientName: 'PHANTOM^CHEST',
    bodyPart: 'CHEST',
  },
];
