import type { StepDef } from '../../core/lessons/types';
import { TISSUE_HU, huPerGreyLevel, tissue } from '../../core/imaging/huScale';
import { radiologyImagesQuiz } from './radiologyImagesQuiz';
import { requireWindowPreset } from '../../core/imaging/display/windowPresets';
import { MU_PARAM, SAMPLE_PARAM, WINDOW_PARAMS, presetLw, windowParams } from './radiologyImagesParams';

const fullRangeHuPerGrey = huPerGreyLevel(4096);
const grey = tissue('grey-matter');
const white = tissue('white-matter');
const gmWmGap = (grey.range[0] + grey.range[1]) / 2 - (white.range[0] + white.range[1]) / 2;
const tissueCount = TISSUE_HU.length;
/** The presets the texts name (level and width from windowPresets.ts), and the one the live step opens with. */
const LUNG = requireWindowPreset('lung');
const LUNG_LW = presetLw('lung');
const MEDIASTINUM_LW = presetLw('mediastinum');
const BONE_LW = presetLw('bone');
const BRAIN_LW = presetLw('brain');

/** Step 1: what a CT pixel value means. */
const hu: StepDef = {
  id: 'hounsfield',
  title: { en: 'What a CT pixel means', zh: 'CT 像素值的含义' },
  widget: 'hu-scale',
  params: [MU_PARAM],
  body: {
    en: `A CT image is a grid of numbers. Each number is the **linear attenuation coefficient µ** of the tissue in that voxel — how strongly it weakens an X-ray beam — rescaled to **Hounsfield units (HU)**:

HU = 1000 × (µ − µ_water) / (µ_water − µ_air)

By this definition water is exactly 0 HU and air −1000 HU, whatever the scanner. Fat is a little below water, soft tissues a little above, bone far above. The table above lists ${tissueCount} tissues with the ranges given in CT textbooks; move the µ slider under **Parameters** to turn an attenuation coefficient into HU yourself.

- The file stores integers (stored values); the DICOM attributes **Rescale Slope** and **Rescale Intercept** turn them into HU: HU = stored × slope + intercept.
- A CT number is a physical measurement: a radiologist reads “−20 HU” as fat-containing, “+60 HU” as possibly fresh blood.`,
    zh: `一幅 CT 图像就是一个数字网格。每个数字是该体素内组织的**线性衰减系数 µ**（它使 X 线束减弱的程度），换算成**亨氏单位（HU）**：

HU = 1000 × (µ − µ_水) / (µ_水 − µ_空气)

按此定义，无论哪台扫描仪，水都恰好是 0 HU，空气是 −1000 HU。脂肪略低于水，软组织略高于水，骨远高于水。上表列出 CT 教科书给出的 ${tissueCount} 种组织的取值范围；拖动“参数”中的 µ 滑块，亲手把衰减系数换算成 HU。

- 文件里存的是整数（存储值）；DICOM 属性**重标度斜率**（0028,1053）和**重标度截距**（0028,1052）把它们变成 HU：HU = 存储值 × 斜率 + 截距。
- CT 值是物理测量值：放射科医生看到“−20 HU”会想到含脂肪，看到“+60 HU”会想到可能是新鲜出血。`,
  },
  notes: {
    en: 'Ask the room which tissue they would expect between fat and water (none: fluid with protein sits just above 0). Stress that HU are only meaningful for CT: MR signal intensities have no absolute unit.',
    zh: '请学员说出介于脂肪与水之间的组织（没有：含蛋白的液体略高于 0）。强调 HU 只对 CT 有意义：磁共振的信号强度没有绝对单位。',
  },
};

