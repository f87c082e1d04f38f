// What the home page asks the gateway: every service's health, outbox and consumers.
import type { ServiceStatus } from '@contracts';
import { api } from '../../shared/api/client';

/** `GET /system/status`; a service that did not answer comes with `error` and without its figures. */
export type ServiceStatusView = Partial<ServiceStatus> & { service: string; healthy: boolean; error?: string };

export const homeApi = {
  systemStatus: (signal?: AbortSignal) => api.get<{ services: ServiceStatusView[] }>('/system/status', undefined, signal),
};
