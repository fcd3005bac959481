/**
 * SOP Class UIDs: their names (for the metadata panel) and, for the classes that hold no image,
 * what the file holds instead (for the 'no-pixel-data' message). UIDs and names from the DICOM
 * Registry, PS3.6 Table A-1; what each object is from its IOD in PS3.3 Annex A.
 */
import { ImageDecodeError } from '../ImageDecodeError';
import type { BilingualMessage } from '../ImageDecodeError';
import { cleanUid } from './transferSyntaxes';

const P = '1.2.840.10008.5.1.4.1.1.';

/** SOP Class UID → name, PS3.6 Table A-1 (image storage classes and the common non-image ones). */
const NAMES: Readonly<Record<string, string>> = {
  [`${P}1`]: 'Computed Radiography Image Storage',
  [`${P}1.1`]: 'Digital X-Ray Image Storage - For Presentation',
  [`${P}1.1.1`]: 'Digital X-Ray Image Storage - For Processing',
  [`${P}1.2`]: 'Digital Mammography X-Ray Image Storage - For Presentation',
  [`${P}1.2.1`]: 'Digital Mammography X-Ray Image Storage - For Processing',
  [`${P}1.3`]: 'Digital Intra-Oral X-Ray Image Storage - For Presentation',
  [`${P}1.3.1`]: 'Digital Intra-Oral X-Ray Image Storage - For Processing',
  [`${P}2`]: 'CT Image Storage',
  [`${P}2.1`]: 'Enhanced CT Image Storage',
  [`${P}2.2`]: 'Legacy Converted Enhanced CT Image Storage',
  [`${P}3.1`]: 'Ultrasound Multi-frame Image Storage',
  [`${P}4`]: 'MR Image Storage',
  [`${P}4.1`]: 'Enhanced MR Image Storage',
  [`${P}4.2`]: 'MR Spectroscopy Storage',
  [`${P}4.3`]: 'Enhanced MR Color Image Storage',
  [`${P}4.4`]: 'Legacy Converted Enhanced MR Image Storage',
  [`${P}6.1`]: 'Ultrasound Image Storage',
  [`${P}6.2`]: 'Enhanced US Volume Storage',
  [`${P}7`]: 'Secondary Capture Image Storage',
  [`${P}7.1`]: 'Multi-frame Single Bit Secondary Capture Image Storage',
  [`${P}7.2`]: 'Multi-frame Grayscale Byte Secondary Capture Image Storage',
  [`${P}7.3`]: 'Multi-frame Grayscale Word Secondary Capture Image Storage',
  [`${P}7.4`]: 'Multi-frame True Color Secondary Capture Image Storage',
  [`${P}9.1.1`]: '12-lead ECG Waveform Storage',
  [`${P}9.1.2`]: 'General ECG Waveform Storage',
  [`${P}9.1.3`]: 'Ambulatory ECG Waveform Storage',
  [`${P}9.2.1`]: 'Hemodynamic Waveform Storage',
  [`${P}9.4.1`]: 'Basic Voice Audio Waveform Storage',
  [`${P}11.1`]: 'Grayscale Softcopy Presentation State Storage',
  [`${P}11.2`]: 'Color Softcopy Presentation State Storage',
  [`${P}11.3`]: 'Pseudo-Color Softcopy Presentation State Storage',
  [`${P}11.4`]: 'Blending Softcopy Presentation State Storage',
  [`${P}12.1`]: 'X-Ray Angiographic Image Storage',
  [`${P}12.1.1`]: 'Enhanced XA Image Storage',
  [`${P}12.2`]: 'X-Ray Radiofluoroscopic Image Storage',
  [`${P}12.2.1`]: 'Enhanced XRF Image Storage',
  [`${P}13.1.1`]: 'X-Ray 3D Angiographic Image Storage',
  [`${P}13.1.3`]: 'Breast Tomosynthesis Image Storage',
  [`${P}13.1.4`]: 'Breast Projection X-Ray Image Storage - For Presentation',
  [`${P}13.1.5`]: 'Breast Projection X-Ray Image Storage - For Processing',
  [`${P}14.1`]: 'Intravascular OCT Image Storage - For Presentation',
  [`${P}20`]: 'Nuclear Medicine Image Storage',
  [`${P}30`]: 'Parametric Map Storage',
  [`${P}66`]: 'Raw Data Storage',
  [`${P}66.1`]: 'Spatial Registration Storage',
  [`${P}66.2`]: 'Spatial Fiducials Storage',
  [`${P}66.3`]: 'Deformable Spatial Registration Storage',
  [`${P}66.4`]: 'Segmentation Storage',
  [`${P}66.5`]: 'Surface Segmentation Storage',
  [`${P}67`]: 'Real World Value Mapping Storage',
  [`${P}77.1.1`]: 'VL Endoscopic Image Storage',
  [`${P}77.1.2`]: 'VL Microscopic Image Storage',
  [`${P}77.1.4`]: 'VL Photographic Image Storage',
  [`${P}77.1.5.1`]: 'Ophthalmic Photography 8 Bit Image Storage',
  [`${P}77.1.5.2`]: 'Ophthalmic Photography 16 Bit Image Storage',
  [`${P}77.1.5.4`]: 'Ophthalmic Tomography Image Storage',
  [`${P}77.1.6`]: 'VL Whole Slide Microscopy Image Storage',
  [`${P}88.11`]: 'Basic Text SR Storage',
  [`${P}88.22`]: 'Enhanced SR Storage',
  [`${P}88.33`]: 'Comprehensive SR Storage',
  [`${P}88.34`]: 'Comprehensive 3D SR Storage',
  [`${P}88.40`]: 'Procedure Log Storage',
  [`${P}88.50`]: 'Mammography CAD SR Storage',
  [`${P}88.59`]: 'Key Object Selection Document Storage',
  [`${P}88.65`]: 'Chest CAD SR Storage',
  [`${P}88.67`]: 'X-Ray Radiation Dose SR Storage',
  [`${P}88.68`]: 'Radiopharmaceutical Radiation Dose SR Storage',
  [`${P}104.1`]: 'Encapsulated PDF Storage',
  [`${P}104.2`]: 'Encapsulated CDA Storage',
  [`${P}104.3`]: 'Encapsulated STL Storage',
  [`${P}128`]: 'Positron Emission Tomography Image Storage',
  [`${P}128.1`]: 'Legacy Converted Enhanced PET Image Storage',
  [`${P}130`]: 'Enhanced PET Image Storage',
  [`${P}481.1`]: 'RT Image Storage',
  [`${P}481.2`]: 'RT Dose Storage',
  [`${P}481.3`]: 'RT Structure Set Storage',
  [`${P}481.4`]: 'RT Beams Treatment Record Storage',
  [`${P}481.5`]: 'RT Plan Storage',
  [`${P}481.8`]: 'RT Ion Plan Storage',
  '1.2.840.10008.1.3.10': 'Media Storage Directory Storage (DICOMDIR)',
  '1.2.840.10008.5.1.4.38.1': 'Hanging Protocol Storage',
};

