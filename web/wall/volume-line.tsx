// The wall's one chart, drawn as SVG here: echarts (the app's charts) would add 563 KB (193 KB gzipped)
// to a page that is otherwise ~110 KB, for a single line.
import { useEffect, useRef, useState } from "react";

/** The smallest 1, 2 or 5 × 10^k at or above `n` (the axis top). */
export function niceMax(n: number): number {
  if (n <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  return ([1, 2, 5, 10].find((m) => m * p >= n) ?? 10) * p;
}

/** Props of VolumeLine. */
export interface VolumeLineProps { counts: number[]; labelOf: (i: number) => string; height: number; labelEvery: number }

const PAD = { left: 64, right: 16, top: 14, bottom: 36 };

/** An area line of `counts` with whole-number value ticks (0, half, top) and a label every `labelEvery` points; follows its box's width. */
export function VolumeLine({ counts, labelOf, height, labelEvery }: VolumeLineProps) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  useEffect(() => {
    if (!box.current) return;
    const observer = new ResizeObserver((entries) => setWidth(Math.max(200, entries[0].contentRect.width)));
    observer.observe(box.current);
    return () => observer.disconnect();
  }, []);
  const max = niceMax(Math.max(0, ...counts));
  const x = (i: number) => PAD.left + (i / Math.max(1, counts.length - 1)) * (width - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / max) * (height - PAD.top - PAD.bottom);
  const line = counts.map((v, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join("");
  const area = counts.length ? `${line}L${x(counts.length - 1).toFixed(1)},${y(0)}L${x(0).toFixed(1)},${y(0)}Z` : "";
  return (
    <div ref={box} className="volume-line" data-testid="wall-volume">
      <svg width={width} height={height} role="img">
        {[0, max / 2, max].filter(Number.isInteger).map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={width - PAD.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={PAD.left - 10} y={y(v)} textAnchor="end" dominantBaseline="middle">{v}</text>
          </g>
        ))}
        <path d={area} className="area" />
        <path d={line} className="stroke" />
        {counts.map((_, i) => (i % labelEvery === 0 ? <text key={i} x={x(i)} y={height - 8} textAnchor="middle">{labelOf(i)}</text> : null))}
      </svg>
    </div>
  );
}
