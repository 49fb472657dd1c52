// Issue 13, acceptance 2: notices to the holder go in the account's language (the import's `language`), whatever the
// browser that caused them; codes to a line go in the language of the page they were asked from, or the person's own.
import { beforeAll, describe, expect, it } from 'vitest';
import { opened } from '~/models/outbox.server';
import { setPersonLanguage } from '~/models/person.server';
import { getCustomerSession, markStepUp } from '~/services/session.server';
import { outbox } from '../../db/tables';
import { customerWithPasskey, signedInBrowser } from '../../tests/helpers/customers';
import { testDatabase, withDemoAccounts } from '../../tests/helpers/db';
import { ACCOUNTS_HEADER, importText } from '../../tests/helpers/import-files';
import { args, CookieJar } from '../../tests/helpers/requests';
import { action as peopleAction } from './account.people';
import { action as pinAction } from './account.pin';
import { action as enrollAction } from './enroll';

const HEADER = `${ACCOUNTS_HEADER},holder_phone,authorized_phones,language`;
const messages = async () => (await testDatabase().all((db) => db.select().from(outbox).orderBy(outbox.id))).map(opened);
const clearOutbox = () => testDatabase().run((db) => db.delete(outbox));

beforeAll(async () => {
  await withDemoAccounts();
  // An account the carrier's extract says prefers Spanish, with a holder and a line user.
  const summary = await importText('accounts', [
    HEADER,
    '100000077,postpaid,Ana Torres,78701,,ana@example.com,+15125550177;+15125550178,,+15125550177,,es',
  ]);
  expect(summary).toMatchObject({ outcome: 'succeeded', errorCount: 0 });
});

describe('notices in the account’s language', () => {
  it('an English browser that sets the PIN of an account imported with language=es: the page answers in English, the notice is Spanish', async () => {
    const { customer } = await customerWithPasskey('100000077');
    const browser = await signedInBrowser(customer.id);
    browser.acceptLanguage = 'en-US,en;q=0.9';
    await markStepUp((await getCustomerSession(browser.request('/account/pin')))!);
    await clearOutbox();

    const refused = (await pinAction(
      args(browser.form('/account/pin', { intent: 'change-pin', pin: '1', confirmation: '1' }), browser),
    )) as {
      data: { errors: { fields: Record<string, string> } };
    };
    expect(refused.data.errors.fields.pin).toBe('That PIN can’t be used: choose one that meets every rule listed.');

    const done = (await pinAction(
      args(browser.form('/account/pin', { intent: 'change-pin', pin: '583920', confirmation: '583920' }), browser),
    )) as Response;
    expect(done.status).toBe(303);
    const sent = await messages();
    expect(sent.map((message) => message.recipient).sort()).toEqual(['+15125550177', 'ana@example.com']);
    for (const message of sent) {
      expect(message.subject).toBe('Se creó un PIN de la cuenta');
      expect(message.body).toMatch(/^Se creó un PIN de la cuenta para tu cuenta el \d+ de \w+ de \d{4} a las .+, hora del Pacífico\./);
    }
  });

  it('the code is worded in the language of the page that asked for it, on an English account too', async () => {
    await clearOutbox();
    const browser = new CookieJar();
    browser.acceptLanguage = 'es-MX,es;q=0.9';
    const answer = await enrollAction(
      args(browser.form('/enroll', { intent: 'send-code', accountNumber: '100000001', phone: '(206) 555-0102' }), browser),
    );
    expect((answer as Response).status).toBe(302);
    const [code] = await messages();
    expect(code).toMatchObject({ recipient: '+12065550102', subject: 'Tu código de revisión de filtraciones' });
  });

  it('a notice to a line user follows their own choice; the holder’s stay in the account’s language', async () => {
    const { customer: holder } = await customerWithPasskey('100000077');
    const { customer: lineUser } = await customerWithPasskey('100000077', undefined, '+15125550178');
    await setPersonLanguage(lineUser.id, 'en');
    const browser = await signedInBrowser(holder.id);
    await markStepUp((await getCustomerSession(browser.request('/account/people')))!);
    await clearOutbox();
    await peopleAction(args(browser.form('/account/people', { intent: 'remove-access', personId: String(lineUser.id) }), browser));
    const [removed] = await messages();
    expect(removed).toMatchObject({ recipient: '+15125550178', subject: 'Your access to the breach-check portal was removed' });
    expect(removed!.body).toContain('the account ending 0077');
  });
});
