import { newRequestId } from "@/lib/context";
import { openApiDocument } from "@/lib/api/openapi";

// GET /api/v1/openapi.json — the API's OpenAPI 3.1 description (public: no token, no data)
export function GET() {
  return Response.json(openApiDocument(), { headers: { "X-Request-Id": newRequestId() } });
}
