"use client";

import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceDot,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatApproxUsdM, formatByBasis } from "@/lib/market/presentation/format";
import { basisWord, methodLabel } from "@/lib/market/presentation/labels";
import type { ForecastedSeries } from "@/lib/market/series/forecast-series";
import { forecastRows, forecastScale, type ForecastRow } from "./forecast-rows";
import { ROLE } from "@/lib/chart/palette";

interface TipProps {
  active?: boolean;
  payload?: { payload: ForecastRow }[];
  label?: string | number;
  historyTo: number;
  publisher: string;
  method?: string;
}

function Tip({ active, payload, historyTo, publisher, method }: TipProps) {
  const r = payload?.[0]?.payload;
  if (!active || !r) return null;
  return (
    <div className="rounded border border-slate-300 bg-white p-2 text-xs shadow dark:border-slate-600 dark:bg-slate-900">
      <div className="font-semibold">{r.year}</div>
      {r.year <= historyTo ? (
        <div>
          History: {formatByBasis(r.value, r.basis === "published")} ({basisWord(r.basis)})
        </div>
      ) : (
        <div>
          {r.basis === "scenario" ? "Scenario" : `${publisher} outlook`}:{" "}
          {formatByBasis(r.value, r.basis === "published")}
          {r.basis === "published" ? " (published)" : ""}
        </div>
      )}
      {r.year > historyTo && r.mean !== null && (
        <>
          <div>
            Our forecast: {formatApproxUsdM(r.mean)} (modelled{method ? `, ${methodLabel(method)}` : ""})
          </div>
          {r.band80 && (
            <div>
              80% interval: {formatApproxUsdM(r.band80[0])} – {formatApproxUsdM(r.band80[1])}
            </div>
          )}
          {r.band95 && (
            <div>
              95% interval: {formatApproxUsdM(r.band95[0])} – {formatApproxUsdM(r.band95[1])}
            </div>
          )}
        </>
      )}
    </div>
  );
}

export interface ForecastChartProps {
  series: ForecastedSeries;
  historyTo: number;
  publisher: string;
  /** Draw the data's own outlook path (dashed) after history. */
  showOutlook?: boolean;
  height?: string;
  /** Fit the value axis to at least this value: charts compared side by side share one scale. */
  scaleTo?: number;
}

/** The plot only (Recharts, loaded after the page): history solid, outlook dashed, forecast bands, forecast years shaded. */
export function ForecastPlot({ series, historyTo, publisher, showOutlook = true, scaleTo }: ForecastChartProps) {
  const data = forecastRows(series, historyTo);
  const last = data[data.length - 1]?.year ?? historyTo;
  const { hasForecast, axis, clippedYears } = forecastScale(data, historyTo, { fitAtLeast: scaleTo });
  const top = axis.domain[1];
  return (
    <div className="h-full w-full text-slate-700 dark:text-slate-300" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 10, right: 16, bottom: 0, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
          {last > historyTo && (
            <ReferenceArea
              x1={historyTo}
              x2={last}
              fill="#94a3b8"
              fillOpacity={0.14}
              // At the start of the shaded years: the clipped-interval arrows sit at its far end.
              label={{ value: "Outlook / forecast", position: "insideTopLeft", fontSize: 11 }}
            />
          )}
          <XAxis dataKey="year" tick={{ fontSize: 12 }} stroke="currentColor" />
          <YAxis
            tickFormatter={axis.label}
            ticks={axis.ticks}
            // Every tick of our own scale is drawn: Recharts then need not measure each new label
            // (a forced layout of the page in the middle of a filter change) to thin them out.
            interval={0}
            tick={{ fontSize: 12 }}
            width={60}
            stroke="currentColor"
            domain={axis.domain}
            allowDataOverflow
          />
          <Tooltip content={<Tip historyTo={historyTo} publisher={publisher} method={series.forecast?.method} />} />
          {hasForecast && (
            <Area
              dataKey="band95"
              stroke="none"
              fill={ROLE.forecast}
              fillOpacity={0.15}
              isAnimationActive={false}
              name="95% interval"
            />
          )}
          {hasForecast && (
            <Area
              dataKey="band80"
              stroke="none"
              fill={ROLE.forecast}
              fillOpacity={0.3}
              isAnimationActive={false}
              name="80% interval"
            />
          )}
          <Area
            type="monotone"
            dataKey="history"
            stroke={ROLE.history}
            fill={ROLE.history}
            fillOpacity={0.12}
            strokeWidth={2.5}
            isAnimationActive={false}
            connectNulls={false}
            name="History"
          />
          {showOutlook && (
            <Line
              type="monotone"
              dataKey="outlook"
              stroke={ROLE.outlook}
              strokeDasharray="6 4"
              strokeWidth={2.5}
              dot={{ r: 3 }}
              isAnimationActive={false}
              connectNulls={false}
              name={`${publisher} outlook`}
            />
          )}
          <Scatter
            dataKey="published"
            fill={ROLE.history}
            stroke="#ffffff"
            strokeWidth={1.5}
            shape="diamond"
            legendType="diamond"
            isAnimationActive={false}
            name="Published figure"
          />
          {clippedYears.map((y) => (
            // The interval runs above the chart here: an arrow at the top edge says so.
            <ReferenceDot
              key={y}
              x={y}
              y={top}
              r={0}
              ifOverflow="visible"
              label={{ value: "▲", position: "insideTop", fill: ROLE.forecast, fontSize: 12 }}
            />
          ))}
          {hasForecast && (
            <Line
              type="monotone"
              dataKey="mean"
              stroke={ROLE.forecast}
              strokeWidth={2.5}
              dot={false}
              isAnimationActive={false}
              name="Our forecast"
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
