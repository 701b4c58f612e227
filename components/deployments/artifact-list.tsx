import type { Artifact } from "@/lib/deployments/publications";

/** The Bedrock resources a deployment pinned in the environment's AWS account. */
export function ArtifactList({ artifacts }: { artifacts: Artifact[] }) {
  // Without an AWS connection for the environment nothing was published, so there is nothing to show.
  if (artifacts.length === 0) return <span className="text-slate-500" title="No AWS connection: no Bedrock ids">—</span>;
  return (
    <ul className="space-y-1">
      {artifacts.map((a) => (
        <li key={`${a.resourceType}-${a.versionId}`} className="text-xs">
          <span className="text-slate-600">{a.role ? `${a.role} · ` : ""}{a.resourceType}</span>{" "}
          <code className="break-all rounded bg-slate-100 px-1 py-0.5 text-slate-800">{a.bedrockArn}</code>
        </li>
      ))}
    </ul>
  );
}
