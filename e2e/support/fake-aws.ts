import { startFakeAws } from "@/lib/aws/fake/fake-aws-server";

// Runs the local AWS fake for Playwright: FAKE_AWS_PORT (default 4802).
const port = Number(process.env.FAKE_AWS_PORT ?? 4802);
void startFakeAws(port).then((fake) => {
  console.log(`[fake-aws] listening on ${fake.url}`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
});
