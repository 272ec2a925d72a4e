/** An error that only the HTTP edge can have (a body of the wrong media type, say). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
