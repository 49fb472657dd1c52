import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import catalogue from '../../app/i18n/locales/en/incidents';
import { INCIDENTS } from '../../db/incidents';
import { collectConsoleErrors } from '../helpers/browser';
import { portalFixture } from './fixture';

const portal = portalFixture();

async function open(path: string): Promise<{ page: Page; errors: string[]; status: number }> {
  const page = await portal.browser.newPage();
  const errors = collectConsoleErrors(page);
  const response = await page.goto(`${portal.server.url}${path}`);
  await page.waitForLoadState('networkidle');
  return { page, errors, status: response!.status() };
}

describe('public pages', () => {
  it('the landing page explains what happened and leads to "Check my account"', async () => {
    const { page, errors, status } = await open('/');
    expect(status).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('three data incidents');
    const check = page.getByRole('link', { name: 'Check my account' });
    expect(await check.getAttribute('href')).toBe('/sign-in');
    for (const incident of INCIDENTS) {
      expect(await page.getByRole('link', { name: incident.title }).getAttribute('href')).toBe(`/incidents/${incident.id}`);
    }
    expect(await page.textContent('body')).toContain('Social Security numbers');
    expect(errors).toEqual([]);
    expect(await portal.axe(page)).toEqual([]);
    await page.close();
  });

  it('/incidents lists every incident with what may and may not have been exposed', async () => {
    const { page, errors } = await open('/incidents');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('The incidents');
    for (const incident of INCIDENTS) {
      const article = page.getByRole('article').filter({ has: page.getByRole('heading', { name: incident.title }) });
      const text = await article.textContent();
      for (const field of incident.possibleFields) expect(text).toContain(catalogue.field[field].label);
      expect(text).toContain('Social Security number');
    }
    expect(errors).toEqual([]);
    expect(await portal.axe(page)).toEqual([]);
    await page.close();
  });

  it.each(INCIDENTS.map((incident) => [incident.id, incident] as const))(
    '/incidents/%s renders the catalogue facts',
    async (id, incident) => {
      const { page, errors, status } = await open(`/incidents/${id}`);
      expect(status).toBe(200);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(incident.title);
      expect(await page.textContent('body')).toContain(catalogue.incident[id as keyof typeof catalogue.incident].when);
      const exposed = page.getByRole('region', { name: 'Details that may have been exposed' });
      const exposedItems = await exposed.getByRole('listitem').allTextContents();
      expect(exposedItems).toHaveLength(incident.possibleFields.length);
      incident.possibleFields.forEach((field, index) => expect(exposedItems[index]).toContain(catalogue.field[field].label));
      const notExposed = await page.getByRole('region', { name: 'Not exposed' }).textContent();
      for (const never of ['Social Security number', 'Credit or debit card numbers', 'Passwords']) {
        expect(notExposed).toContain(never);
      }
      expect(await page.getByRole('link', { name: 'Check my account' }).getAttribute('href')).toBe('/sign-in');
      expect(errors).toEqual([]);
      expect(await portal.axe(page)).toEqual([]);
      await page.close();
    },
  );

  it('an unknown incident or page gets the friendly 404 page, not a 500', async () => {
    for (const path of ['/incidents/2021-01-unknown', '/no-such-page']) {
      const { page, status, errors } = await open(path);
      expect(status).toBe(404);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('We could not find that page');
      expect(await page.getByRole('link', { name: 'The incidents' }).isVisible()).toBe(true);
      expect(errors.filter((error) => !error.includes('404'))).toEqual([]);
      await page.close();
    }
  });

  it('no account data appears on public pages', async () => {
    for (const path of ['/', '/incidents', '/incidents/2018-08-api']) {
      const html = await (await fetch(`${portal.server.url}${path}`)).text();
      expect(html).not.toMatch(/1000000\d\d|Jordan Rivera|\+1206555/);
    }
  });
});

