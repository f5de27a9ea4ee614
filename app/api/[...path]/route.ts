import { HttpProblem } from "@/lib/server/http";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Any /api path no route serves: a JSON 404 in the problem shape, not the HTML page. */
const notFound = route<{ path: string[] }>("not-found", (request) => {
  throw new HttpProblem(404, "path", `path: no API at ${new URL(request.url).pathname.slice(0, 200)}`);
});

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
