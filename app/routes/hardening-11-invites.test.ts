// Finding 11: staff invites could not be revoked: a link handed to the wrong person worked for 24 hours.
import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { markInviteUsed } from '~/models/staff.server';
import { startStaffSession } from '~/services/session.server';
import { inviteStaff, openInviteFor } from '~/services/staff-invites.server';
import { auditEvents, staff } from '../../db/tables';
import { testDatabase } from '../../tests/helpers/db';
import { args, CookieJar } from '../../tests/helpers/requests';
import { action as adminAction, loader as adminLoader } from './admin';
import { loader as enrollLoader } from './staff.enroll.$token';

let admin: CookieJar;

beforeAll(async () => {
  const { id } = (await testDatabase().get((db) =>
    db.insert(staff).values({ name: 'Ada Admin', role: 'admin', webauthnUserId: 'hardening-11' }).returning({ id: staff.id }),
  ))!;
  admin = new CookieJar();
  admin.take(new Response(null, { headers: { 'Set-Cookie': await startStaffSession(admin.request('/'), id) } }));
});

describe('finding 11: pending staff invites can be revoked', () => {
  it('lists pending invites on /admin with "Revoke"; a revoked link no longer works, and it is audited', async () => {
    const { link } = await inviteStaff({
      name: 'Wrong Person',
      role: 'agent',
      invitedBy: { type: 'operator', id: 'test' },
      invitedByStaffId: null,
    });
    const token = link.split('/').at(-1)!;
    const page = await adminLoader(args(admin.request('/admin'), admin));
    const invite = page.invites.find((candidate) => candidate.name === 'Wrong Person')!;
    expect(invite).toMatchObject({ role: 'agent' });

    const answer = (await adminAction(args(admin.form('/admin', { intent: 'revoke-invite', inviteId: String(invite.id) }), admin))) as {
      data: { notice?: string };
    };
    expect(answer.data.notice).toBe('Invite for Wrong Person revoked: the link no longer works.');
    const refused = await enrollLoader({ request: new Request(link), params: { token }, context: {} as never }).catch((error) => error);
    expect((refused as Response).status).toBe(410);
    expect((await adminLoader(args(admin.request('/admin'), admin))).invites.some((candidate) => candidate.id === invite.id)).toBe(false);
    const audited = await testDatabase().get((db) =>
      db
        .select({ details: auditEvents.details })
        .from(auditEvents)
        .where(eq(auditEvents.action, 'staff.invite_revoked'))
        .orderBy(desc(auditEvents.id)),
    );
    expect(audited!.details).toMatchObject({ inviteId: invite.id, name: 'Wrong Person' });
  });

  it('an invite revoked (or expired) while its ceremony runs can no longer be claimed by it', async () => {
    const { link } = await inviteStaff({
      name: 'Racing Person',
      role: 'agent',
      invitedBy: { type: 'operator', id: 'test' },
      invitedByStaffId: null,
    });
    const token = link.split('/').at(-1)!;
    // The ceremony has read the open invite (as registration options do) before the administrator revokes it.
    const invite = (await openInviteFor(token))!;
    await adminAction(args(admin.form('/admin', { intent: 'revoke-invite', inviteId: String(invite.id) }), admin));
    expect(await markInviteUsed(invite.id)).toBe(false);

    const { link: late } = await inviteStaff({
      name: 'Late Person',
      role: 'agent',
      invitedBy: { type: 'operator', id: 'test' },
      invitedByStaffId: null,
    });
    const expiring = (await openInviteFor(late.split('/').at(-1)!))!;
    expect(await markInviteUsed(expiring.id, new Date(expiring.expiresAt.getTime() + 1))).toBe(false);
  });
});
