// An incident's notices (DESIGN section 13): built from each account's own record (which of its fields were and were
// not exposed), in the account's language, to the holder's contacts, without a link; one per account per incident
// however often "Start sending" is clicked or the portal restarts; throttled across processes; paused and resumed.
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { fieldLabel, fieldRisk, incidentText, neverExposedLabel } from '~/i18n/catalogue';
import type { Language } from '~/i18n/config';
import { translatorFor } from '~/i18n/translator';
import type { NoticeRecipient } from '~/models/incident-notice.server';
import {
  accountsAwaitingNotice,
  campaignStatusIn,
  affectedAccountCounts,
  affectedAccountsPage,
  claimNotice,
  countAffectedAccounts,
  createCampaign,
  getCampaign,
  listCampaigns,
  moveCampaign,
  noticeProgress,
  takeFromBudget,
} from '~/models/incident-notice.server';
import { findIncident, INCIDENTS } from '~/models/incident.server';
import { queueMessagesIn, type NewOutboxMessage } from '~/models/outbox.server';
import { readQueries, writeTransaction } from '~/models/transaction.server';
import { getConfig } from '../config.server';
import { stateOfZip } from '../utils/us-state-of-zip';
import { recordAudit } from './audit.server';
import { startBackgroundLoop, type BackgroundLoop } from './background-loop.server';
import { messagesQueued, outboxRows } from './notifier.server';
import type { StaffSession } from './session.server';

// Notices per write transaction: each holds the database (and on SQLite this process) for a few milliseconds.
const BATCH = 50;

/** The two forms of one account's notice: the email with California's headings, and the short text. */
export function composeNotice(recipient: Pick<NoticeRecipient, 'accountNumber' | 'fields'>, incidentId: string, language: Language) {
  const incident = findIncident(incidentId)!;
  const t = translatorFor(language);
  const exposed = new Set(recipient.fields.split(';').filter(Boolean));
  const exposedFields = incident.possibleFields.filter((field) => exposed.has(field));
  const notExposed = incident.possibleFields.filter((field) => !exposed.has(field));
  const list = (fields: readonly string[]) =>
    fields.length ? fields.map((field) => fieldLabel(t, field)).join(', ') : t('notices:incidentNotice.none');
  const accountEnding = recipient.accountNumber.slice(-4);
  const section = (heading: string, ...paragraphs: string[]) => [heading.toUpperCase(), ...paragraphs].join('\n');
  const email = [
    t('notices:incidentNotice.heading').toUpperCase(),
    section(
      t('notices:incidentNotice.whatHappened'),
      t('notices:incidentNotice.happened', {
        summary: incidentText(t, incidentId, 'summary'),
        whatHappened: incidentText(t, incidentId, 'whatHappened'),
        accountEnding,
      }),
    ),
    section(
      t('notices:incidentNotice.whatInvolved'),
      [t('notices:incidentNotice.exposed'), ...exposedFields.map((field) => `- ${fieldLabel(t, field)}: ${fieldRisk(t, field)}`)].join(
        '\n',
      ),
      notExposed.length ? t('notices:incidentNotice.notExposed', { fields: list(notExposed) }) : t('notices:incidentNotice.nothingElse'),
      t('notices:incidentNotice.never', { fields: ['ssn', 'cards', 'passwords'].map((id) => neverExposedLabel(t, id)).join(', ') }),
    ),
    section(t('notices:incidentNotice.whatWeAreDoing'), t('notices:incidentNotice.doing')),
    section(
      t('notices:incidentNotice.whatYouCanDo'),
      [t('notices:incidentNotice.doPin'), t('notices:incidentNotice.doPortOut'), t('notices:incidentNotice.doWatch')]
        .map((line) => `- ${line}`)
        .join('\n'),
    ),
    section(t('notices:incidentNotice.moreInformation'), t('notices:incidentNotice.more')),
  ].join('\n\n');
  const text = t('notices:incidentNotice.text', {
    accountEnding,
    incident: incidentText(t, incidentId, 'title'),
    exposed: list(exposedFields),
    notExposed: list(notExposed),
  });
  return {
    email: { subject: t('notices:incidentNotice.subject'), body: email },
    text: { subject: t('notices:incidentNotice.textSubject'), body: text },
  };
}

