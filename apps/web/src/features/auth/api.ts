// The logged-in user's own account (logging in and out is the session's: shared/session.tsx).
import { api } from '../../shared/api/client';

export const authApi = {
  /** tokens issued before the change stop working */
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>('/auth/change-password', { currentPassword, newPassword }),
};
