import { databaseAnswers } from '~/models/health.server';
import { log } from '~/services/logger.server';

export async function loader() {
  const ok = await databaseAnswers();
  // At debug level only: monitoring calls this every few seconds.
  log('debug', 'health check', { database: ok ? 'answers' : 'unavailable' });
  return Response.json(ok ? { status: 'ok' } : { status: 'error', reason: 'database unavailable' }, {
    status: ok ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
