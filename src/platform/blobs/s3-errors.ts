import { DomainError } from '../errors.js';

/** The failures of a connection, as Node and the AWS SDK name them. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EPIPE',
  'TimeoutError',
  'RequestTimeout',
]);

interface SdkError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

/** The service said the object (or bucket) is not there. */
export const isNotFound = (err: unknown): boolean => {
  const e = err as SdkError;
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
};

/** A failure of the object store in words for a person, without the SDK's stack. */
export const storageFailed = (where: string, detail: string) =>
  new DomainError('unavailable', 'object_storage_failed', `Object storage at ${where} ${detail}`);

/**
 * The SDK's and the network's failures become a clear domain error; anything else (the body's
 * own failure, a file too large) is passed on as it is.
 */
export function objectStorageError(where: string, err: unknown): unknown {
  if (err instanceof DomainError || !(err instanceof Error)) return err;
  const e = err as SdkError;
  const code = e.code ?? e.name ?? '';
  if (UNREACHABLE.has(code)) {
    return storageFailed(where, `did not answer: ${code} (${firstLine(e.message)})`);
  }
  if (e.$metadata) {
    const status = e.$metadata.httpStatusCode ?? 'no status';
    return storageFailed(where, `refused the request: ${code} (${status}) ${firstLine(e.message)}`);
  }
  return err;
}

const firstLine = (message = '') => message.split('\n')[0]?.trim() ?? '';
