/** An error the fake answers with: HTTP status, AWS error type and message. */
export class AwsFault extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}
