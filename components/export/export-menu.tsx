"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { ChartExportSpec } from "@/lib/export/chart-spec";
import { runExport } from "./export-toast";
import {
  BACKGROUNDS,
  DATA_FORMATS,
  DEFAULT_EXPORT_OPTIONS,
  IMAGE_FORMATS,
  SCALES,
  SIZE_PRESETS,
  sizePreset,
  type ExportFormat,
  type ExportOptions,
} from "@/lib/export/presets";

const MENU_WIDTH = 256;
const BACKGROUND_LABEL = { light: "Light", dark: "Dark", transparent: "Transparent" } as const;

const itemClass =
  "block w-full rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 focus:outline-none dark:hover:bg-slate-800 dark:focus:bg-slate-800";
const chipClass =
  "rounded border px-2 py-1 text-xs focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 aria-checked:border-sky-600 aria-checked:bg-sky-50 aria-checked:font-medium aria-checked:text-sky-900 dark:aria-checked:bg-sky-950 dark:aria-checked:text-sky-100 border-slate-300 dark:border-slate-700";

/**
 * Export menu for one chart: PNG, SVG and PDF rendered from the spec at a fixed preset size (never
 * from the on-screen chart), CSV and XLSX with the same numbers. Follows the ARIA menu pattern:
 * arrow keys move, Escape closes and returns focus to the button.
 */
export function ExportMenu({ spec }: { spec: ChartExportSpec }) {
  const [open, setOpen] = useState(false);
  const [opts, setOpts] = useState<ExportOptions>(DEFAULT_EXPORT_OPTIONS);
  const [busy, setBusy] = useState(false);
  // Offset from the button's left edge: right-aligned with the button, but shifted to stay on a narrow screen.
  const [menuLeft, setMenuLeft] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const preset = sizePreset(opts.size);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointerDown = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? []);
    const at = items.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (e.key === "ArrowDown" || e.key === "ArrowRight") focus(at + 1);
    else if (e.key === "ArrowUp" || e.key === "ArrowLeft") focus(at - 1);
    else if (e.key === "Home") focus(0);
    else if (e.key === "End") focus(items.length - 1);
    else if (e.key === "Escape") close();
    else if (e.key === "Tab") setOpen(false);
    else return;
    if (e.key !== "Tab") e.preventDefault();
  };

  const run = async (format: ExportFormat) => {
    close();
    setBusy(true);
    await runExport(`Exporting ${format}`, async (step) => {
      const { exportChart } = await import("./export-actions");
      return exportChart(spec, format, opts, step);
    });
    setBusy(false);
  };

  // The clipboard item is created in the click itself (with a promise of the PNG), so browsers
  // that require a user gesture accept it while the image is still being drawn.
  const copyPng = async () => {
    close();
    setBusy(true);
    await runExport("Copying the chart", async (step) => {
      if (typeof ClipboardItem === "undefined" || !navigator.clipboard?.write)
        throw new Error("this browser cannot put images on the clipboard; use PNG instead");
      step("Drawing the chart");
      const png = import("./export-actions").then((m) => m.renderPng(spec, opts));
      await navigator.clipboard.write([new ClipboardItem({ "image/png": png })]);
      return "Chart copied as PNG: paste it into a slide";
    });
    setBusy(false);
  };

  const formatItem = (format: ExportFormat) => (
    <button key={format} type="button" role="menuitem" tabIndex={-1} className={itemClass} onClick={() => run(format)}>
      {format}
    </button>
  );

  function radios<T extends string | number>(
    label: string,
    values: readonly T[],
    current: T,
    name: (v: T) => string,
    set: (v: T) => void,
  ) {
    return (
      <div role="group" aria-label={label} className="px-2 py-1">
        <div className="mb-1 text-xs text-slate-600 dark:text-slate-400" aria-hidden="true">
          {label}
        </div>
        <div className="flex flex-wrap gap-1">
          {values.map((v) => (
            <button
              key={String(v)}
              type="button"
              role="menuitemradio"
              aria-checked={v === current}
              tabIndex={-1}
              className={chipClass}
              onClick={() => set(v)}
            >
              {name(v)}
            </button>
          ))}
        </div>
      </div>
    );
  }

  return (
    <div ref={rootRef} className="relative inline-block text-left">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        aria-busy={busy}
        onClick={() => {
          const rect = buttonRef.current?.getBoundingClientRect();
          if (rect) {
            const wanted = rect.right - MENU_WIDTH;
            const left = Math.max(8, Math.min(wanted, window.innerWidth - MENU_WIDTH - 8));
            setMenuLeft(left - rect.left);
          }
          setOpen((o) => !o);
        }}
        className="inline-flex items-center gap-1 rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        {busy && (
          <span
            aria-hidden="true"
            className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-current border-t-transparent"
          />
        )}
        Export
      </button>
      {open && (
        <div
          ref={menuRef}
          id={`${id}-menu`}
          role="menu"
          aria-label={`Export ${spec.title}`}
          onKeyDown={onKeyDown}
          style={{ width: MENU_WIDTH, left: menuLeft }}
          className="absolute z-30 mt-1 max-w-[calc(100vw-1rem)] rounded-md border border-slate-200 bg-white p-1 text-slate-900 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        >
          <div role="group" aria-label="Image" aria-describedby={`${id}-image-hint`}>
            {IMAGE_FORMATS.map(formatItem)}
            <button type="button" role="menuitem" tabIndex={-1} className={itemClass} onClick={copyPng}>
              Copy PNG
            </button>
          </div>
          <p id={`${id}-image-hint`} className="px-2 pb-1 text-xs text-slate-600 dark:text-slate-400">
            {preset.width * opts.scale} × {preset.height * opts.scale} px, with title, filters, legend and source
          </p>
          <div role="separator" className="my-1 border-t border-slate-200 dark:border-slate-700" />
          <div role="group" aria-label="Data">
            {DATA_FORMATS.map(formatItem)}
          </div>
          <div role="separator" className="my-1 border-t border-slate-200 dark:border-slate-700" />
          {radios(
            "Size",
            SIZE_PRESETS.map((p) => p.id),
            opts.size,
            (v) => sizePreset(v).label,
            (size) => setOpts((o) => ({ ...o, size })),
          )}
          {radios(
            "Scale",
            SCALES,
            opts.scale,
            (v) => `${v}×`,
            (scale) => setOpts((o) => ({ ...o, scale })),
          )}
          {radios(
            "Background",
            BACKGROUNDS,
            opts.background,
            (v) => BACKGROUND_LABEL[v],
            (background) => setOpts((o) => ({ ...o, background })),
          )}
        </div>
      )}
    </div>
  );
}
