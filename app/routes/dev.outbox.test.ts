import { eq } from 'drizzle-orm';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { i18nFor } from '~/i18n/translator';
import { notifyHolder } from '~/services/notifier.server';
import { accounts } from '../../db/tables';
import { testDatabase, withDemoAccounts } from '../../tests/helpers/db';
import { args, CookieJar } from '../../tests/helpers/requests';
import DevOutbox, { loader } from './dev.outbox';

const demo = vi.hoisted(() => ({ mode: true }));
vi.mock('~/config.server', async (importOriginal) => {
  const original = await importOriginal<typeof import('~/config.server')>();
  return { ...original, getConfig: () => ({ ...original.getConfig(), demoMode: demo.mode }) };
});

const page = vi.hoisted(() => ({ data: null as unknown }));
vi.mock('@remix-run/react', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@remix-run/react')>()),
  useLoaderData: () => page.data,
}));

beforeAll(() => withDemoAccounts());

describe('/dev/outbox', () => {
  it('lists messages newest first, recipients and bodies in full', async () => {
    const { id } = (await testDatabase().get((db) =>
      db.select({ id: accounts.id }).from(accounts).where(eq(accounts.accountNumber, '100000010')),
    ))!;
    await notifyHolder(id, { key: 'pinSet', values: { at: new Date() } });
    await notifyHolder(id, { key: 'code', values: { code: '482913' } });
    const { messages } = await loader(args(new Request('http://localhost/dev/outbox'), new CookieJar()));
    const code = 'Your breach-check code is 482913. It expires in 10 minutes. We will never call or text to ask for it.';
    expect(messages[0]).toMatchObject({ channel: 'sms', recipient: '+13055550114', subject: 'Your breach-check code', body: code });
    expect(messages[1]!.subject).toBe('An account PIN was set');

    page.data = { messages };
    const html = renderToStaticMarkup(createElement(I18nextProvider, { i18n: i18nFor('en') }, createElement(DevOutbox)));
    expect(html).toContain('<h1 id="outbox-title">Messages the portal sent</h1>');
    expect(html).toContain('<table aria-labelledby="outbox-title">');
    expect(html).toContain('<td data-testid="outbox-recipient">+13055550114</td>');
    expect(html).toContain(`<pre data-testid="outbox-body">${code}</pre>`);
    expect(html.indexOf(code)).toBeLessThan(html.indexOf('An account PIN was set'));
  });

  it('does not exist outside demo mode', async () => {
    demo.mode = false;
    try {
      const thrown = await loader(args(new Request('http://localhost/dev/outbox'), new CookieJar())).catch((error: unknown) => error);
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(404);
    } finally {
      demo.mode = true;
    }
  });
});
