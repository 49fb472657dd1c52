// Debian's Chromium driven by playwright-core, plus the CDP virtual authenticator for passkey tests.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Collects console errors (CSP violations show up there) for a page. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export interface VirtualAuthenticator {
  cdp: CDPSession;
  authenticatorId: string;
  credentials: () => Promise<Array<{ credentialId: string; signCount: number; userHandle?: string }>>;
}

/** Attaches a CTAP2 platform authenticator with user verification; keep the session for the whole test. */
export async function addVirtualAuthenticator(page: Page): Promise<VirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    cdp,
    authenticatorId,
    credentials: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials,
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page (evaluated through CDP, so the page's CSP does not block it). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: () => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> }> };
      }
    ).axe;
    const result = await axe.run();
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
  });
  return violations;
}

let nextClient = 1;

/**
 * A browser context that looks like a distinct customer to per-client rate limits: the test server runs with
 * TRUST_PROXY=1 (one proxy in front) and each context sends its own X-Forwarded-For from the TEST-NET-2 documentation range.
 * Pass `sameClientAs` to open another context (say, without JavaScript) for the same customer and cookies.
 */
export async function newCustomerContext(
  browser: Browser,
  options: { javaScriptEnabled?: boolean; sameClientAs?: BrowserContext; locale?: string } = {},
): Promise<BrowserContext> {
  const client = options.sameClientAs ? clientNumber.get(options.sameClientAs)! : nextClient++;
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    // The browser's language: Accept-Language and navigator.language (en-US unless a test says otherwise).
    locale: options.locale ?? 'en-US',
    extraHTTPHeaders: { 'X-Forwarded-For': `198.51.${100 + Math.floor(client / 250)}.${client % 250}` },
  });
  clientNumber.set(context, client);
  if (options.sameClientAs) await context.addCookies(await options.sameClientAs.cookies());
  return context;
}

const clientNumber = new WeakMap<BrowserContext, number>();
