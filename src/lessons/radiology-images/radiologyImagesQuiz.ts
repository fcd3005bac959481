import type { QuizDef } from '../../core/lessons/types';
import { applyWindow, windowTransform } from '../../core/imaging/display/applyWindow';
import { huPerGreyLevel } from '../../core/imaging/huScale';
import { requireWindowPreset } from '../../core/imaging/display/windowPresets';
import { presetLw } from './radiologyImagesParams';

const fmt = (x: number, lang: 'en' | 'zh'): string => x.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');

/** Question 1: the modality LUT, stored × slope + intercept (DICOM PS3.3 C.11.1). */
const stored = 1000;
const slope = 1;
const intercept = -1024;
const hu = stored * slope + intercept;

/** Question 2: the grey level of 60 HU in the brain window, from the display pipeline itself. */
const brain = requireWindowPreset('brain');
const probeHu = 60;
const greyOf60 = applyWindow(Float32Array.of(probeHu), brain.center, brain.width)[0] ?? 0;

/** Question 3: the highest HU shown black in the lung window (PS3.3 C.11.2.1.2.1: x ≤ c − 0.5 − (w − 1)/2). */
const lung = requireWindowPreset('lung');
const lungBlack = windowTransform(lung.center, lung.width).lower;

/** Question 4: HU per grey level in the soft-tissue window. */
const soft = requireWindowPreset('soft-tissue');
const softHuPerGrey = huPerGreyLevel(soft.width);