/** The rows of one account's notice: the email to the account's address, the text to the holder's line; checked. */
export function noticeRows(recipient: NoticeRecipient, incidentId: string): NewOutboxMessage[] {
  const forms = composeNotice(recipient, incidentId, recipient.language);
  const rows = [
    ...(recipient.email ? outboxRows(recipient.accountId, [{ channel: 'email', recipient: recipient.email }], forms.email, null) : []),
    ...(recipient.holderLine
      ? outboxRows(recipient.accountId, [{ channel: 'sms', recipient: recipient.holderLine }], forms.text, null)
      : []),
  ];
  return rows.map((row) => ({ ...row, incidentId }));
}

function requireIncident(incidentId: string) {
  if (!findIncident(incidentId)) throw new Response('There is no such incident: choose one from the list.', { status: 404 });
}

/** What "Preview notices" shows: the counts, and the email and text forms in both languages for a sample account. */
export async function previewNotices(incidentId: string) {
  requireIncident(incidentId);
  const [total, counts, sample] = await Promise.all([
    countAffectedAccounts(incidentId),
    affectedAccountCounts(incidentId),
    affectedAccountsPage(incidentId, 0, 1),
  ]);
  const byState = new Map<string, number>();
  for (const { zip3, accounts } of counts.byZip3) {
    const state = stateOfZip(`${zip3}00`) ?? 'unknown';
    byState.set(state, (byState.get(state) ?? 0) + accounts);
  }
  const sampleRecord = sample[0] ? { accountNumber: '•••••0000', fields: sample[0].fields } : null;
  return {
    total,
    byChannel: { email: counts.email, sms: counts.sms },
    byLanguage: Object.fromEntries(counts.byLanguage.map((row) => [row.language, row.accounts])) as Partial<Record<Language, number>>,
    byState: [...byState].sort(([a], [b]) => a.localeCompare(b)).map(([state, accounts]) => ({ state, accounts })),
    samples: sampleRecord ? { en: composeNotice(sampleRecord, incidentId, 'en'), es: composeNotice(sampleRecord, incidentId, 'es') } : null,
  };
}

const staffActor = (admin: StaffSession) => ({ type: 'staff' as const, id: String(admin.staffId) });

export type SendingAnswer = 'started' | 'already-started' | 'paused' | 'resumed' | 'not-sending' | 'not-paused';

export async function startSending(admin: StaffSession, incidentId: string, now = new Date()): Promise<SendingAnswer> {
  requireIncident(incidentId);
  const total = await countAffectedAccounts(incidentId);
  if (!(await createCampaign(incidentId, total, admin.staffId, now))) return 'already-started';
  await recordAudit({ actor: staffActor(admin), action: 'notices.started', details: { incidentId, accounts: total } });
  wake();
  return 'started';
}

export async function pauseSending(admin: StaffSession, incidentId: string, now = new Date()): Promise<SendingAnswer> {
  requireIncident(incidentId);
  if (!(await moveCampaign(incidentId, ['sending'], 'paused', now))) return 'not-sending';
  await recordAudit({ actor: staffActor(admin), action: 'notices.paused', details: { incidentId } });
  return 'paused';
}

export async function resumeSending(admin: StaffSession, incidentId: string, now = new Date()): Promise<SendingAnswer> {
  requireIncident(incidentId);
  if (!(await moveCampaign(incidentId, ['paused'], 'sending', now))) return 'not-paused';
  await recordAudit({ actor: staffActor(admin), action: 'notices.resumed', details: { incidentId } });
  wake();
  return 'resumed';
}

/** The campaign's state and counts for the page: accounts noticed of the total, messages pending, sent, failed. */
export async function sendingProgress(incidentId: string) {
  const [campaign, progress] = await Promise.all([getCampaign(incidentId), noticeProgress(incidentId)]);
  return { status: campaign?.status ?? ('not-started' as const), total: campaign?.total ?? null, ...progress };
}

