/**
 * The DOM of the step-through that changes from frame to frame, updated directly (no React render per
 * frame): the window outline on the enlarged region, the patch and product numbers, the worked line,
 * the output cells filled so far, the status line and the `data-*` attributes an end-to-end test reads.
 * Everything it shows is read from the precomputed {@link StepperModel}.
 */
import type { Lang } from '../../core/lessons/types';
import { blueOrange } from '../../core/viz/colorMaps';
import { commonTexts as C, stepperTexts as T } from './convolutionTexts';
import { fmt3, positionOf, workedLine, type Crop, type StepperModel } from './slidingWindow';

const SVG = 'http://www.w3.org/2000/svg';

/** What the widget drives. */
export interface StepperView {
  /** Shows output position p. */
  show(p: number, playing: boolean): void;
  setPlaying(on: boolean): void;
  /** Pointer at fractions (fx, fy) of the enlarged region; negative: the pointer left. */
  hover(fx: number, fy: number): void;
  /** The region got keyboard focus: the read-out names the pixel under the window's centre. */
  focusReadout(): void;
}

function svgEl(name: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** Builds the changing parts inside `root` (the widget's element) and returns their driver. */
export function createStepperView(
  root: HTMLElement,
  model: StepperModel,
  crop: Crop,
  lang: Lang,
): StepperView {
  const q = <T extends Element>(sel: string): T | null => root.querySelector<T>(sel);
  const cropSvg = q<SVGSVGElement>('svg[data-role="crop"]');
  const outSvg = q<SVGSVGElement>('svg[data-role="output"]');
  const patchCells = [...root.querySelectorAll<HTMLElement>('[data-testid="conv-patch"] > span')];
  const productCells = [...root.querySelectorAll<HTMLElement>('[data-testid="conv-products"] > span')];
  const worked = q<HTMLElement>('[data-role="worked"]');
  const status = q<HTMLElement>('[data-role="status"]');
  const readout = q<HTMLElement>('[data-role="readout"]');
  const { volume, x0, y0 } = crop;
  const pad = model.padding;
  const cols = volume.width + pad.left + pad.right;
  const rows = volume.height + pad.top + pad.bottom;
  const { k, stride } = model;

  // The enlarged region: one grey cell per pixel, dashed cells for the padding, the window on top.
  let windowRect: SVGElement | null = null;
  if (cropSvg) {
    cropSvg.replaceChildren();
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const y = r - pad.top;
        const x = c - pad.left;
        const inside = y >= 0 && y < volume.height && x >= 0 && x < volume.width;
        const g = inside ? Math.round(255 * Math.max(0, Math.min(1, volume.data[y * volume.width + x]!))) : 0;
        cropSvg.appendChild(
          svgEl('rect', {
            x: c,
            y: r,
            width: 1,
            height: 1,
            class: inside ? 'conv-cell' : 'conv-cell conv-cell--pad',
            fill: inside ? `rgb(${g}, ${g}, ${g})` : 'none',
          }),
        );
      }
    windowRect = svgEl('rect', { x: 0, y: 0, width: k, height: k, class: 'conv-window' });
    cropSvg.appendChild(windowRect);
  }

  // The output map: one cell per position, coloured once computed; the current one outlined.
  const fills = model.terms.map((t) => blueOrange(t.output / model.range[1]));
  const outCells: SVGElement[] = [];
  let current: SVGElement | null = null;
  if (outSvg) {
    outSvg.replaceChildren();
    model.terms.forEach((t) => {
      const cell = svgEl('rect', {
        x: t.ox,
        y: t.oy,
        width: 1,
        height: 1,
        class: 'conv-out-cell',
        fill: 'none',
      });
      outCells.push(cell);
      outSvg.appendChild(cell);
    });
    current = svgEl('rect', { x: 0, y: 0, width: 1, height: 1, class: 'conv-out-current' });
    outSvg.appendChild(current);
  }

  let filled = -1;
  let shown = 0;
  let hovering = false;
  let focusMode = false;

  function pixelText(gr: number, gc: number): string {
    const y = gr - pad.top;
    const x = gc - pad.left;
    if (y < 0 || y >= volume.height || x < 0 || x >= volume.width) return T.padCell[lang](y0 + y, x0 + x);
    return T.pixel[lang](y0 + y, x0 + x, fmt3(volume.data[y * volume.width + x]!));
  }

  function centreText(): string {
    const t = model.terms[shown];
    const centre = t?.taps[(t.taps.length - 1) >> 1];
    return centre ? pixelText(centre.y + pad.top, centre.x + pad.left) : '';
  }

  function show(p: number, playing: boolean): void {
    const t = model.terms[p];
    root.dataset.position = String(p);
    root.dataset.playing = String(playing);
    if (!t) {
      root.dataset.output = '';
      return;
    }
    shown = p;
    root.dataset.output = String(t.output);
    const { oy, ox } = positionOf(p, model.outWidth);
    windowRect?.setAttribute('transform', `translate(${ox * stride} ${oy * stride})`);
    for (let i = 0; i < t.taps.length; i++) {
      const tap = t.taps[i]!;
      const pc = patchCells[i];
      if (pc) pc.textContent = fmt3(tap.value);
      const pr = productCells[i];
      if (pr) pr.textContent = fmt3(tap.product);
    }
    if (worked) worked.textContent = workedLine(t);
    // Fill the output up to p (and clear beyond it when stepping back).
    for (let j = filled + 1; j <= p; j++) outCells[j]?.setAttribute('fill', fills[j]!);
    for (let j = p + 1; j <= filled; j++) outCells[j]?.setAttribute('fill', 'none');
    filled = p;
    current?.setAttribute('x', String(ox));
    current?.setAttribute('y', String(oy));
    if (status) status.textContent = C.position[lang](p + 1, model.positions, oy, ox);
    if (focusMode && !hovering && readout) readout.textContent = centreText();
  }

  return {
    show,
    setPlaying(on) {
      root.dataset.playing = String(on);
    },
    hover(fx, fy) {
      if (!readout) return;
      const gc = Math.floor(fx * cols);
      const gr = Math.floor(fy * rows);
      hovering = fx >= 0 && fy >= 0 && gc < cols && gr < rows;
      readout.textContent = hovering ? pixelText(gr, gc) : focusMode ? centreText() : '';
    },
    focusReadout() {
      focusMode = true;
      if (readout && !hovering) readout.textContent = centreText();
    },
  };
}