/** The PS3.6 name of a SOP Class UID, or undefined when not in the table. */
export function sopClassName(uid: string): string | undefined {
  return NAMES[cleanUid(uid)];
}

/** What a non-image object holds, by SOP Class UID prefix (PS3.3 Annex A IODs). Longest prefix first. */
const NON_IMAGE: readonly (readonly [prefix: string, what: BilingualMessage])[] = [
  [
    `${P}88.59`,
    {
      en: 'a Key Object Selection document: a list of references to key images, not an image itself',
      zh: '关键对象选择文档：它只列出对关键图像的引用，本身不是图像',
    },
  ],
  [
    `${P}88.67`,
    {
      en: 'a Radiation Dose Structured Report: it holds dose numbers as text, not an image',
      zh: '辐射剂量结构化报告：它以文本形式记录剂量数值，而不是图像',
    },
  ],
  [
    `${P}88.`,
    {
      en: 'a Structured Report: it holds text (findings, measurements), not an image',
      zh: '结构化报告：它包含文本（所见、测量值），而不是图像',
    },
  ],
  [
    `${P}11.`,
    {
      en: 'a Presentation State: display settings (window, zoom, annotations) for another image, not an image itself',
      zh: '呈现状态：它保存另一幅图像的显示设置（窗宽窗位、缩放、标注），本身不是图像',
    },
  ],
  [
    `${P}481.3`,
    {
      en: 'an RT Structure Set: contours of organs and targets for radiotherapy, drawn on a CT series, not an image',
      zh: '放疗结构集：它保存在 CT 序列上勾画的器官和靶区轮廓，而不是图像',
    },
  ],
  [
    `${P}481.5`,
    {
      en: 'an RT Plan: a radiotherapy treatment plan, not an image',
      zh: '放疗计划：它是放射治疗方案，而不是图像',
    },
  ],
  [
    `${P}481.8`,
    {
      en: 'an RT Ion Plan: a particle therapy treatment plan, not an image',
      zh: '离子放疗计划：它是粒子治疗方案，而不是图像',
    },
  ],
  [
    `${P}481.2`,
    {
      en: 'an RT Dose object without a dose grid (only dose-volume histograms)',
      zh: '不含剂量网格的放疗剂量对象（只有剂量体积直方图）',
    },
  ],
  [`${P}481.`, { en: 'a radiotherapy record, not an image', zh: '放疗记录，而不是图像' }],
  [
    `${P}104.1`,
    {
      en: 'an Encapsulated PDF: a PDF document (often a report) wrapped in DICOM, not an image',
      zh: '封装的 PDF：一份包装在 DICOM 中的 PDF 文档（通常是报告），而不是图像',
    },
  ],
  [
    `${P}104.2`,
    {
      en: 'an Encapsulated CDA: a clinical document wrapped in DICOM, not an image',
      zh: '封装的 CDA：一份包装在 DICOM 中的临床文档，而不是图像',
    },
  ],
  [
    `${P}104.`,
    {
      en: 'an encapsulated document or 3D model wrapped in DICOM, not an image',
      zh: '包装在 DICOM 中的文档或三维模型，而不是图像',
    },
  ],
  [`${P}66.4`, { en: 'a Segmentation without pixel data', zh: '不含像素数据的分割对象' }],
  [
    `${P}66.5`,
    {
      en: 'a Surface Segmentation: 3D surface meshes, not pixels',
      zh: '表面分割：它保存三维表面网格，而不是像素',
    },
  ],
  [
    `${P}66.1`,
    {
      en: 'a Spatial Registration: a transform that aligns two image series, not an image',
      zh: '空间配准：它保存对齐两个图像序列的变换，而不是图像',
    },
  ],
  [
    `${P}66.3`,
    {
      en: 'a Deformable Spatial Registration: a deformation that aligns two image series, not an image',
      zh: '可变形空间配准：它保存对齐两个图像序列的形变，而不是图像',
    },
  ],
  [
    `${P}66.2`,
    {
      en: 'a Spatial Fiducials object: landmark points, not an image',
      zh: '空间基准点对象：它保存标志点，而不是图像',
    },
  ],
  [
    `${P}66`,
    {
      en: 'Raw Data: vendor-specific scanner data that only the scanner software can read, not an image',
      zh: '原始数据：只有扫描设备软件才能读取的厂商专有数据，而不是图像',
    },
  ],
  [
    `${P}67`,
    {
      en: 'a Real World Value Mapping: a table that converts pixel values to physical units, not an image',
      zh: '真实世界值映射：它是把像素值换算为物理单位的表，而不是图像',
    },
  ],
  [
    `${P}9.`,
    {
      en: 'a waveform (for example an ECG or audio), not an image',
      zh: '波形（例如心电图或音频），而不是图像',
    },
  ],
  [`${P}4.2`, { en: 'MR Spectroscopy: spectra, not an image', zh: '磁共振波谱：它保存波谱，而不是图像' }],
  [
    '1.2.840.10008.1.3.10',
    {
      en: 'a DICOMDIR: the index of a CD or DVD, listing the image files stored next to it. Open those image files instead',
      zh: 'DICOMDIR：光盘的目录文件，列出同一光盘上的图像文件。请改为打开这些图像文件',
    },
  ],
  [
    '1.2.840.10008.5.1.4.38.1',
    {
      en: 'a Hanging Protocol: layout rules for a viewer, not an image',
      zh: '挂片协议：阅片软件的布局规则，而不是图像',
    },
  ],
];

