// The journey bench's portal: the real built server (server/index.ts) with production settings, but in demo mode, for
// the two things a whole visit needs that production leaves to the carrier: the built-in provisioner (no
// PROVISIONING_URL) and one-time codes kept readable in the outbox. TRUST_PROXY=1 and HOST=127.0.0.1 (as the README
// tells operators behind one proxy): each simulated customer's X-Forwarded-For is the address the per-client limits see.
import { portalEnv, startPortal, type PortalProcess, type PortalSettings } from './portal-process';

export interface JourneyPortal extends PortalProcess {
  /** WEBAUTHN_ORIGIN as the portal derives it (http://localhost:PORT): the Origin every mutation must carry. */
  origin: string;
}

const JOURNEY_ENV = { DEMO_MODE: 'true', TRUST_PROXY: '1' };

/** The environment the portal runs with; the load driver opens the same database with it (codes, checks). */
export function journeyPortalEnv(settings: PortalSettings, port = 0): NodeJS.ProcessEnv {
  return { ...portalEnv(settings, port), ...JOURNEY_ENV };
}

export async function startJourneyPortal(settings: PortalSettings): Promise<JourneyPortal> {
  const portal = await startPortal(settings, JOURNEY_ENV);
  return { ...portal, origin: `http://localhost:${portal.port}` };
}
