import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Strata", template: "%s · Strata" },
  description: "Govern generative-AI use cases from prototype to production",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
