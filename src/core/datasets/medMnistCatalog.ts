/**
 * The 2-D MedMNIST v2 datasets: what each holds, its label order and where its 28-pixel `.npz` is.
 *
 * Source of every name, label order, channel count and sample count: `INFO` in medmnist/info.py of
 * the MedMNIST package (github.com/MedMNIST/MedMNIST, v2.1.0). The files: Zenodo record 10519652
 * ("MedMNIST+"), which hosts the 28-px files of MedMNIST v2 unchanged (same MD5 as info.py's) beside
 * the 64/128/224-px ones (`<id>_64.npz` …). Licence CC BY 4.0. Cite: Yang J, Shi R, Wei D, et al.
 * MedMNIST v2 — a large-scale lightweight benchmark for 2D and 3D biomedical image classification.
 * Sci Data 2023;10:41. doi:10.1038/s41597-022-01721-8.
 */
import type { Localized } from '../lessons/types';

/** The 2-D MedMNIST v2 dataset ids (the `.npz` file names). */
export type MedMnistId =
  | 'pathmnist'
  | 'chestmnist'
  | 'dermamnist'
  | 'octmnist'
  | 'pneumoniamnist'
  | 'retinamnist'
  | 'breastmnist'
  | 'bloodmnist'
  | 'tissuemnist'
  | 'organamnist'
  | 'organcmnist'
  | 'organsmnist';

/** MedMNIST's task types (info.py `task`). */
export type MedMnistTask = 'binary-class' | 'multi-class' | 'ordinal-regression' | 'multi-label';

/** One MedMNIST dataset. */
export interface MedMnistInfo {
  id: MedMnistId;
  /** The dataset's name, e.g. PneumoniaMNIST. */
  name: Localized;
  /** Imaging modality and body part. */
  modality: Localized;
  task: MedMnistTask;
  /**
   * Whether this app can train on it: single-label classification only. ChestMNIST is multi-label
   * (14 findings per image, any number present) and is listed but refused. RetinaMNIST is ordinal
   * (diabetic-retinopathy grade 0–4) and is trained here as 5 plain classes.
   */
  supported: boolean;
  /** Class names in label order (info.py `label`, key "0" first). */
  classNames: readonly Localized[];
  /** Channels of the images (1 grey, 3 RGB; RGB is converted to luminance on loading). */
  channels: 1 | 3;
  /** Images in the official splits (info.py `n_samples`). */
  samples: { train: number; val: number; test: number };
  /** The 28-px `.npz` on Zenodo. */
  url: string;
  /** MD5 of that file (info.py `MD5`). */
  md5: string;
}

/** MedMNIST's licence. */
export const MEDMNIST_LICENCE = 'CC BY 4.0';

/** How to cite MedMNIST v2. */
export const MEDMNIST_CITATION =
  'Yang J, Shi R, Wei D, Liu Z, Zhao L, Ke B, Pfister H, Ni B. MedMNIST v2 — a large-scale lightweight benchmark for 2D and 3D biomedical image classification. Sci Data. 2023;10:41. doi:10.1038/s41597-022-01721-8';

/** The Zenodo record of the MedMNIST files. */
export const MEDMNIST_RECORD_URL = 'https://zenodo.org/records/10519652';

const fileUrl = (id: MedMnistId): string => `${MEDMNIST_RECORD_URL}/files/${id}.npz?download=1`;

const l = (en: string, zh: string): Localized => ({ en, zh });

const ORGANS: readonly Localized[] = [
  l('bladder', '膀胱'),
  l('femur (left)', '左股骨'),
  l('femur (right)', '右股骨'),
  l('heart', '心脏'),
  l('kidney (left)', '左肾'),
  l('kidney (right)', '右肾'),
  l('liver', '肝脏'),
  l('lung (left)', '左肺'),
  l('lung (right)', '右肺'),
  l('pancreas', '胰腺'),
  l('spleen', '脾脏'),
];

