import type { FieldError } from './envelope.js';

/**
 * Request-reply between the gateway and the services (core NATS, always with a timeout).
 * Subjects: `sigap.rpc.<service>.<command-or-query>`.
 */
export const Rpc = {
  systemStatus: (service: string) => `sigap.rpc.${service}.system.status`,
  intake: {
    registerApplication: 'sigap.rpc.intake.application.register',
    getApplication: 'sigap.rpc.intake.application.get',
    /** services only (NATS permissions decide who may ask): the data verification assesses, for many applications */
    applicationDossiers: 'sigap.rpc.intake.application.dossiers',
    listApplications: 'sigap.rpc.intake.application.list',
    transitionApplication: 'sigap.rpc.intake.application.transition',
    publicStatus: 'sigap.rpc.intake.application.public-status',
    listStandards: 'sigap.rpc.intake.standard.list',
    getStandard: 'sigap.rpc.intake.standard.get',
    listStandardVersions: 'sigap.rpc.intake.standard.versions',
    createStandard: 'sigap.rpc.intake.standard.create',
    updateStandard: 'sigap.rpc.intake.standard.update',
    getCalendar: 'sigap.rpc.intake.calendar.get',
    addCalendarDay: 'sigap.rpc.intake.calendar.add-day',
    removeCalendarDay: 'sigap.rpc.intake.calendar.remove-day',
    listCalendarChanges: 'sigap.rpc.intake.calendar.changes',
  },
} as const;

/** The actor on whose behalf a request is made: carried from the gateway's JWT. */
export interface Actor {
  userId: string;
  username: string;
  agencyCode: string;
  roles: string[];
}

/** An error crossing the request-reply boundary, in the HTTP error shape of CONTRACT.md. */
export interface RpcErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  details: FieldError[];
}

export type RpcReply<T> = { ok: true; data: T } | { ok: false; error: RpcErrorBody };

/** Status of one service for the admin's home page. */
export interface ServiceStatus {
  service: string;
  instance: string;
  healthy: boolean;
  checks: { database: boolean; nats: boolean };
  outboxBacklog: number;
  /**
   * the outbox beyond its backlog: rows the server refused for good (too large: set aside,
   * never retried), rows waiting to be retried (e.g. a stream at its byte limit), the last error
   */
  outbox?: { refused: number; retrying: number; lastError: string | null };
  consumers: { durable: string; stream: string; pending: number; ackPending: number; redelivered: number }[];
  uptimeSeconds: number;
  /** set when the service did not answer the gateway */
  error?: string;
}
