/** Short names of the services for dense tables and chart axes; the case page shows the full ones. */
export const SHORT_SERVICE_NAMES: Record<string, string> = { INTEGRITY_ASSESSMENT: '诚信考核', REISSUE: '补发', RENEW: '换发', CHANGE: '变更', CANCEL: '注销' };