/** Step 2: why windowing exists, with the arithmetic of 12-bit data on 8-bit screens. */
const windowing: StepDef = {
  id: 'why-windowing',
  title: { en: 'Why windowing exists', zh: '为什么需要窗宽窗位' },
  widget: 'window-math',
  params: WINDOW_PARAMS,
  body: {
    en: `CT data are stored with 12 bits: 4,096 possible values, typically −1024 to +3071 HU. A screen shows 256 grey levels per channel (8 bits), and a human observer can tell apart far fewer grey shades than 4,096 at once.

If all 4,096 values were squeezed onto 256 grey levels, each grey level would cover ${fullRangeHuPerGrey} HU. Grey and white matter differ by only about ${gmWmGap} HU, so they would share the same grey: the brain would look uniform.

**Windowing** maps only a chosen band of HU onto the full grey scale. The band is given by its **centre (level, L)** and **width (W)**: values below L − W/2 are black, values above L + W/2 are white, and values in between are spread linearly (DICOM PS3.3 C.11.2.1.2). Everything outside the window is hidden, not deleted: change the window and it comes back.`,
    zh: `CT 数据以 12 位存储：共 4096 个可能的值，通常是 −1024 到 +3071 HU。屏幕每个通道只显示 256 级灰度（8 位），人眼一次能分辨的灰阶也远少于 4096 级。

如果把 4096 个值全部压到 256 级灰度上，每一级灰度要覆盖 ${fullRangeHuPerGrey} HU。脑灰质与白质只相差约 ${gmWmGap} HU，二者会显示成同一种灰：整个大脑看起来毫无层次。

**窗宽窗位**只把选定的一段 HU 映射到整个灰阶上。这一段由**窗位（中心，L）**和**窗宽（W）**确定：低于 L − W/2 的值显示为黑，高于 L + W/2 的值显示为白，二者之间线性分布（DICOM PS3.3 C.11.2.1.2）。窗外的值只是被隐藏而不是被删除：换一个窗，它们就又出现了。`,
  },
  notes: {
    en: `Set W = 4096 first and show that brain tissues collapse into one grey level; then set the brain window (${BRAIN_LW.en}). Ask: how many HU does one grey level cover now?`,
    zh: `先把窗宽设为 4096，展示脑组织挤成同一灰阶；再设为脑窗（${BRAIN_LW.zh}）。提问：现在每一级灰度覆盖多少 HU？`,
  },
};

/** Step 3: live window/level on a sample slice. */
const live: StepDef = {
  id: 'window-live',
  title: { en: 'Window and level, live', zh: '实时调节窗宽窗位' },
  widget: 'dicom-viewer',
  params: [SAMPLE_PARAM, ...windowParams(LUNG.center, LUNG.width)],
  body: {
    en: `Here is a CT slice from our phantom gallery, or any DICOM file you drop on the viewer. Drag on the image as radiology workstations do: **left–right changes the width**, **up–down changes the level**. The arrow keys do the same when the image has the focus.

- Try the presets: **lung** (${LUNG_LW.en}) shows the vessels inside the black lung; **mediastinum** (${MEDIASTINUM_LW.en}) shows the heart and great vessels; **bone** (${BONE_LW.en}) shows the spine and ribs.
- Move the pointer over the image: the probe reads the HU value from the data, not from the screen grey.
- Your file never leaves your computer: it is decoded in this page.`,
    zh: `这是模型库中的一张 CT 切片，也可以把任何 DICOM 文件拖到查看器上。像放射科工作站一样在图像上拖动：**左右拖动改变窗宽**，**上下拖动改变窗位**。图像获得焦点时，方向键有同样的作用。

- 试试预设：**肺窗**（${LUNG_LW.zh}）能看到黑色肺野里的血管；**纵隔窗**（${MEDIASTINUM_LW.zh}）能看到心脏和大血管；**骨窗**（${BONE_LW.zh}）能看到脊柱和肋骨。
- 把指针移到图像上：探针读出的是数据中的 HU 值，而不是屏幕上的灰度。
- 你的文件不会离开你的电脑：它就在本页面内解码。`,
  },
  notes: {
    en: 'Put a nodule sample on the projector and find the nodule first in the mediastinal window (where it hides), then in the lung window. The window values are in the link: copy it to reopen exactly this view.',
    zh: '投影一张含结节的样例，先在纵隔窗中寻找结节（此时它不明显），再切换到肺窗。窗宽窗位写在链接里：复制链接即可重新打开同一视图。',
  },
};

