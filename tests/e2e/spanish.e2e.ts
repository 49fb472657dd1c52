// Issue 13: a customer whose browser asks for Spanish (Accept-Language: es-US) reads every page in Spanish, with no
// string of the English catalogs left, gets the code and the notices in Spanish, and can switch languages and keep
// the page. Robin Diaz (100000012, +16025550116, old demo PIN 739112) has an account whose language is Spanish.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addVirtualAuthenticator, collectConsoleErrors } from '../helpers/browser';
import { englishIn } from '../helpers/english-text';
import { portalFixture } from './fixture';

const portal = portalFixture();
const ROBIN = { accountNumber: '100000012', phone: '+16025550116' };

let context: BrowserContext;
let page: Page;
let errors: string[];

/** Everything a reader or a screen reader gets from the page: its text, its title and its labels. */
async function pageWords(target: Page): Promise<string> {
  return target.evaluate(() => {
    const labels = [...document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')].flatMap((element) =>
      ['aria-label', 'title', 'alt', 'placeholder'].map((name) => element.getAttribute(name) ?? ''),
    );
    return [document.title, document.body.innerText, ...labels].join('\n');
  });
}

/** The page is Spanish through and through: <html lang="es">, no English catalog string, and axe finds nothing. */
async function expectSpanish(target: Page, what: string) {
  expect(await target.getAttribute('html', 'lang'), what).toBe('es');
  expect({ what, english: englishIn(await pageWords(target)) }).toEqual({ what, english: [] });
  expect({ what, axe: await portal.axe(target) }).toEqual({ what, axe: [] });
}

async function visit(path: string) {
  await page.goto(portal.url(path));
  await page.waitForLoadState('networkidle');
  await expectSpanish(page, path);
}