describe('security headers', () => {
  it('every HTML response carries a nonce CSP that matches its scripts, and the other headers', async () => {
    for (const path of ['/', '/incidents', '/incidents/2019-11-prepaid', '/no-such-page']) {
      const response = await fetch(`${portal.server.url}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, path).toBeTruthy();
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      const html = await response.text();
      const scriptNonces = [...html.matchAll(/<script[^>]*nonce="([^"]+)"/g)].map((match) => match[1]);
      expect(scriptNonces.length, path).toBeGreaterThan(0);
      expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
      expect(html).not.toMatch(/<script(?![^>]*nonce=)[^>]*>/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.get('strict-transport-security')).toBeNull(); // plain http here
    }
  });

  it('a fresh nonce for every request', async () => {
    const nonces = await Promise.all([1, 2, 3].map(async () => (await fetch(portal.server.url)).headers.get('content-security-policy')));
    expect(new Set(nonces).size).toBe(3);
  });

  it('refuses a form post from another site', async () => {
    const response = await fetch(`${portal.server.url}/`, { method: 'POST', headers: { Origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
  });

  it('answers malformed or oversized submissions with a 4xx and a plain sentence, never a 500 or a stack trace', async () => {
    const origin = { Origin: portal.server.url };
    const cases: Array<[string, RequestInit, number]> = [
      ['/enroll', { method: 'POST', headers: origin }, 400],
      ['/enroll/agent-code', { method: 'POST', headers: { ...origin, 'Content-Type': 'application/json' }, body: '{}' }, 400],
      ['/enroll', { method: 'POST', headers: { ...origin, 'Content-Type': 'multipart/form-data; boundary=x' }, body: 'garbage' }, 400],
      [
        '/enroll',
        {
          method: 'POST',
          headers: { ...origin, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: `accountNumber=${'1'.repeat(200_000)}`,
        },
        413,
      ],
      ['/incidents/%E0%A4%A', {}, 400],
    ];
    for (const [path, init, status] of cases) {
      const response = await fetch(`${portal.server.url}${path}`, init);
      expect(response.status, path).toBe(status);
      expect(await response.text(), path).not.toMatch(/at .+\.(js|ts):\d+|node_modules/);
    }
  });

  it('serves public pages with a fresh nonce whether or not the client takes gzip', async () => {
    const { request } = await import('node:http');
    const raw = (encoding: string) =>
      new Promise<{ encoding: string | undefined; csp: string; body: Buffer }>((resolve, reject) => {
        request(`${portal.server.url}/incidents`, { headers: { 'Accept-Encoding': encoding } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              encoding: response.headers['content-encoding'],
              csp: String(response.headers['content-security-policy']),
              body: Buffer.concat(chunks),
            }),
          );
        })
          .on('error', reject)
          .end();
      });
    const { gunzipSync } = await import('node:zlib');
    const zipped = await raw('gzip');
    const plain = await raw('identity');
    expect(zipped.encoding).toBe('gzip');
    expect(plain.encoding).toBeUndefined();
    for (const { csp, html } of [
      { csp: zipped.csp, html: gunzipSync(zipped.body).toString() },
      { csp: plain.csp, html: plain.body.toString() },
    ]) {
      const nonce = /'nonce-([^']+)'/.exec(csp)![1];
      expect(html).toContain(`nonce="${nonce}"`);
      expect(html).toContain('<h1>The incidents</h1>');
    }
    expect(zipped.csp).not.toBe(plain.csp);
  });

  it('still serves the files in public/', async () => {
    const response = await fetch(`${portal.server.url}/favicon.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('image/svg+xml');
    expect((await fetch(`${portal.server.url}/robots.txt`)).status).toBe(200);
  });

  it('serves fingerprinted assets with a long cache', async () => {
    const html = await (await fetch(portal.server.url)).text();
    const asset = /href="(\/build\/[^"]+\.css)"/.exec(html)![1];
    const response = await fetch(`${portal.server.url}${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('immutable');
  });
});

describe('/healthz', () => {
  it('answers 200 with status ok when the database answers', async () => {
    const response = await fetch(`${portal.server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
