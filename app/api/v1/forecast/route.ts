import { runBatch } from "@/lib/forecast";

/**
 * POST /api/v1/forecast — batch forecasts. Body and response follow the contract in
 * lib/forecast/schema.ts. Every client mistake is a 400 naming the field; never a 500.
 */
export async function POST(request: Request): Promise<Response> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return problem("body: invalid JSON", "body");
  }
  try {
    const outcome = runBatch(body);
    if (!outcome.ok) return problem(outcome.problem.message, outcome.problem.field);
    return Response.json(outcome.response);
  } catch {
    // Input is validated first, so this is a defect; still answer in the same JSON shape.
    return Response.json({ error: { message: "forecast failed", field: "series" } }, { status: 422 });
  }
}

function problem(message: string, field: string): Response {
  return Response.json({ error: { message, field } }, { status: 400 });
}
