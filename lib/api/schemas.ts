import { z } from "zod";
import { INT4_MAX } from "@/lib/input-limits";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import { AUDIENCES, DATA_CLASSIFICATIONS, RISK_TIERS, USE_CASE_STATUSES } from "@/lib/use-cases/schemas";
import type { UseCaseDto } from "@/lib/use-cases/serialize";
import type { getUseCaseOrThrow } from "@/lib/use-cases/queries";

// What the v1 API sends back. The OpenAPI document is generated from these, the API tests
// parse every response with them, and the type checks below fail the build when
// serializeUseCase changes without them: three ways for the document not to drift.

export const useCaseSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    teamId: z.string(),
    businessOwner: z.string(),
    kpis: z.array(z.object({ name: z.string(), target: z.string() }).strict()),
    riskTier: z.enum(RISK_TIERS),
    dataClassification: z.enum(DATA_CLASSIFICATIONS),
    handlesPersonalData: z.boolean(),
    audience: z.enum(AUDIENCES),
    costAllocationTag: z.string(),
    nextReviewDate: z.iso.date().nullable(),
    status: z.enum(USE_CASE_STATUSES),
    reviewRound: z.number().int().max(INT4_MAX),
    submittedById: z.string().nullable(),
    submittedAt: z.iso.datetime().nullable(),
    createdById: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .strict();

export const useCaseDetailSchema = useCaseSchema
  .extend({
    team: z.object({ id: z.string(), name: z.string(), slug: z.string() }).strict(),
    isReviewOverdue: z.boolean(),
  })
  .strict();

export const useCaseResponseSchema = z.object({ data: useCaseSchema }).strict();
export const useCaseDetailResponseSchema = z.object({ data: useCaseDetailSchema }).strict();
export const useCaseListResponseSchema = z
  .object({
    data: z.array(useCaseDetailSchema),
    page: z.number().int().max(INT4_MAX).min(1),
    pageSize: z.number().int().max(INT4_MAX).min(1),
    total: z.number().int().max(INT4_MAX).min(0),
    pageCount: z.number().int().max(INT4_MAX).min(1),
  })
  .strict();

export const apiErrorSchema = z
  .object({
    error: z
      .object({
        code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
        message: z.string(),
        details: z
          .object({ fields: z.array(z.object({ field: z.string(), message: z.string() }).strict()).optional() })
          .loose()
          .optional(),
      })
      .strict(),
  })
  .strict();

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const useCaseMatchesSerializer: Equals<z.output<typeof useCaseSchema>, UseCaseDto> = true;
const detailMatchesQuery: Equals<z.output<typeof useCaseDetailSchema>, Awaited<ReturnType<typeof getUseCaseOrThrow>>> = true;
void [useCaseMatchesSerializer, detailMatchesQuery];
