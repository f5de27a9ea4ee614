"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Overview" },
  { href: "/explore", label: "Explore" },
  { href: "/story", label: "Drivers & trends" },
  { href: "/types", label: "Model types" },
  { href: "/sectors", label: "Sectors" },
  { href: "/vendors", label: "Vendors" },
  { href: "/methodology", label: "Methodology" },
] as const;

export function NavLinks() {
  const path = usePathname();
  return (
    <ul className="flex flex-wrap gap-x-1 gap-y-1">
      {LINKS.map((l) => {
        const current = l.href === "/" ? path === "/" : path.startsWith(l.href);
        return (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={current ? "page" : undefined}
              className={`rounded-md px-2.5 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-blue-600 ${
                current
                  ? "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900"
                  : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
              }`}
            >
              {l.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
