import type { Stage } from '#events/vocabulary/stage.ts';
import type { JobView } from '#shared/bulk/job-view.ts';
import type { ConfigError } from '#shared/config/config-kind.ts';
import type { ConfigChange, ConfigVersion, PublishOutcome } from '#shared/config/config-version.ts';
import type { ContactListEntry, ContactListPage } from '#shared/contact/contact-directory.ts';
import type { FunnelInterval, FunnelReport } from '#shared/funnel/funnel-report.ts';
import type { contactView, reviewEntry } from '#shared/review/contact-view.ts';
import type { ReviewDecisionKind } from '#shared/review/review-rules.ts';
import type { ScoringModel } from '#shared/scoring/scoring-model.ts';
import type { SimulationReport } from '#shared/scoring/simulate-model.ts';
import { currentSession } from './session.ts';

export type ContactView = ReturnType<typeof contactView>;
export type { FollowUpEntry } from '#shared/follow-up/follow-up-list.ts';

import type { FollowUpEntry } from '#shared/follow-up/follow-up-list.ts';
export type ReviewEntry = ReturnType<typeof reviewEntry>;
export type {
  ConfigChange,
  ConfigError,
  ConfigVersion,
  ContactListEntry,
  FunnelInterval,
  FunnelReport,
  JobView,
  PublishOutcome,
  ScoringModel,
  SimulationReport,
  Stage,
};

/** An answer of the API that is not a success: its problem details (RFC 9457), or a network failure. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly type: string;
  readonly errors: readonly { field: string; message: string }[];
  /** A refused publish's errors, each with the document path. */
  readonly configErrors: readonly ConfigError[];

  constructor(
    status: number,
    type: string,
    detail: string,
    errors: { field: string; message: string }[] = [],
  ) {
    super(detail);
    this.status = status;
    this.type = type;
    this.errors = errors;
    this.configErrors = errors.flatMap((error) => {
      const { path, message } = error as unknown as Partial<ConfigError>;
      return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
    });
  }
}

/** Told when the API refuses the credentials, so the console can ask for them again. */
let onUnauthorized: () => void = () => {};
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

/** Renews an expired identity token (Cognito's last an hour); true when there is a fresh one. */
let renewIdentity: () => Promise<boolean> = async () => false;
export function whenIdentityExpires(renew: () => Promise<boolean>): void {
  renewIdentity = renew;
}

/** Calls the admin API on the console's own origin with this tab's credentials. */
export async function api<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  retried = false,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const session = currentSession();
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  if (session) headers.authorization = `Bearer ${session.token}`;
  if (session?.identity) headers['x-leadflow-identity'] = session.identity;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  const payload = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return payload as T;
  if (
    response.status === 401 &&
    session?.identity &&
    !retried &&
    (await renewIdentity().catch(() => false))
  ) {
    return api<T>(method, path, body, true, extraHeaders);
  }
  if (response.status === 401) onUnauthorized();
  throw new ApiError(
    response.status,
    typeof payload.type === 'string' ? payload.type : 'about:blank',
    typeof payload.detail === 'string'
      ? payload.detail
      : typeof payload.message === 'string'
        ? payload.message
        : response.statusText,
    Array.isArray(payload.errors) ? (payload.errors as { field: string; message: string }[]) : [],
  );
}

export const adminApi = {
  funnel: (from: string, to: string, interval: FunnelInterval) =>
    api<FunnelReport>('GET', `/admin/funnel?${new URLSearchParams({ from, to, interval })}`),
  search: (query: URLSearchParams) => api<ContactListPage>('GET', `/admin/contacts/search?${query}`),
  contact: (contactId: string) => api<ContactView>('GET', `/admin/contacts/${encodeURIComponent(contactId)}`),
  reviews: (cursor?: string) =>
    api<{ reviews: ReviewEntry[]; nextCursor?: string }>(
      'GET',
      `/admin/reviews?${new URLSearchParams({ limit: '25', ...(cursor ? { cursor } : {}) })}`,
    ),
  decide: (
    contactId: string,
    decision: {
      decision: ReviewDecisionKind;
      reason?: string;
      reviewer?: string;
      answers?: Record<string, string>;
    },
  ) =>
    api<{ stage: Stage; qualificationId?: string }>(
      'POST',
      `/admin/reviews/${encodeURIComponent(contactId)}`,
      decision,
    ),
  reassign: (contactId: string, owner: string, reviewer?: string) =>
    api<{ owner: string; changed: boolean }>(
      'POST',
      `/admin/contacts/${encodeURIComponent(contactId)}/owner`,
      {
        owner,
        reviewer,
      },
    ),
  followUps: () => api<{ followUps: FollowUpEntry[] }>('GET', '/admin/follow-ups'),
  model: () => api<{ version: string; model: ScoringModel }>('GET', '/admin/model'),
  /** Starts a simulation over every stored contact: a bulk job whose result is the report. */
  simulate: (model: unknown) => api<JobView>('POST', '/admin/model/simulate', { model }),
  jobs: () => api<{ jobs: JobView[] }>('GET', '/admin/jobs'),
  job: (jobId: string) => api<JobView>('GET', `/admin/jobs/${encodeURIComponent(jobId)}`),
  startJob: (kind: StartableJobKind) => api<JobView>('POST', '/admin/jobs', { kind }),
  cancelJob: (jobId: string) => api<JobView>('POST', `/admin/jobs/${encodeURIComponent(jobId)}/cancel`),
  checkConfig: (kind: string, document: unknown) =>
    api<{ valid: boolean; errors: ConfigError[]; against?: number; changes: ConfigChange[] }>(
      'POST',
      `/admin/config/${kind}/validate`,
      { document },
    ),
  history: (kind: string) =>
    api<{ versions: Omit<ConfigVersion, 'document'>[] }>('GET', `/admin/config/${kind}/history`),
  publish: (kind: string, body: { document: unknown; reason: string; by?: string }, publishToken: string) =>
    api<PublishOutcome>('POST', `/admin/config/${kind}/publish`, body, false, publishHeader(publishToken)),
  rollback: (kind: string, body: { version: number; reason: string; by?: string }, publishToken: string) =>
    api<PublishOutcome>('POST', `/admin/config/${kind}/rollback`, body, false, publishHeader(publishToken)),
};

/** The local stand-in for the publishers group (see shared/http/publish-permission.ts). */
function publishHeader(token: string): Record<string, string> {
  return token ? { 'x-leadflow-publish-token': token } : {};
}

/** The jobs a person starts from the jobs page (a simulation starts from the model page). */
export type StartableJobKind = 'rescore-all' | 'backfill-funnel' | 'backfill-list-indexes';