/**
 * One pass over every campaign that is sending: as many notices as this second's budget allows (shared by every
 * process), each account's claimed and queued in one transaction, so a crash or a second process never doubles one.
 */
export async function workNoticeCampaigns(now = new Date()): Promise<number> {
  const perSecond = Math.max(1, Math.ceil(getConfig().noticeRatePerMinute / 60));
  let queued = 0;
  for (const campaign of await listCampaigns('sending')) {
    for (;;) {
      const second = Math.floor(Date.now() / 1000);
      const budget = await writeTransaction((tx) =>
        takeFromBudget(tx, `incident-notices:${second}`, BATCH, perSecond, new Date((second + 2) * 1000)),
      );
      if (budget === 0) break;
      // Read and worded outside the write transaction, which then only claims and queues: it holds the database briefly.
      const waiting = await accountsAwaitingNotice(readQueries(), campaign.incidentId, budget);
      const prepared = waiting.map((recipient) => ({ recipient, rows: noticeRows(recipient, campaign.incidentId) }));
      const outcome = await writeTransaction(async (tx) => {
        // Paused (or finished) by another request or process since the list was read: queue nothing more.
        if ((await campaignStatusIn(tx, campaign.incidentId)) !== 'sending') return { queued: 0, finished: false, stop: true };
        if (prepared.length === 0) {
          await moveCampaign(campaign.incidentId, ['sending'], 'done', now, tx);
          return { queued: 0, finished: true, stop: true };
        }
        let done = 0;
        for (const { recipient, rows } of prepared) {
          if (!(await claimNotice(tx, campaign.incidentId, recipient.accountId, rows.length, now))) continue;
          await queueMessagesIn(tx, rows, now);
          done += 1;
        }
        return { queued: done, finished: false, stop: false };
      });
      queued += outcome.queued;
      if (outcome.finished)
        await recordAudit({
          actor: { type: 'system', id: 'notices' },
          action: 'notices.completed',
          details: { incidentId: campaign.incidentId },
        });
      if (outcome.queued > 0) messagesQueued();
      if (outcome.stop) break;
      // Let requests in between batches: on SQLite every await above resolves at once, so without this the whole
      // second's budget would run before the process answered anything.
      await yieldToRequests();
    }
  }
  return queued;
}

let loop: BackgroundLoop | undefined;
const wake = () => loop?.wake();

/** Works the campaigns every second in this process (every process does; the database keeps them apart). */
export function startNoticeCampaigns(options: { intervalMs?: number } = {}): () => void {
  // A pass uses up the second's budget or the work: the next second's tick goes on.
  const started = startBackgroundLoop('incident notices', async () => (await workNoticeCampaigns(), false), options.intervalMs ?? 1_000);
  loop = started;
  return () => {
    started.stop();
    if (loop === started) loop = undefined;
  };
}

/** The regulator summary: affected accounts by state (from the billing ZIP) and by exposed field, as CSV. */
export async function regulatorSummaryCsv(incidentId: string): Promise<string> {
  requireIncident(incidentId);
  const byState = new Map<string, number>();
  const byField = new Map<string, number>(findIncident(incidentId)!.possibleFields.map((field) => [field, 0]));
  let total = 0;
  for (let after = 0; ;) {
    const page = await affectedAccountsPage(incidentId, after, 5_000);
    for (const row of page) {
      total += 1;
      const state = stateOfZip(row.billingZip) ?? 'unknown';
      byState.set(state, (byState.get(state) ?? 0) + 1);
      for (const field of row.fields.split(';').filter(Boolean)) byField.set(field, (byField.get(field) ?? 0) + 1);
    }
    if (page.length < 5_000) break;
    after = page.at(-1)!.accountId;
  }
  const lines = ['section,key,accounts', `total,all,${total}`];
  for (const [state, accounts] of [...byState].sort(([a], [b]) => a.localeCompare(b))) lines.push(`state,${state},${accounts}`);
  for (const [field, accounts] of byField) lines.push(`field,${field},${accounts}`);
  return `${lines.join('\n')}\n`;
}

export const NOTICE_INCIDENTS = INCIDENTS.map((incident) => incident.id);
