import type { WindowChoice } from '../../core/imaging/display/defaultWindow';
import type { ViewerImage } from '../../core/imaging/display/displayFrame';
import type { VoiWindow } from '../../core/imaging/display/voiWindow';
import type { ImageDecoder } from './useImageLoader';

/** Props of the Viewer component. */
export interface ViewerProps {
  /**
   * The image to show (a decoded DICOM, a PNG/JPEG, or a plain array). The user may still open
   * another. Pass a stable object (memoised): a new object means a new image, which resets the
   * frame, view, probe and (uncontrolled) window.
   */
  image?: ViewerImage | null;
  /** Controlled window (e.g. kept in the URL); leave undefined to let the viewer own it. */
  window?: VoiWindow;
  /** Called with every new window (at most once per animation frame while dragging). */
  onWindowChange?(window: VoiWindow): void;
  /** The window an image opens with, when it applies (a preset needs an HU image): 'file', 'auto' or a preset id. */
  initialPreset?: WindowChoice;
  /** Called when the user opened a file or a sample, with the window it would open with. */
  onImageLoaded?(image: ViewerImage, info: { name: string; defaultWindow: VoiWindow }): void;
  /** File picker, drag and drop, and the sample gallery (default true). */
  showLoader?: boolean;
  /** The sample gallery (default: as `showLoader`). */
  showGallery?: boolean;
  /** The metadata panel (default true). */
  showMetadata?: boolean;
  /** Decoder for opened files (default `decodeImageFile`). */
  decode?: ImageDecoder;
  /** Accessible name of the viewer region. */
  label?: string;
}

/** Pixel height over width from Pixel Spacing (0028,0030) = [row spacing, column spacing] (PS3.3 C.7.6.2.1.1). */
export function pixelAspectOf(image: ViewerImage | null): number {
  const s = image && image.kind !== 'raster' ? image.pixelSpacing : undefined;
  return s && s[0] > 0 && s[1] > 0 ? s[0] / s[1] : 1;
}
