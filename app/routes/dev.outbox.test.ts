import { eq } from 'drizzle-orm';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { accounts } from '../../db/schema';
import { testDb, withDemoAccounts } from '../../tests/helpers/db';
import { notifyHolder } from '~/services/notifier.server';
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
    const { id } = testDb().select({ id: accounts.id }).from(accounts).where(eq(accounts.accountNumber, '100000010')).get()!;
    await notifyHolder(id, { subject: 'Older', body: 'First.' });
    await notifyHolder(id, { subject: 'Your code', body: 'Your code is 482913.' });
    const { messages } = await loader();
    expect(messages[0]).toMatchObject({ channel: 'sms', recipient: '+13055550114', subject: 'Your code', body: 'Your code is 482913.' });
    expect(messages[1]!.subject).toBe('Older');

    page.data = { messages };
    const html = renderToStaticMarkup(createElement(DevOutbox));
    expect(html).toContain('<h1 id="outbox-title">Messages the portal sent</h1>');
    expect(html).toContain('<table aria-labelledby="outbox-title">');
    expect(html).toContain('<td data-testid="outbox-recipient">+13055550114</td>');
    expect(html).toContain('<pre data-testid="outbox-body">Your code is 482913.</pre>');
    expect(html.indexOf('Your code is 482913.')).toBeLessThan(html.indexOf('First.'));
  });

  it('does not exist outside demo mode', async () => {
    demo.mode = false;
    try {
      const thrown = await loader().catch((error: unknown) => error);
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(404);
    } finally {
      demo.mode = true;
    }
  });
});
