import { describe, expect, it } from 'vitest';
import { redactUrl } from './request-log.js';

describe('request log URLs', () => {
  it('keeps an Open311 api_key out of the log, and the rest of the query in', () => {
    expect(redactUrl('/open311/v2/requests.json?api_key=mdt_secret&service_code=potholes')).toBe(
      '/open311/v2/requests.json?api_key=[redacted]&service_code=potholes',
    );
    expect(redactUrl('/open311/v2/requests.json?lat=1&API_KEY=mdt_secret')).toBe(
      '/open311/v2/requests.json?lat=1&API_KEY=[redacted]',
    );
    expect(redactUrl('/sign-in/link/abc?x=1')).toBe('/sign-in/link/[redacted]?x=1');
  });
});
