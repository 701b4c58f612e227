import http from "node:http";
import type { AddressInfo } from "node:net";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, verifyWebhookSignature } from "./signature";

// Test support: a real HTTP receiver on a free local port that checks every request's signature
// the way the documented snippet does.

export type Received = { deliveryId: string; event: string; body: string; verified: boolean };
type Responder = (received: Received, count: number) => { status: number; body?: string } | "hang";

export type TestReceiver = {
  url: string;
  received: Received[];
  respond: (fn: Responder) => void;
  close: () => Promise<void>;
};

export async function startTestReceiver(secret: () => string, initial: Responder = () => ({ status: 204 })): Promise<TestReceiver> {
  let responder = initial;
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const r: Received = {
        deliveryId: String(req.headers[DELIVERY_HEADER.toLowerCase()] ?? ""),
        event: String(req.headers[EVENT_HEADER.toLowerCase()] ?? ""),
        body,
        verified: verifyWebhookSignature(secret(), req.headers[SIGNATURE_HEADER.toLowerCase()] as string | undefined, body),
      };
      received.push(r);
      const answer = responder(r, received.length);
      if (answer === "hang") return;
      res.writeHead(answer.status, { "content-type": "text/plain" }).end(answer.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/strata`,
    received,
    respond: (fn) => void (responder = fn),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
