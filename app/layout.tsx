import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import "@fontsource-variable/inter";
import "./globals.css";
import { SiteHeader } from "./_components/site-header";
import { THEME_SCRIPT } from "@/components/layout/theme-toggle";
import { Providers } from "@/components/providers";
import { getDataset } from "@/lib/server/queries";

export async function generateMetadata(): Promise<Metadata> {
  // The years come from the active dataset; without a database the description names none.
  const dataset = await getDataset().catch(() => null);
  const years = dataset ? `, ${dataset.firstYear}-${dataset.lastYear}` : "";
  return {
    title: { default: "Large-scale AI Models market", template: "%s · Large-scale AI Models market" },
    description: `Size, splits and forecasts of the global Large-scale AI Models market${years}.`,
    // Static files live in public/: favicon.svg, favicon.ico (for tools that only ask for it), robots.txt, fonts.
    icons: {
      icon: [
        { url: "/favicon.svg", type: "image/svg+xml" },
        { url: "/favicon.ico", sizes: "32x32" },
      ],
    },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// The header reads the active dataset version on every request, including not-found pages.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The CSP (proxy.ts) admits only scripts with this request's nonce; Next adds it to its own.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // The theme script sets the class before React hydrates; the mismatch is expected.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2 dark:focus:bg-slate-900"
        >
          Skip to content
        </a>
        <Providers>
          <SiteHeader />
          <main id="main" className="mx-auto w-full max-w-[1800px] space-y-6 px-3 py-6 sm:px-6">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
