/**
 * Latin words allowed in Chinese text: the brand, product and technical names, abbreviations
 * (the same list as tests/e2e/lessonState.e2e.mjs, which checks the rendered page).
 */
export const ALLOWED_LATIN =
  /^(Radiology|CNN|Lab|English|wasm|WebGL|WebGPU|CPU|GPU|SIMD|AI|ML|DL|HU|DICOM|PNG|JPEG|ROC|AUC|SVM|MLP|ReLU|SGD|Adam|Grad|CAM|TinyVGG|LeNet|MobileNet|ResNet|Net|MedMNIST|SwiftShader|TensorFlow|js|tfjs|URL|ms|px|MB|KB|et|al|Insights|Imaging|Deep|learning|in|radiology|an|overview|of|the|concepts|and|a|survey|state|art|COOP|COEP|CT|MR|MRI|PET|X|Conv|Pool|ECG|MONOCHROME|PS|VR|UID|cm|keV|NIST|XCOM|Buzug|Prokop|Galanski|DenOtter|Schubert|Brant|Helms|T1|T2|TR|TE|ELU|GELU|Sobel|Prewitt|tanh|sigmoid|max|exp|erf|U|VGG|Explainer|FLOPs|FLOP|MFLOP|kFLOP|PSNR|dB|Dice|softmax|logit|logits|mm|LeCun|Howard|Ronneberger|Selvaraju|Vincent|Gondara|Araujo|He|Wang|zip|npz|PPV|NPV|TP|TN|FP|FN|ln|Altman|Bland|Hanley|McNeil|Guo|Goodfellow|Shorten|Khoshgoftaar|Yang|Yagis|OCT|HE|HiResCAM|Draelos|Carin)$/;

/**
 * Latin names allowed in the Chinese error messages of the imaging module, which name file formats,
 * DICOM attributes and values, standards and tools; matched against each part of a word split at
 * `_` and `-` (see `expectGoodChineseMessage` in tests/unit/helpers/chineseText.ts).
 */
export const ALLOWED_IMAGING_NAMES =
  /^(DICOM|DICM|DICOMDIR|PNG|JPEG|JPIP|HTJ2K|RPCL|MPEG|MPEG2|CT|MR|PET|UID|SOP|PDF|CDA|RLE|VR|ACR|NEMA|RGB|ARGB|CMYK|HSV|YBR|FULL|PALETTE|COLOR|MONOCHROME1|MONOCHROME2|PS3|C|ZIP|GIF|TIFF|BMP|WebP|HEIC|AVIF|MP4|MOV|NIfTI|NRRD|RAR|gzip|Deflate|LS|XL|SV1|gdcmconv|raw|dcmtk|dcmdjpeg|x|7z)$/;
