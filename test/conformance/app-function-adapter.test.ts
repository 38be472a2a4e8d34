import { main } from '../../functions/customer-health';

describe('the customer-health app function, called as HubSpot calls main(context)', () => {
  const saved = process.env.PRIVATE_APP_ACCESS_TOKEN;
  beforeEach(() => delete process.env.PRIVATE_APP_ACCESS_TOKEN);
  afterAll(() => {
    if (saved !== undefined) process.env.PRIVATE_APP_ACCESS_TOKEN = saved;
  });

  it('says which secret is missing instead of calling HubSpot without a token', async () => {
    expect(await main({ propertiesToSend: {}, parameters: { recordId: '1001' }, event: undefined, secrets: {} })).toEqual({
      status: 'error',
      code: 'FORBIDDEN',
      message: 'cs-health has no access token: ask an admin to set the PRIVATE_APP_ACCESS_TOKEN secret.',
    });
  });

  it('checks the parameters first, naming each bad one', async () => {
    expect(await main({ parameters: { recordId: 12.5, userId: 70101, userEmail: 'boss@example.com' }, secrets: {} })).toEqual({
      status: 'error',
      code: 'BAD_REQUEST',
      message: 'parameters.recordId: recordId must be a numeric HubSpot record id; parameters.userId: not a parameter of this function; parameters.userEmail: not a parameter of this function',
    });
    expect(await main({ parameters: 'recordId=1', secrets: {} })).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^parameters: /) });
    expect(await main({ secrets: {} })).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('parameters.recordId: recordId is required') });
  });
});
