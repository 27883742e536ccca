import type { AuditEntry } from './moderation.repository';

export interface AuditChange {
  field: string;
  before: string;
  after: string;
}

export interface AuditLine {
  id: number;
  claimId: number | null;
  when: string;
  actor: string;
  action: string;
  reason: string | null;
  changes: AuditChange[];
}

const show = (value: unknown): string =>
  value === undefined
    ? ''
    : value === null
      ? '—'
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** An audit event as the history page prints it: the fields that changed, before and after. */
export function describeEvent(event: AuditEntry): AuditLine {
  const before = record(event.before);
  const after = record(event.after);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (field) => field !== 'id',
  );
  const changes = fields
    .filter(
      (field) =>
        event.before === null || JSON.stringify(before[field]) !== JSON.stringify(after[field]),
    )
    .filter((field) => event.before !== null || (after[field] !== null && after[field] !== ''))
    .map((field) => ({
      field,
      before: event.before === null ? '' : show(before[field]),
      after: event.after === null ? '' : show(after[field]),
    }));
  return {
    id: event.id,
    claimId: event.claimId,
    when: new Date(event.createdAt).toISOString().replace('T', ' ').slice(0, 19) + ' UTC',
    actor: event.actor,
    action: event.action,
    reason: event.reason,
    changes,
  };
}

const DONE: Record<string, (id: string) => string> = {
  approved: (id) => `Claim #${id} approved.`,
  rejected: (id) => `Claim #${id} rejected.`,
  retracted: (id) => `Claim #${id} retracted.`,
  saved: (id) => `Claim #${id} saved.`,
  submission: (id) => `The pending claims of submission #${id} were approved.`,
};

/** The confirmation after a redirect, from fixed wording: the query never puts text on the page. */
export function noticeFrom(query: Record<string, unknown>): string | null {
  const done = typeof query.done === 'string' ? DONE[query.done] : undefined;
  const id = typeof query.id === 'string' && /^\d{1,10}$/.test(query.id) ? query.id : null;
  return done && id ? done(id) : null;
}