describe('Spanish, for a browser that asks for it', () => {
  it('the public pages, sign-in and enrollment pages are in Spanish', async () => {
    context = await portal.newClient({ locale: 'es-US' });
    page = await context.newPage();
    errors = collectConsoleErrors(page);
    for (const path of ['/', '/incidents', '/incidents/2018-08-api', '/incidents/2019-11-prepaid', '/incidents/2020-03-email-vendor']) {
      await visit(path);
    }
    for (const path of ['/sign-in', '/enroll', '/enroll/agent-code', '/incidents/none-such', '/no-such-page']) await visit(path);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('No encontramos esa página');
  });

  it('a customer enrolls in Spanish: the form errors, the code by text and the passkey step', async () => {
    await addVirtualAuthenticator(page);
    await page.goto(portal.url('/enroll'));
    await page.getByRole('button', { name: 'Enviar código' }).click();
    await page.getByText('Escribe tu número de cuenta').waitFor();
    await expectSpanish(page, 'enroll with errors');

    await page.getByLabel('Número de cuenta').fill(ROBIN.accountNumber);
    await page.getByLabel('Número de teléfono').fill('(602) 555-0116');
    await page.getByRole('button', { name: 'Enviar código' }).click();
    await page.getByRole('heading', { name: 'Escribe tu código' }).waitFor();
    await expectSpanish(page, 'enroll code step');

    const [code] = (await portal.outbox()).filter((message) => message.recipient === ROBIN.phone);
    expect(code!.subject).toBe('Tu código de revisión de filtraciones');
    expect(code!.body).toMatch(/^Tu código de revisión de filtraciones es \d{6}\. Vence en 10 minutos\./);

    await page.getByLabel('Código').fill('000000');
    await page.getByRole('button', { name: 'Verificar' }).click();
    await page.getByText('Ese código no es correcto').waitFor();
    await expectSpanish(page, 'wrong code');
    await page.getByLabel('Código').fill(await portal.latestCode(ROBIN.phone));
    await page.getByRole('button', { name: 'Verificar' }).click();
    await page.getByRole('heading', { name: 'Crea tu llave de acceso' }).waitFor();
    await expectSpanish(page, 'create passkey');
    await page.getByRole('button', { name: 'Crear la llave de acceso' }).click();
    await page.waitForURL(portal.url('/account**'));
    await page.getByRole('heading', { name: 'Tus datos expuestos' }).waitFor();
    await expectSpanish(page, 'welcome');
  });

  it('reads the exposure in Spanish, incident by incident', async () => {
    await visit('/account');
    expect(await page.locator('.headline').textContent()).toContain('Tu cuenta estuvo en 2 de los 3 incidentes.');
    const grid = page.getByRole('table', { name: 'Tus datos en cada incidente' });
    expect(await grid.textContent()).toContain('Código postal de facturación');
    for (const path of ['/account/passkeys', '/account/sessions', '/account/people', '/account/confirm?redirectTo=%2Faccount']) {
      await visit(path);
    }
  });

  it('changes the PIN of the account in Spanish, and the notice goes out in Spanish', async () => {
    await visit('/account/pin');
    await page.getByLabel('PIN nuevo', { exact: true }).pressSequentially('123456');
    expect(await page.locator('#pin-rule-sequence').textContent()).toContain('No uses dígitos que suban o bajen de uno en uno.');
    await expectSpanish(page, 'live PIN rules');

    await page.getByLabel('PIN actual').fill('111111');
    await page.getByLabel('PIN nuevo', { exact: true }).fill('583920');
    await page.getByLabel('Confirma el PIN nuevo').fill('583920');
    await page.getByRole('button', { name: 'Cambiar el PIN' }).click();
    await page.getByText('Ese no es tu PIN actual.').waitFor();
    await expectSpanish(page, 'wrong current PIN');

    await page.getByLabel('PIN actual').fill('739112');
    await page.getByLabel('PIN nuevo', { exact: true }).fill('583920');
    await page.getByLabel('Confirma el PIN nuevo').fill('583920');
    await page.getByRole('button', { name: 'Cambiar el PIN' }).click();
    await page.getByRole('heading', { name: 'Se cambió el PIN de la cuenta' }).waitFor();
    await expectSpanish(page, 'PIN changed');

    const notices = (await portal.outbox()).filter((message) => message.subject === 'Se cambió el PIN de la cuenta');
    expect(notices.map((notice) => notice.recipient).sort()).toEqual(['+16025550116', 'robin@example.com']);
    expect(notices[0]!.body).toMatch(/^El PIN de la cuenta se cambió el \d+ de diciembre de 2026 a las .+, hora del Pacífico\./);
    await visit('/account');
    expect(await page.getByRole('region', { name: 'Qué hacer' }).textContent()).toMatch(/Hecho el \d+ de diciembre de 2026/);
  });

  it('prints the statement in Spanish', async () => {
    await visit('/account/statement');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Incidentes de datos de clientes: constancia para tus registros',
    );
    expect(await page.textContent('main')).toMatch(/Referencia\s*BC-\d{8}-[0-9A-Z]{8}/);
    expect(await page.textContent('main')).toContain('PIN de la cuenta cambiado el');
    await page.emulateMedia({ media: 'print' });
    expect((await page.pdf()).subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });
  });

  it('switches to English and back on the same page, and the choice is remembered on the next visit', async () => {
    await page.goto(portal.url('/account/statement'));
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForURL(portal.url('/account/statement'));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Customer data incidents: statement for your records');

    // The browser still asks for Spanish; the choice it made wins on the next visit.
    const next = await context.newPage();
    await next.goto(portal.url('/incidents'));
    expect(await next.getAttribute('html', 'lang')).toBe('en');
    await next.close();

    await page.getByRole('button', { name: 'Español' }).click();
    await page.waitForURL(portal.url('/account/statement'));
    await expectSpanish(page, 'back to Spanish');

    // Stored with the person too: a browser without the remembered choice that signs in as them reads Spanish.
    expect((await portal.sql<{ language: string }>('SELECT language FROM customers WHERE phone = ?', ROBIN.phone))[0]?.language).toBe('es');
    const elsewhere = await portal.newClient({ locale: 'en-US' });
    const session = (await context.cookies()).filter((cookie) => cookie.name.endsWith('bc_session'));
    await elsewhere.addCookies(session);
    const there = await elsewhere.newPage();
    await there.goto(portal.url('/account'));
    expect(await there.getAttribute('html', 'lang')).toBe('es');
    await elsewhere.close();
    // The 404 pages and refused forms above were asked for; anything else (a CSP report, a missing translation) is not.
    expect(errors.filter((error) => !error.startsWith('Failed to load resource'))).toEqual([]);
  });

  it('the outbox page itself is in Spanish, and the English pages are still English with axe clean', async () => {
    await visit('/dev/outbox');
    const english = await portal.newClient({ locale: 'en-US' });
    const plain = await english.newPage();
    for (const path of ['/', '/incidents', '/sign-in', '/enroll']) {
      await plain.goto(portal.url(path));
      expect(await plain.getAttribute('html', 'lang')).toBe('en');
      expect(await portal.axe(plain)).toEqual([]);
    }
    await english.close();
    await context.close();
  });
});
