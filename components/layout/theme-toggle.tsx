"use client";

import { useEffect, useSyncExternalStore } from "react";

export const THEME_KEY = "theme";

/**
 * Runs before the first paint (inlined in <head>) so a dark page never flashes light: the stored
 * choice wins, else the system preference.
 */
export const THEME_SCRIPT = `try{var t=localStorage.getItem("${THEME_KEY}");if(t==="dark"||(!t&&matchMedia("(prefers-color-scheme: dark)").matches))document.documentElement.classList.add("dark")}catch(e){}`;

function prefersDark(): boolean {
  try {
    const stored = localStorage.getItem(THEME_KEY);
    return stored === "dark" || (!stored && matchMedia("(prefers-color-scheme: dark)").matches);
  } catch {
    return false;
  }
}

/** Follows the `dark` class on <html>, whoever sets it (the head script, this button, the effect below). */
function subscribeToTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

export function ThemeToggle() {
  // Unknown (null) on the server: it cannot see the stored choice.
  const dark = useSyncExternalStore<boolean | null>(
    subscribeToTheme,
    () => document.documentElement.classList.contains("dark"),
    () => null,
  );
  useEffect(() => {
    // Error and 404 responses are rendered on the client, where the inline head script never ran:
    // apply the stored choice here too.
    if (prefersDark()) document.documentElement.classList.add("dark");
  }, []);
  const toggle = () => {
    const next = !document.documentElement.classList.contains("dark");
    document.documentElement.classList.toggle("dark", next);
    try {
      localStorage.setItem(THEME_KEY, next ? "dark" : "light");
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
  };
  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={dark ?? undefined}
      className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:hover:bg-slate-800"
    >
      {dark ? "Light mode" : "Dark mode"}
    </button>
  );
}