const ABDOMINAL_CT = (plane: Localized): Localized =>
  l(`abdominal CT, ${plane.en} slices`, `腹部 CT，${plane.zh}切面`);

function info(
  id: MedMnistId,
  name: string,
  modality: Localized,
  task: MedMnistTask,
  classNames: readonly Localized[],
  channels: 1 | 3,
  samples: [train: number, val: number, test: number],
  md5: string,
): MedMnistInfo {
  return {
    id,
    name: l(name, name),
    modality,
    task,
    supported: task !== 'multi-label',
    classNames,
    channels,
    samples: { train: samples[0], val: samples[1], test: samples[2] },
    url: fileUrl(id),
    md5,
  };
}

/** The 2-D MedMNIST v2 datasets, radiology first. */
export const MEDMNIST_DATASETS: readonly MedMnistInfo[] = [
  info(
    'pneumoniamnist',
    'PneumoniaMNIST',
    l('paediatric chest X-ray', '儿童胸部 X 线片'),
    'binary-class',
    [l('normal', '正常'), l('pneumonia', '肺炎')],
    1,
    [4708, 524, 624],
    '28209eda62fecd6e6a2d98b1501bb15f',
  ),
  info(
    'breastmnist',
    'BreastMNIST',
    l('breast ultrasound', '乳腺超声'),
    'binary-class',
    [l('malignant', '恶性'), l('normal or benign', '正常或良性')],
    1,
    [546, 78, 156],
    '750601b1f35ba3300ea97c75c52ff8f6',
  ),
  info(
    'organamnist',
    'OrganAMNIST',
    ABDOMINAL_CT(l('axial', '轴位')),
    'multi-class',
    ORGANS,
    1,
    [34581, 6491, 17778],
    '866b832ed4eeba67bfb9edee1d5544e6',
  ),
  info(
    'organcmnist',
    'OrganCMNIST',
    ABDOMINAL_CT(l('coronal', '冠状位')),
    'multi-class',
    ORGANS,
    1,
    [13000, 2392, 8268],
    '0afa5834fb105f7705a7d93372119a21',
  ),
  info(
    'organsmnist',
    'OrganSMNIST',
    ABDOMINAL_CT(l('sagittal', '矢状位')),
    'multi-class',
    ORGANS,
    1,
    [13940, 2452, 8829],
    'e5c39f1af030238290b9557d9503af9d',
  ),
  info(
    'octmnist',
    'OCTMNIST',
    l('retinal optical coherence tomography', '视网膜光学相干断层成像（OCT）'),
    'multi-class',
    [
      l('choroidal neovascularization', '脉络膜新生血管'),
      l('diabetic macular edema', '糖尿病性黄斑水肿'),
      l('drusen', '玻璃膜疣'),
      l('normal', '正常'),
    ],
    1,
    [97477, 10832, 1000],
    'c68d92d5b585d8d81f7112f81e2d0842',
  ),
  info(
    'chestmnist',
    'ChestMNIST',
    l('chest X-ray (NIH ChestX-ray14)', '胸部 X 线片（NIH ChestX-ray14）'),
    'multi-label',
    [
      l('atelectasis', '肺不张'),
      l('cardiomegaly', '心脏扩大'),
      l('effusion', '胸腔积液'),
      l('infiltration', '浸润'),
      l('mass', '肿块'),
      l('nodule', '结节'),
      l('pneumonia', '肺炎'),
      l('pneumothorax', '气胸'),
      l('consolidation', '实变'),
      l('edema', '水肿'),
      l('emphysema', '肺气肿'),
      l('fibrosis', '纤维化'),
      l('pleural thickening', '胸膜增厚'),
      l('hernia', '疝'),
    ],
    1,
    [78468, 11219, 22433],
    '02c8a6516a18b556561a56cbdd36c4a8',
  ),
  info(
    'retinamnist',
    'RetinaMNIST',
    l('retinal fundus photograph', '眼底彩色照相'),
    'ordinal-regression',
    [0, 1, 2, 3, 4].map((g) => l(`retinopathy grade ${g}`, `视网膜病变 ${g} 级`)),
    3,
    [1080, 120, 400],
    'bd4c0672f1bba3e3a89f0e4e876791e4',
  ),
  info(
    'dermamnist',
    'DermaMNIST',
    l('dermatoscopy of pigmented skin lesions', '色素性皮肤病变皮肤镜图像'),
    'multi-class',
    [
      l('actinic keratoses and intraepithelial carcinoma', '光化性角化病和上皮内癌'),
      l('basal cell carcinoma', '基底细胞癌'),
      l('benign keratosis-like lesions', '良性角化样病变'),
      l('dermatofibroma', '皮肤纤维瘤'),
      l('melanoma', '黑色素瘤'),
      l('melanocytic nevi', '黑色素细胞痣'),
      l('vascular lesions', '血管病变'),
    ],
    3,
    [7007, 1003, 2005],
    '0744692d530f8e62ec473284d019b0c7',
  ),
  info(
    'pathmnist',
    'PathMNIST',
    l('colorectal cancer histology (H&E)', '结直肠癌组织病理（HE 染色）'),
    'multi-class',
    [
      l('adipose', '脂肪组织'),
      l('background', '背景'),
      l('debris', '碎屑'),
      l('lymphocytes', '淋巴细胞'),
      l('mucus', '黏液'),
      l('smooth muscle', '平滑肌'),
      l('normal colon mucosa', '正常结肠黏膜'),
      l('cancer-associated stroma', '癌相关间质'),
      l('colorectal adenocarcinoma epithelium', '结直肠腺癌上皮'),
    ],
    3,
    [89996, 10004, 7180],
    'a8b06965200029087d5bd730944a56c1',
  ),
  info(
    'bloodmnist',
    'BloodMNIST',
    l('blood cell microscopy', '血细胞显微图像'),
    'multi-class',
    [
      l('basophil', '嗜碱性粒细胞'),
      l('eosinophil', '嗜酸性粒细胞'),
      l('erythroblast', '幼红细胞'),
      l(
        'immature granulocytes (myelocytes, metamyelocytes, promyelocytes)',
        '未成熟粒细胞（中幼、晚幼、早幼粒细胞）',
      ),
      l('lymphocyte', '淋巴细胞'),
      l('monocyte', '单核细胞'),
      l('neutrophil', '中性粒细胞'),
      l('platelet', '血小板'),
    ],
    3,
    [11959, 1712, 3421],
    '7053d0359d879ad8a5505303e11de1dc',
  ),
  info(
    'tissuemnist',
    'TissueMNIST',
    l('kidney cortex cell microscopy', '肾皮质细胞显微图像'),
    'multi-class',
    [
      l('collecting duct, connecting tubule', '集合管、连接小管'),
      l('distal convoluted tubule', '远曲小管'),
      l('glomerular endothelial cells', '肾小球内皮细胞'),
      l('interstitial endothelial cells', '间质内皮细胞'),
      l('leukocytes', '白细胞'),
      l('podocytes', '足细胞'),
      l('proximal tubule segments', '近端小管节段'),
      l('thick ascending limb', '髓袢升支粗段'),
    ],
    1,
    [165466, 23640, 47280],
    'ebe78ee8b05294063de985d821c1c34b',
  ),
];

/** The dataset with this id, or undefined. */
export function medMnistInfo(id: string): MedMnistInfo | undefined {
  return MEDMNIST_DATASETS.find((d) => d.id === id);
}

/**
 * The dataset a file name points to, e.g. `pneumoniamnist.npz`, `organamnist_64.npz`,
 * `Downloads/bloodmnist (1).npz` (case-insensitive), or undefined.
 */
export function medMnistIdFromFileName(fileName: string): MedMnistId | undefined {
  const base = (fileName.split(/[\\/]/).pop() ?? '').toLowerCase();
  const m = /^([a-z]+mnist)(?:_(?:28|64|128|224))?\b/.exec(base);
  return m?.[1] ? medMnistInfo(m[1])?.id : undefined;
}
