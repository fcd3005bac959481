/**
 * Latin words allowed in Chinese text: the brand, product and technical names, abbreviations
 * (the same list as tests/e2e/lessonState.e2e.mjs, which checks the rendered page).
 */
export const ALLOWED_LATIN =
  /^(Radiology|CNN|Lab|English|wasm|WebGL|WebGPU|CPU|GPU|SIMD|AI|ML|DL|HU|DICOM|PNG|JPEG|ROC|AUC|SVM|MLP|ReLU|SGD|Adam|Grad|CAM|TinyVGG|LeNet|MobileNet|ResNet|Net|MedMNIST|SwiftShader|TensorFlow|js|tfjs|URL|ms|px|MB|KB|et|al|Insights|Imaging|Deep|learning|in|radiology|an|overview|of|the|concepts|and|a|survey|state|art|COOP|COEP|CT|MR|MRI|PET|X|Conv|Pool|ECG|MONOCHROME|PS|VR|UID|cm|keV|NIST|XCOM|Buzug|Prokop|Galanski|T1|T2|TR|TE)$/;
