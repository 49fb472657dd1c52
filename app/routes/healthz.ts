import { databaseAnswers } from '~/models/health.server';

export async function loader() {
  const ok = await databaseAnswers();
  return Response.json(
    ok ? { status: 'ok' } : { status: 'error', reason: 'database unavailable' },
    { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