/** Step 4: MONOCHROME1 versus MONOCHROME2. */
const monochrome: StepDef = {
  id: 'monochrome',
  title: { en: 'MONOCHROME1 and MONOCHROME2', zh: 'MONOCHROME1 与 MONOCHROME2' },
  widget: 'monochrome',
  params: [],
  body: {
    en: `The DICOM attribute **Photometric Interpretation** says how a number becomes a grey. In **MONOCHROME2** the lowest value is black; in **MONOCHROME1** the lowest value is white (DICOM PS3.3 C.7.6.3.1.2). Computed and digital radiographs are often stored as MONOCHROME1.

The two images above hold the **same numbers**. A viewer that ignores the attribute shows a MONOCHROME1 radiograph as a photographic negative: bones black, lungs white. A CNN that ignores it learns from inverted images — a classic pitfall when data from several hospitals are pooled.`,
    zh: `DICOM 属性**光度解释**（0028,0004）规定数字如何变成灰度。在 **MONOCHROME2** 中最小值显示为黑；在 **MONOCHROME1** 中最小值显示为白（DICOM PS3.3 C.7.6.3.1.2）。计算机 X 线摄影和数字 X 线摄影图像常以 MONOCHROME1 存储。

上面两幅图保存的是**同一组数字**。忽略这一属性的查看器会把 MONOCHROME1 的胸片显示成底片：骨骼变黑、肺野变白。忽略它的卷积神经网络会从反转的图像中学习——这是汇集多家医院数据时的典型陷阱。`,
  },
  notes: {
    en: 'Ask what a model trained only on MONOCHROME2 radiographs would do with an unconverted MONOCHROME1 image. Link forward to the pitfalls lesson (domain shift).',
    zh: '提问：只用 MONOCHROME2 胸片训练的模型，遇到未经转换的 MONOCHROME1 图像会怎样？引出“陷阱”一课中的域偏移。',
  },
};

/** Step 5: the DICOM header and privacy. */
const header: StepDef = {
  id: 'header',
  title: { en: 'The DICOM header and privacy', zh: 'DICOM 文件头与隐私' },
  widget: 'dicom-header',
  params: [SAMPLE_PARAM],
  body: {
    en: `A DICOM file is a header of attributes followed by the pixels. Each attribute has a **tag** (group, element), a **value representation** (VR: the data type) and a value. The header tells the viewer how to read the pixels (Rows, Columns, Bits Stored, Pixel Representation, Transfer Syntax), how to turn them into physical values (Rescale Slope and Intercept) and how to show them (Window Center and Width, Photometric Interpretation).

The header also identifies the patient: name, ID, birth date, accession number, dates, institution. Before images are used for teaching or research they must be **de-identified** (DICOM PS3.15 Annex E lists the attributes to remove or replace). This viewer lists only the **names** of the identifying attributes a file contains, hidden until you ask, never their values — and nothing is uploaded anywhere.`,
    zh: `DICOM 文件由一串属性组成的文件头和其后的像素组成。每个属性都有一个**标签**（组号、元素号）、一个**值表示**（VR：数据类型）和一个值。文件头告诉查看器如何读取像素（行数、列数、存储位数、像素表示、传输语法），如何把像素变成物理量（重标度斜率与截距），以及如何显示（窗位与窗宽、光度解释）。

文件头还能识别患者：姓名、编号、出生日期、检查号、日期、医疗机构。把图像用于教学或科研之前必须**去标识化**（DICOM PS3.15 附录 E 列出了需要删除或替换的属性）。本查看器只列出文件中身份识别属性的**名称**，默认隐藏，从不显示其值——也不会上传任何内容。`,
  },
  notes: {
    en: 'Drop a real (de-identified) teaching file on the viewer and open the metadata panel. Discuss burnt-in annotations: pixel data can hold names too, and header de-identification does not remove them.',
    zh: '把一份真实的（已去标识化的）教学文件拖到查看器上，打开元数据面板。讨论像素中烧录的注释：像素数据里也可能有姓名，文件头去标识化并不能去掉它们。',
  },
};

/** Step 6: the quiz. */
const quiz: StepDef = {
  id: 'quiz',
  title: { en: 'Check your understanding', zh: '检验理解' },
  widget: 'text',
  params: [],
  body: {
    en: 'Answer the questions below. The numeric answers are computed by the same code that drives the viewer.',
    zh: '回答下面的问题。数值题的答案由驱动查看器的同一段代码计算得出。',
  },
  notes: {
    en: 'Work through the first numeric question together on the board: stored value × slope + intercept.',
    zh: '在黑板上一起完成第一道数值题：存储值 × 斜率 + 截距。',
  },
  quiz: radiologyImagesQuiz,
};

/** The steps of the radiology-images lesson, in order. */
export const radiologyImagesSteps: readonly StepDef[] = [hu, windowing, live, monochrome, header, quiz];
