"use client";

import { useId } from "react";

export function YearSelect({
  value,
  from,
  to,
  onChange,
  label = "Year",
}: {
  value: number;
  from: number;
  to: number;
  onChange: (y: number) => void;
  label?: string;
}) {
  const id = useId();
  return (
    <div className="flex flex-col text-sm">
      <label htmlFor={id} className="text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
      >
        {Array.from({ length: to - from + 1 }, (_, i) => from + i).map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
}
