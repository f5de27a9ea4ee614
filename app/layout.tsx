import type { Metadata } from "next";
import "@fontsource-variable/inter";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Large-scale AI Models market", template: "%s · Large-scale AI Models market" },
  description: "Size, splits and forecasts of the global Large-scale AI Models market, 2021-2032.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
