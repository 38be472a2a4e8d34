import { HubSpotErrorCode, nextUtcMidnight, toHubSpotError } from '../../src/hubspot/hubspot-error';

const apiException = (code: number, body: unknown) => Object.assign(new Error(`HTTP-Code: ${code}`), { code, body: JSON.stringify(body) });

describe('mapping api-client failures to one error type', () => {
  it.each([
    [429, { policyName: 'TEN_SECONDLY_ROLLING' }, HubSpotErrorCode.RateLimited, true],
    [500, { message: 'boom' }, HubSpotErrorCode.ServerError, true],
    [502, {}, HubSpotErrorCode.ServerError, true],
    [400, { message: 'Property values were not valid' }, HubSpotErrorCode.BadRequest, false],
    [401, {}, HubSpotErrorCode.Unauthorized, false],
    [403, {}, HubSpotErrorCode.Forbidden, false],
    [404, {}, HubSpotErrorCode.NotFound, false],
    [409, { message: 'Property named x already exists' }, HubSpotErrorCode.Conflict, false],
  ])('status %i becomes a %s error, retryable %s', (status, body, code, retryable) => {
    const error = toHubSpotError(apiException(status as number, body), 'companies.batchUpdate');
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.message).not.toContain('\n');
  });

  it('tells a daily limit when to resume and never retries it', () => {
    const error = toHubSpotError(apiException(429, { policyName: 'DAILY' }), 'owners', () => new Date('2026-11-22T12:00:00Z'));
    expect(error.code).toBe(HubSpotErrorCode.DailyLimit);
    expect(error.retryable).toBe(false);
    expect(error.details.resumeAfter).toEqual(new Date('2026-11-23T00:00:00Z'));
    expect(error.message).toContain('2026-11-23T00:00:00.000Z');
  });

  it('treats a failure without an HTTP status (reset, truncated body) as a retryable network error', () => {
    const error = toHubSpotError(Object.assign(new TypeError('fetch failed\n  at stack'), { cause: { code: 'UND_ERR_SOCKET' } }), 'deals.batchRead');
    expect(error.code).toBe(HubSpotErrorCode.Network);
    expect(error.retryable).toBe(true);
    expect(error.message).toBe('HubSpot deals.batchRead: network failure (fetch failed)');
  });

  it('finds the next UTC midnight across a month end', () => {
    expect(nextUtcMidnight(new Date('2026-11-30T23:59:59Z'))).toEqual(new Date('2026-12-01T00:00:00Z'));
  });
});
