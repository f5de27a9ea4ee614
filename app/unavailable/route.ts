import { route } from "@/lib/server/route";
import { refusalOf } from "@/lib/server/version-gate";

export const dynamic = "force-dynamic";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page a dashboard page sends the browser to when the version it would show failed its content
 * check: a 503 that says so. A version that is served (again) goes back to its page.
 */
export const GET = route("unavailable", async (request) => {
  const url = new URL(request.url);
  const dataset = url.searchParams.get("dataset");
  const refusal = await refusalOf(dataset ? { dataset } : {});
  if (!refusal)
    return new Response(null, {
      status: 307,
      headers: { location: dataset ? `/?dataset=${encodeURIComponent(dataset)}` : "/", "cache-control": "no-store" },
    });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Data set version not served · Large-scale AI Models market</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5">
<h1>Data set version not served</h1><p>${escape(refusal.message)}</p>
<p>${dataset ? '<a href="/">Show the active version</a>' : "Please try again later."}</p></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
});
