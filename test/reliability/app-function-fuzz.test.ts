import fc from 'fast-check';
import { main } from '../../functions/customer-health';
import { reportCases } from '../server/reliability-report';

/**
 * The app function as HubSpot calls it, `main(context)`, with 1,000 generated bad parameter sets:
 * built-in names as keys, a viewer passed as a parameter, wrong types, junk record ids. Each must
 * answer BAD_REQUEST naming a parameter, before any HubSpot call (the token points nowhere), and
 * never throw.
 */
const BUILT_IN = ['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const junkValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 3 }));
const badRecordId = fc.oneof(fc.constant(undefined), fc.constant(''), fc.constant('0'), fc.constant('12.5'), fc.string().filter((s) => !/^[1-9][0-9]{0,18}$/.test(s)), fc.double({ noInteger: true }), fc.boolean(), fc.constant(null));
const parameters = fc.oneof(
  fc.record({ recordId: badRecordId }, { requiredKeys: [] }),
  fc.tuple(fc.constantFrom(...BUILT_IN, 'userId', 'userEmail', 'viewerId', 'portalId'), junkValue).map(([key, value]) => JSON.parse(JSON.stringify({ recordId: '1001', [key]: value ?? 'x' }))),
  fc.tuple(fc.constantFrom(...BUILT_IN), junkValue).map(([key, value]) => ({ recordId: '1001', ...JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(value ?? 'x')}}`) })),
  junkValue.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
);

describe('the app function under generated bad parameters', () => {
  it('answers BAD_REQUEST naming a parameter for 1,000 bad parameter sets, and never throws or calls HubSpot', async () => {
    let cases = 0;
    let badRequests = 0;
    await fc.assert(
      fc.asyncProperty(parameters, async (params) => {
        cases += 1;
        const answer = (await main({ parameters: params, secrets: { PRIVATE_APP_ACCESS_TOKEN: 'unused-token' }, propertiesToSend: {}, event: undefined })) as { status: string; code?: string; message?: string };
        expect(answer).toMatchObject({ status: 'error', code: 'BAD_REQUEST', message: expect.stringMatching(/^parameters/) });
        badRequests += 1;
      }),
      { numRuns: 1_000, seed: 2026 },
    );
    reportCases('app function: bad parameters (built-in names, a viewer as a parameter, wrong types, junk ids)', { cases, 'answered BAD_REQUEST naming a parameter': badRequests, thrown: 0 });
  });
});
