import { z } from "zod";
import { INT4_MAX } from "@/lib/input-limits";
import { COMPARISONS } from "./schemas";
import type { RunDto } from "./serialize";
import type { RunDetail } from "./queries";

// What the v1 evaluation-run endpoints send back: the OpenAPI document is generated from these
// and the API tests parse every response with them; the type checks below fail the build on drift.

export const gateResultSchema = z
  .object({
    metric: z.string(),
    comparison: z.enum(COMPARISONS),
    threshold: z.number(),
    value: z.number().nullable().describe("The run's value for the metric; null when the run does not carry it (the gate then fails)"),
    passed: z.boolean(),
    reason: z.string().nullable().describe('Why the gate failed, e.g. "0.81 < 0.85"; null when it passed'),
  })
  .strict();

const runFields = {
  id: z.string(),
  useCaseId: z.string(),
  number: z.number().int().max(INT4_MAX).min(1).describe("Numbered per use case: 1, 2, 3…"),
  candidate: z.string(),
  releaseId: z.string().nullable(),
  datasetId: z.string(),
  datasetName: z.string(),
  datasetVersion: z.number().int().max(INT4_MAX).min(1),
  datasetVersionId: z.string(),
  source: z.enum(["api", "upload"]),
  passed: z.boolean().describe("True when every gate of the use case passed when the run arrived"),
  gates: z.array(gateResultSchema).describe("The verdict of each gate; empty when the use case has no gates"),
  metrics: z.array(z.object({ name: z.string(), value: z.number() }).strict()),
  itemCount: z.number().int().max(INT4_MAX).min(0),
  externalUrl: z.string().nullable(),
  createdById: z.string(),
  createdAt: z.iso.datetime(),
  consolePath: z.string().describe("Path of the run's page in the console"),
};

export const evaluationRunSchema = z.object(runFields).strict();
export const evaluationRunDetailSchema = z
  .object({ ...runFields, useCase: z.object({ id: z.string(), name: z.string(), slug: z.string(), teamId: z.string(), teamName: z.string() }).strict() })
  .strict();

export const evaluationRunResponseSchema = z.object({ data: evaluationRunSchema }).strict();
export const evaluationRunDetailResponseSchema = z.object({ data: evaluationRunDetailSchema }).strict();

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const runMatches: Equals<z.output<typeof evaluationRunSchema>, RunDto> = true;
const detailMatches: Equals<z.output<typeof evaluationRunDetailSchema>, RunDetail> = true;
void [runMatches, detailMatches];