/** The quiz of the radiology-images lesson. Every numeric answer is computed above. */
export const radiologyImagesQuiz: QuizDef = {
  questions: [
    {
      kind: 'numeric',
      id: 'rescale',
      prompt: {
        en: `A CT file stores the value ${stored} for a pixel, with Rescale Slope ${slope} and Rescale Intercept ${intercept}. What is the pixel in HU?`,
        zh: `某 CT 文件中一个像素的存储值为 ${stored}，重标度斜率为 ${slope}，截距为 ${intercept}。该像素是多少 HU？`,
      },
      answer: hu,
      tolerance: 0,
      unit: { en: 'HU', zh: 'HU' },
      explanation: {
        en: `HU = stored × slope + intercept = ${stored} × ${slope} + (${intercept}) = ${hu} HU: just below water, e.g. fluid or fat-containing tissue averaged with water.`,
        zh: `HU = 存储值 × 斜率 + 截距 = ${stored} × ${slope} + （${intercept}）= ${hu} HU：略低于水。`,
      },
    },
    {
      kind: 'numeric',
      id: 'brain-grey',
      prompt: {
        en: `In the brain window (L ${brain.center}, W ${brain.width}), which 8-bit grey level (0 = black, 255 = white) does a pixel of ${probeHu} HU get?`,
        zh: `在脑窗（L ${brain.center}，W ${brain.width}）中，${probeHu} HU 的像素显示为哪一级 8 位灰度（0 为黑，255 为白）？`,
      },
      answer: greyOf60,
      tolerance: 1,
      explanation: {
        en: `DICOM's linear window: ((x − (c − 0.5)) / (w − 1) + 0.5) × 255 = ((${probeHu} − ${brain.center - 0.5}) / ${brain.width - 1} + 0.5) × 255 ≈ ${greyOf60}. Fresh blood is bright in the brain window.`,
        zh: `DICOM 的线性窗函数：((x − (c − 0.5)) / (w − 1) + 0.5) × 255 = ((${probeHu} − ${brain.center - 0.5}) / ${brain.width - 1} + 0.5) × 255 ≈ ${greyOf60}。在脑窗中新鲜血液显示得很亮。`,
      },
    },
    {
      kind: 'numeric',
      id: 'lung-black',
      prompt: {
        en: `In the lung window (L ${lung.center}, W ${lung.width}), what is the highest HU value that is still shown pure black?`,
        zh: `在肺窗（L ${lung.center}，W ${lung.width}）中，仍显示为纯黑的最高 HU 值是多少？`,
      },
      answer: lungBlack,
      tolerance: 1,
      unit: { en: 'HU', zh: 'HU' },
      explanation: {
        en: `Black up to c − 0.5 − (w − 1)/2 = ${lung.center} − 0.5 − ${(lung.width - 1) / 2} = ${lungBlack} HU, so air (−1000 HU) is no longer black: the lung window shows differences inside aerated lung.`,
        zh: `c − 0.5 − (w − 1)/2 = ${lung.center} − 0.5 − ${(lung.width - 1) / 2} = ${lungBlack} HU 及以下显示为黑，所以空气（−1000 HU）不再是纯黑：肺窗能显示含气肺组织内部的差别。`,
      },
    },
    {
      kind: 'numeric',
      id: 'hu-per-grey',
      prompt: {
        en: `In the soft-tissue window (W ${soft.width}), how many HU share one of the 256 grey levels?`,
        zh: `在软组织窗（W ${soft.width}）中，256 级灰度中的每一级对应多少 HU？`,
      },
      answer: softHuPerGrey,
      tolerance: 0.01,
      unit: { en: 'HU', zh: 'HU' },
      explanation: {
        en: `${soft.width} / 256 = ${fmt(softHuPerGrey, 'en')} HU per grey level. With the whole 12-bit range (W 4096) it would be ${huPerGreyLevel(4096)} HU.`,
        zh: `${soft.width} / 256 = ${fmt(softHuPerGrey, 'zh')} HU 每级灰度。若显示整个 12 位范围（W 4096），则为 ${huPerGreyLevel(4096)} HU。`,
      },
    },
    {
      kind: 'choice',
      id: 'nodule-window',
      prompt: {
        en: 'You look for a small lung nodule on chest CT. Which window shows it best against the surrounding lung?',
        zh: '在胸部 CT 上寻找一个小的肺结节。哪一种窗最能把它与周围肺组织区分开？',
      },
      options: [
        {
          id: 'lung',
          text: { en: `Lung window (${presetLw('lung').en})`, zh: `肺窗（${presetLw('lung').zh}）` },
        },
        {
          id: 'brain',
          text: { en: `Brain window (${presetLw('brain').en})`, zh: `脑窗（${presetLw('brain').zh}）` },
        },
        {
          id: 'bone',
          text: { en: `Bone window (${presetLw('bone').en})`, zh: `骨窗（${presetLw('bone').zh}）` },
        },
        {
          id: 'liver',
          text: { en: `Liver window (${presetLw('liver').en})`, zh: `肝窗（${presetLw('liver').zh}）` },
        },
      ],
      correct: 'lung',
      explanation: {
        en: 'Aerated lung is around −850 HU and a solid nodule around +40 HU. Only the lung window puts both inside its range with room to show vessels; in the narrow windows all lung is black.',
        zh: '含气肺组织约为 −850 HU，实性结节约为 +40 HU。只有肺窗能同时容纳二者并显示血管；窄窗下整个肺野都是黑的。',
      },
    },
    {
      kind: 'choice',
      id: 'monochrome1',
      prompt: {
        en: 'A radiograph is stored as MONOCHROME1. What does that mean?',
        zh: '一幅 X 线片以 MONOCHROME1 存储，这意味着什么？',
      },
      options: [
        {
          id: 'min-white',
          text: { en: 'The lowest value is displayed white.', zh: '最小值显示为白。' },
        },
        { id: 'min-black', text: { en: 'The lowest value is displayed black.', zh: '最小值显示为黑。' } },
        { id: 'one-bit', text: { en: 'Each pixel has one bit.', zh: '每个像素只有 1 位。' } },
        { id: 'one-frame', text: { en: 'The file holds one frame.', zh: '文件只含一帧。' } },
      ],
      correct: 'min-white',
      explanation: {
        en: 'DICOM PS3.3 C.7.6.3.1.2: MONOCHROME1 is a greyscale image whose minimum value is displayed white; MONOCHROME2 displays it black. A viewer (and a training pipeline) must invert MONOCHROME1 images.',
        zh: 'DICOM PS3.3 C.7.6.3.1.2：MONOCHROME1 是最小值显示为白的灰度图像；MONOCHROME2 的最小值显示为黑。查看器（以及训练流程）必须反转 MONOCHROME1 图像。',
      },
    },
    {
      kind: 'choice',
      id: 'phi',
      prompt: {
        en: 'Which attribute must be removed or replaced when a DICOM file is de-identified?',
        zh: '对 DICOM 文件去标识化时，必须删除或替换下列哪个属性？',
      },
      options: [
        { id: 'patient-name', text: { en: 'Patient Name (0010,0010)', zh: '患者姓名（0010,0010）' } },
        { id: 'rows', text: { en: 'Rows (0028,0010)', zh: '行数（0028,0010）' } },
        { id: 'bits-stored', text: { en: 'Bits Stored (0028,0101)', zh: '存储位数（0028,0101）' } },
        { id: 'slope', text: { en: 'Rescale Slope (0028,1053)', zh: '重标度斜率（0028,1053）' } },
      ],
      correct: 'patient-name',
      explanation: {
        en: 'Patient Name is in the Basic Application Level Confidentiality Profile (DICOM PS3.15 Annex E). Rows, Bits Stored and Rescale Slope describe the pixels and must be kept, or the image cannot be read.',
        zh: '患者姓名属于基本应用级保密配置（DICOM PS3.15 附录 E）中需要处理的属性。行数、存储位数和重标度斜率描述像素本身，必须保留，否则图像无法读取。',
      },
    },
  ],
};
