// The regulator summary of an incident's affected accounts, by state and by exposed field, as a CSV download.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { NOTICE_INCIDENTS, regulatorSummaryCsv } from '~/services/incident-notices.server';
import { requireStaff } from '~/services/session.server';

const Query = z.object({ incident: z.enum(NOTICE_INCIDENTS as [string, ...string[]]) });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, ['admin']);
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return new Response('Choose an incident: ?incident= one of ' + NOTICE_INCIDENTS.join(', '), { status: 400 });
  const csv = await regulatorSummaryCsv(query.data.incident);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="breach-summary-${query.data.incident}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
