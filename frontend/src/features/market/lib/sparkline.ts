/** The polyline of a sparkline in a `width` × `height` box; flat values sit in the middle. */
export function sparklinePoints(values: readonly number[], width: number, height: number): string {
  if (values.length < 2) return '';
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min;
  const step = width / (values.length - 1);
  // One pixel of margin so the stroke is not cut at the top and bottom edges.
  const inner = height - 2;
  return values
    .map((value, index) => {
      const y = span === 0 ? height / 2 : 1 + inner - ((value - min) / span) * inner;
      return `${(index * step).toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}
