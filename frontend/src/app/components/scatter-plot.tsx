/**
 * A scatter of points drawn with uPlot. This module is the only one that imports uPlot: pages
 * reach it through a dynamic import, so the plotting library is fetched only where something is
 * plotted and stays out of the initial JavaScript.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

function tickText(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/** Points (x, y) plotted as dots, with the axes named. */
export default function ScatterPlot({ points, xLabel, yLabel }: { points: Array<[number, number]>; xLabel: string; yLabel: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    // uPlot draws series over an ascending x: the points sorted by x, drawn without lines.
    const sorted = [...points].sort((a, b) => a[0] - b[0]);
    const data: uPlot.AlignedData = [sorted.map((point) => point[0]), sorted.map((point) => point[1])];
    const plot = new uPlot(
      {
        width: Math.max(320, Math.min(element.clientWidth || 720, 960)),
        height: 320,
        cursor: { drag: { x: true, y: true } },
        legend: { show: false },
        scales: { x: { time: false } },
        // Tick labels with enough digits to tell ticks apart (uPlot's default rounds small values alike).
        axes: [
          { label: xLabel, values: (_plot, ticks) => ticks.map(tickText) },
          { label: yLabel, size: 70, values: (_plot, ticks) => ticks.map(tickText) },
        ],
        series: [{ label: xLabel }, { label: yLabel, stroke: '#4f46e5', fill: '#4f46e5', paths: () => null, points: { show: true, size: 7, fill: '#4f46e5' } }],
      },
      data,
      element,
    );
    return () => plot.destroy();
  }, [points, xLabel, yLabel]);
  return <div ref={box} className="scatter-canvas" data-testid="scatter-plot" data-points={points.length} />;
}
