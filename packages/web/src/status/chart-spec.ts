/**
 * What a status chart draws, written into the page as JSON for
 * browser/status-charts.ts (keep the two in step): labels along the x axis,
 * one or more series of values, and how the values read.
 */

/** How values read: ratios shown as percentages, milliseconds, plain counts, or a 0..100 score. */
export type ChartUnit = 'ratio' | 'ms' | 'count' | 'score';

export interface ChartSeries {
  label: string;
  /** One per label; null where there is no figure (a gap). */
  data: (number | null)[];
}

export interface ChartSpec {
  kind: 'line' | 'bar';
  labels: string[];
  series: ChartSeries[];
  unit: ChartUnit;
  /** The value axis' title. */
  axis: string;
}
