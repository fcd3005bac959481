/**
 * A receptive field drawn over the model input (steps 2 and 3 of `cnn-architecture`): the box of
 * input pixels a unit sees, translucent orange, as an SVG `<rect>` in input-pixel units for an
 * overlay SVG of a {@link MapCanvas}. The box may extend past the image (padding); the rect carries
 * it as `data-row0`, `data-column0`, `data-rows`, `data-columns`.
 */
export function FieldBox({
  box,
  testId,
}: {
  box: { row0: number; column0: number; rows: number; columns: number };
  testId?: string;
}) {
  return (
    <rect
      x={box.column0}
      y={box.row0}
      width={box.columns}
      height={box.rows}
      fill="rgba(230, 159, 0, 0.15)"
      stroke="#E69F00"
      strokeWidth={1.5}
      vectorEffect="non-scaling-stroke"
      data-testid={testId}
      data-row0={box.row0}
      data-column0={box.column0}
      data-rows={box.rows}
      data-columns={box.columns}
    />
  );
}
