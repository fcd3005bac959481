/**
 * The frame shared by the charts of this folder whose axes both span the unit interval 0…1 (ROC,
 * precision–recall, reliability diagram): linear scales from [0, 1] onto the plotting area (y
 * upwards), the {@link AxesFrame} their axes are drawn in, and the dashed grey reference lines
 * (chance diagonal, guessing baseline) and the curve path they draw. Framework-free.
 */
import { scaleLinear, type ScaleLinear } from 'd3';
import type { AxesFrame, Figure, Margin } from './axes';
import { OKABE_ITO } from './colorMaps';

/** The scales and axes frame of a unit-square chart. */
export interface UnitSquarePlot {
  frame: AxesFrame;
  /** [0, 1] → [margin.left, width − margin.right]. */
  sx: ScaleLinear<number, number>;
  /** [0, 1] → [plotBottom, margin.top] (0 at the bottom). */
  sy: ScaleLinear<number, number>;
}

/**
 * The scales and axes frame of a `width` × `height` figure whose plotting area lies inside
 * `margin`, its bottom edge at `plotBottom` (default `height − margin.bottom`; lower it to leave
 * room for something under the plot). Axis titles sit 6 units above the bottom edge and 14 units
 * from the left edge.
 */
export function unitSquarePlot(
  width: number,
  height: number,
  margin: Margin,
  plotBottom = height - margin.bottom,
): UnitSquarePlot {
  return {
    frame: { width, height, margin, titleInset: { bottom: 6, left: 14 } },
    sx: scaleLinear()
      .domain([0, 1])
      .range([margin.left, width - margin.right]),
    sy: scaleLinear().domain([0, 1]).range([plotBottom, margin.top]),
  };
}

/** Appends a dashed grey reference line of class `className` (the caller sets its ends). */
export function appendReferenceLine(svg: Figure, className: string) {
  return svg
    .append('line')
    .attr('class', className)
    .attr('stroke', '#767676')
    .attr('stroke-dasharray', '4 4');
}

/** Appends the diagonal y = x from (0, 0) to (1, 1) as a {@link appendReferenceLine}. */
export function appendDiagonal(svg: Figure, className: string, { sx, sy }: UnitSquarePlot): void {
  appendReferenceLine(svg, className).attr('x1', sx(0)).attr('y1', sy(0)).attr('x2', sx(1)).attr('y2', sy(1));
}

/** Appends the unfilled path of a chart's curve, stroked in Okabe–Ito blue (the caller sets `d`). */
export function appendCurvePath(svg: Figure, className: string, strokeWidth: number) {
  return svg
    .append('path')
    .attr('class', className)
    .attr('fill', 'none')
    .attr('stroke', OKABE_ITO[5])
    .attr('stroke-width', strokeWidth);
}