/**
 * 'no-pixel-data' error naming what the file is from its SOP Class UID (0008,0016), e.g.
 * "This DICOM file is a Structured Report: it holds text (findings, measurements), not an image."
 */
export function noPixelDataError(sopClassUid: string | undefined): ImageDecodeError {
  const uid = sopClassUid ?? '';
  const match = NON_IMAGE.find(
    ([prefix]) => uid === prefix || (prefix.endsWith('.') && uid.startsWith(prefix)),
  );
  if (match !== undefined) {
    const what = match[1];
    return new ImageDecodeError('no-pixel-data', {
      en: `This DICOM file is ${what.en}. There is nothing to display as an image.`,
      zh: `此 DICOM 文件是${what.zh}。没有可以作为图像显示的内容。`,
    });
  }
  const name = uid === '' ? undefined : sopClassName(uid);
  const label = name !== undefined ? `${name} (${uid})` : uid !== '' ? `SOP Class ${uid}` : undefined;
  return new ImageDecodeError('no-pixel-data', {
    en: `This DICOM file${label !== undefined ? ` (${label})` : ''} has no Pixel Data element (7FE0,0010), so it holds no image to display. Open an image file of the series instead.`,
    zh: `此 DICOM 文件${uid !== '' ? `（SOP 类 UID ${uid}）` : ''}没有像素数据元素（7FE0,0010），因此不含可显示的图像。请改为打开该序列中的图像文件。`,
  });
}
