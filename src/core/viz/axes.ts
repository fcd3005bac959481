/**
 * The frame that the chart engines of this folder share: an `<svg role="img">` figure named by its
 * `<title>` and `<desc>`, and a pair of axes (bottom and left) with their titles, drawn in the
 * figure's own coordinates around a plotting area set by margins. Framework-free.
 */
import { axisBottom, axisLeft, select, type AxisScale, type NumberValue, type Selection } from 'd3';

/** An SVG figure appended to a container. */
export type Figure = Selection<SVGSVGElement, unknown, null, undefined>;

/** Space between the figure's edges and its plotting area, in SVG units. */
export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Where the axes of a chart go, in the figure's SVG units. */
export interface AxesFrame {
  width: number;
  height: number;
  margin: Margin;
  /**
   * `bottom`: height of the x title's baseline above the bottom edge; `left`: distance of the
   * (rotated) y title's baseline from the left edge.
   */
  titleInset: { bottom: number; left: number };
  /**
   * Centres the x title on the plotting area. By default it is centred between the y axis and the
   * right edge of the figure.
   */
  centreXTitleOnPlot?: boolean;
}

/** What {@link Axes.draw} draws. */
export interface AxesContent {
  /** Scales whose ranges are in figure coordinates (x from `margin.left`, y up from the bottom). */
  x: AxisScale<NumberValue>;
  y: AxisScale<NumberValue>;
  xLabel: string;
  yLabel: string;
  /** Number of ticks d3 aims for on each axis. Default 6. */
  ticks?: number;
  /** Tick labels of the x axis; default d3's. */
  xFormat?: (v: number) => string;
  /** Tick labels of the y axis; default d3's. */
  yFormat?: (v: number) => string;
}

/** The axes of one chart, made by {@link appendAxes}. */
export interface Axes {
  /** Draws both axes at the frame's edges and writes their titles. */
  draw(frame: AxesFrame, content: AxesContent): void;
}

/**
 * Appends an `<svg role="img">` of class `className` to `container`, its accessible name and
 * description in `<title>` and `<desc>`. The caller sets its `viewBox`.
 */
export function appendFigure(
  container: Element,
  className: string,
  title: string,
  description: string,
): Figure {
  const svg = select(container).append('svg').attr('class', className).attr('role', 'img');
  svg.append('title').text(title);
  svg.append('desc').text(description);
  return svg;
}

/**
 * Appends the groups of an x axis (along the bottom of the plotting area) and a y axis (along its
 * left side) and their titles to `svg`, where they stack above what was appended before.
 */
export function appendAxes(svg: Figure): Axes {
  const xAxis = svg.append('g');
  const yAxis = svg.append('g');
  const xTitle = svg.append('text').attr('text-anchor', 'middle');
  const yTitle = svg.append('text').attr('text-anchor', 'middle');
  return {
    draw({ width, height, margin, titleInset, centreXTitleOnPlot }, content) {
      const ticks = content.ticks ?? 6;
      const bottom = axisBottom(content.x).ticks(ticks);
      const left = axisLeft(content.y).ticks(ticks);
      const { xFormat, yFormat } = content;
      if (xFormat) bottom.tickFormat((d) => xFormat(Number(d)));
      if (yFormat) left.tickFormat((d) => yFormat(Number(d)));
      xAxis.attr('transform', `translate(0,${height - margin.bottom})`).call(bottom);
      yAxis.attr('transform', `translate(${margin.left},0)`).call(left);
      xTitle
        .attr('x', (width + margin.left - (centreXTitleOnPlot ? margin.right : 0)) / 2)
        .attr('y', height - titleInset.bottom)
        .text(content.xLabel);
      yTitle
        .attr(
          'transform',
          `translate(${titleInset.left},${(height - margin.bottom + margin.top) / 2}) rotate(-90)`,
        )
        .text(content.yLabel);
    },
  };
}
