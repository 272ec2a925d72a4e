/**
 * Whether the checksum the service reports for a stored object contradicts the SHA-256 (hex) of
 * the bytes sent. A single-part object's `ChecksumSHA256` is the whole file's, in base64; a
 * multipart one's is a checksum of its parts' checksums, ending `-<parts>`, which the service
 * already checked part by part, so it is not compared. Services that report none (older MinIO,
 * s3rver) leave the size as the only check.
 */
export function checksumContradicts(reported: string | undefined, sha256Hex: string): boolean {
  if (reported === undefined || reported.includes('-')) return false;
  return reported !== Buffer.from(sha256Hex, 'hex').toString('base64');
}
