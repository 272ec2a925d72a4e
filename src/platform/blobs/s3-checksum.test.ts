import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checksumContradicts } from './s3-checksum.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest();

describe('the stored object checksum check', () => {
  const sent = sha256('id,borough\n1,Bolton\n');

  it('accepts the checksum of the bytes sent, as S3 reports it (base64)', () => {
    expect(checksumContradicts(sent.toString('base64'), sent.toString('hex'))).toBe(false);
  });

  it('refuses an object whose checksum is of other bytes (a corrupted upload)', () => {
    const other = sha256('id,borough\n1,Bury\n').toString('base64');
    expect(checksumContradicts(other, sent.toString('hex'))).toBe(true);
  });

  it("leaves a multipart object's checksum of checksums, and a missing one, to the size check", () => {
    expect(
      checksumContradicts('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=-3', sent.toString('hex')),
    ).toBe(false);
    expect(checksumContradicts(undefined, sent.toString('hex'))).toBe(false);
  });
});
