/** Why there is no access key field: the server's own AWS identity is used. */
export function CredentialsExplainer() {
  return (
    <div className="rounded-lg border border-sky-200 bg-sky-50 p-4 text-sm text-sky-900">
      <p className="font-medium">Credentials are never stored in Strata.</p>
      <p className="mt-1">
        The server finds its AWS identity through the standard AWS provider chain: environment variables
        (<code className="font-mono">AWS_ACCESS_KEY_ID</code>, <code className="font-mono">AWS_PROFILE</code>), shared config and SSO,
        web identity, or the container / instance role. With a role to assume, that identity calls STS AssumeRole for short-lived
        credentials. An endpoint override sends every AWS call of the environment to that URL (a VPC endpoint or a local test fake).
      </p>
    </div>
  );
}
