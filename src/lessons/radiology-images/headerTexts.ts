/** Texts of the dicom-header widget, in both languages. */
export const headerTexts = {
  phiCount: {
    en: (n: number) =>
      `This sample's header holds ${n} identifying attribute${n === 1 ? '' : 's'} (synthetic values: the patient is a phantom). Open the metadata panel to see their names.`,
    zh: (n: number) =>
      `该样例的文件头含有 ${n} 个身份识别属性（均为合成值：患者是一个模型）。打开元数据面板可查看它们的名称。`,
  },
};
