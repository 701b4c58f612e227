import { randomUUID } from "node:crypto";
import { AwsFault } from "./aws-fault";
import { findOr404, now, shortId, type FakeAwsState, type IngestionJob, type Json } from "./fake-state";

// Bedrock Agent knowledge bases, data sources and ingestion jobs (seeded in FakeAwsState.reset).
export const kbSummary = (kb: Json) => ({ knowledgeBaseId: kb.knowledgeBaseId, name: kb.name, description: kb.description, status: kb.status, updatedAt: kb.updatedAt });
export const dsSummary = (ds: Json) => ({ knowledgeBaseId: ds.knowledgeBaseId, dataSourceId: ds.dataSourceId, name: ds.name, status: ds.status, description: ds.description, updatedAt: ds.updatedAt });

export function startIngestionJob(state: FakeAwsState, kbId: string, dsId: string, body: Json) {
  findOr404(state.dataSources.filter((s) => s.knowledgeBaseId === kbId), "dataSourceId", dsId, "Data source");
  const t = now();
  const job: IngestionJob = {
    knowledgeBaseId: kbId, dataSourceId: dsId, ingestionJobId: shortId(`${dsId}:${state.ingestionJobs.length}:${randomUUID()}`),
    description: body.description, status: "STARTING", startedAt: t, updatedAt: t, reads: 0,
  };
  state.ingestionJobs.push(job);
  return { status: 202, body: { ingestionJob: publicJob(job) } };
}
// A job moves on each time it is read: STARTING → IN_PROGRESS → COMPLETE.
export function publicJob(job: IngestionJob): Json & { statistics: Record<string, number> } {
  const { reads: _reads, ...rest } = job;
  const complete = job.status === "COMPLETE";
  return {
    ...rest,
    statistics: {
      numberOfDocumentsScanned: complete ? 12 : 0, numberOfMetadataDocumentsScanned: 0, numberOfNewDocumentsIndexed: complete ? 10 : 0,
      numberOfModifiedDocumentsIndexed: complete ? 2 : 0, numberOfMetadataDocumentsModified: 0, numberOfDocumentsDeleted: 0,
      numberOfDocumentsFailed: 0, numberOfDocumentsSkipped: 0,
    },
    failureReasons: [],
  };
}
export function advance(job: IngestionJob) {
  job.reads += 1;
  job.status = job.reads >= 2 ? "COMPLETE" : "IN_PROGRESS";
  job.updatedAt = now();
}
export function getIngestionJob(state: FakeAwsState, kbId: string, dsId: string, jobId: string) {
  const job = state.ingestionJobs.find((j) => j.knowledgeBaseId === kbId && j.dataSourceId === dsId && j.ingestionJobId === jobId);
  if (!job) throw new AwsFault(404, "ResourceNotFoundException", `Ingestion job ${jobId} does not exist`);
  advance(job);
  return { status: 200, body: { ingestionJob: publicJob(job) } };
}
export function listIngestionJobs(state: FakeAwsState, kbId: string, dsId: string) {
  const jobs = state.ingestionJobs.filter((j) => j.knowledgeBaseId === kbId && j.dataSourceId === dsId).map(publicJob);
  return {
    status: 200,
    body: { ingestionJobSummaries: jobs.map((j) => ({ knowledgeBaseId: j.knowledgeBaseId, dataSourceId: j.dataSourceId, ingestionJobId: j.ingestionJobId, description: j.description, status: j.status, startedAt: j.startedAt, updatedAt: j.updatedAt, statistics: j.statistics })) },
  };
}
