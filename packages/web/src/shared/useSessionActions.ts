import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { api } from './api';
import { useRefreshSessions } from './session';

const PATHS = {
  citizen: { logout: '/api/auth/logout', extend: '/api/auth/session/extend', home: '/', signIn: '/login?expired=1' },
  staff: { logout: '/api/admin/auth/logout', extend: '/api/admin/auth/session/extend', home: '/admin', signIn: '/admin?expired=1' },
} as const;

/** Sign out, stay signed in, and what happens when the session timed out — the same for citizens and staff. */
export function useSessionActions(kind: keyof typeof PATHS) {
  const navigate = useNavigate();
  const refresh = useRefreshSessions();
  const paths = PATHS[kind];
  const logout = useCallback(async () => {
    await api(paths.logout, { method: 'POST' });
    await refresh();
    await navigate(paths.home);
  }, [navigate, refresh, paths]);
  const extend = useCallback(async () => {
    await api(paths.extend, { method: 'POST' });
    await refresh();
  }, [refresh, paths]);
  const expired = useCallback(() => {
    void refresh();
    void navigate(paths.signIn);
  }, [navigate, refresh, paths]);
  return { logout, extend, expired };
}
