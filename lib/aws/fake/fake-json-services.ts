import { createHash } from "node:crypto";
import { AwsFault } from "./aws-fault";

// CloudWatch (awsJson1_0, timestamps as epoch seconds) and Cost Explorer (awsJson1_1, dates and
// amounts as strings). Values are deterministic pseudo-data derived from the request, so a test
// can assert them and a chart has something to draw; they are not anyone's real usage.

type Json = Record<string, unknown>;

const MODELS = ["amazon.nova-lite-v1:0", "anthropic.claude-3-5-haiku-20241022-v1:0"];
const BEDROCK_METRICS = ["Invocations", "InvocationLatency", "InvocationClientErrors", "InvocationServerErrors", "InvocationThrottles", "InputTokenCount", "OutputTokenCount"];
const GUARDRAIL_METRICS = ["Invocations", "InvocationLatency", "InvocationsIntervened", "TextUnitCount"];

function pseudo(seed: string, max: number): number {
  const n = parseInt(createHash("sha256").update(seed).digest("hex").slice(0, 8), 16);
  return Math.round(((n % 10_000) / 10_000) * max * 100) / 100;
}

const toSeconds = (v: unknown): number => (typeof v === "number" ? v : Date.parse(String(v)) / 1000);

export function handleCloudWatch(operation: string, body: Json): Json | undefined {
  if (operation === "ListMetrics") {
    const namespace = body.Namespace as string | undefined;
    const name = body.MetricName as string | undefined;
    const metrics = [
      ...MODELS.flatMap((m) => BEDROCK_METRICS.map((metric) => ({ Namespace: "AWS/Bedrock", MetricName: metric, Dimensions: [{ Name: "ModelId", Value: m }] }))),
      ...GUARDRAIL_METRICS.map((metric) => ({ Namespace: "AWS/Bedrock/Guardrails", MetricName: metric, Dimensions: [{ Name: "Operation", Value: "ApplyGuardrail" }] })),
    ].filter((m) => (!namespace || m.Namespace === namespace) && (!name || m.MetricName === name));
    return { Metrics: metrics };
  }
  if (operation === "GetMetricData") {
    const start = toSeconds(body.StartTime);
    const end = toSeconds(body.EndTime);
    const ascending = body.ScanBy === "TimestampAscending";
    const queries = (body.MetricDataQueries as Json[] | undefined) ?? [];
    const results = queries
      .filter((q) => q.ReturnData !== false)
      .map((q) => {
        const stat = q.MetricStat as { Metric: { MetricName: string; Dimensions?: { Value: string }[] }; Period: number; Stat: string } | undefined;
        const period = Number(stat?.Period ?? q.Period ?? 3600);
        const stamps: number[] = [];
        for (let t = Math.ceil(start / period) * period; t < end && stamps.length < 1440; t += period) stamps.push(t);
        if (!ascending) stamps.reverse();
        const key = `${stat?.Metric.MetricName}:${stat?.Metric.Dimensions?.map((d) => d.Value).join(",")}:${stat?.Stat}`;
        const max = stat?.Metric.MetricName === "InvocationLatency" ? 2000 : 100;
        return { Id: q.Id, Label: q.Label ?? stat?.Metric.MetricName ?? q.Id, Timestamps: stamps, Values: stamps.map((t) => pseudo(`${key}:${t}`, max)), StatusCode: "Complete", Messages: [] };
      });
    return { MetricDataResults: results, Messages: [] };
  }
  return undefined;
}

function days(start: string, end: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${start}T00:00:00Z`); d < new Date(`${end}T00:00:00Z`) && out.length < 400; d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function handleCostExplorer(operation: string, body: Json): Json | undefined {
  const period = body.TimePeriod as { Start: string; End: string } | undefined;
  if (!period?.Start || !period.End) throw new AwsFault(400, "ValidationException", "TimePeriod with Start and End is required");
  if (operation === "GetCostAndUsage") {
    const metrics = (body.Metrics as string[] | undefined) ?? ["UnblendedCost"];
    const groupBy = (body.GroupBy as { Type: string; Key: string }[] | undefined) ?? [];
    const rows = [
      { SERVICE: "Amazon Bedrock", USAGE_TYPE: "USE1-NovaLite-input-tokens" },
      { SERVICE: "Amazon Bedrock", USAGE_TYPE: "USE1-NovaLite-output-tokens" },
      { SERVICE: "Claude 3.5 Haiku (Amazon Bedrock Edition)", USAGE_TYPE: "USE1-MP:USE1_InputTokenCount-Units" },
    ];
    const amount = (seed: string, metric: string) => ({ Amount: pseudo(seed, 3).toFixed(4), Unit: metric === "UsageQuantity" ? "N/A" : "USD" });
    const ResultsByTime = days(period.Start, period.End).map((day) => {
      const TimePeriod = { Start: day, End: nextDay(day) };
      if (!groupBy.length) {
        return { TimePeriod, Total: Object.fromEntries(metrics.map((m) => [m, amount(`${day}:${m}`, m)])), Groups: [], Estimated: true };
      }
      const Groups = rows.map((row) => {
        const Keys = groupBy.map((g) => (g.Type === "DIMENSION" ? (row[g.Key as keyof typeof row] ?? "NoValue") : `${g.Key}$`));
        return { Keys, Metrics: Object.fromEntries(metrics.map((m) => [m, amount(`${day}:${Keys.join("|")}:${m}`, m)])) };
      });
      return { TimePeriod, Total: {}, Groups, Estimated: true };
    });
    return { GroupDefinitions: groupBy, ResultsByTime, DimensionValueAttributes: [] };
  }
  if (operation === "GetCostForecast") {
    const forecast = days(period.Start, period.End).map((day) => {
      const mean = pseudo(`forecast:${day}`, 5);
      return { TimePeriod: { Start: day, End: nextDay(day) }, MeanValue: mean.toFixed(4), PredictionIntervalLowerBound: (mean * 0.8).toFixed(4), PredictionIntervalUpperBound: (mean * 1.2).toFixed(4) };
    });
    const total = forecast.reduce((sum, f) => sum + Number(f.MeanValue), 0);
    return { Total: { Amount: total.toFixed(4), Unit: "USD" }, ForecastResultsByTime: forecast };
  }
  return undefined;
}
