/**
 * Outcomes of the public-security identity check (modelled on the codes of the commercial verification APIs,
 * domain.md §7.3), each with the message the citizen sees.
 */
export const REALNAME_OUTCOMES = ['MATCH', 'MISMATCH', 'INVALID_ID', 'VALIDITY_MISMATCH', 'EXPIRED', 'NOT_FOUND', 'UNAVAILABLE'] as const;
export type RealNameOutcome = (typeof REALNAME_OUTCOMES)[number];

export const realNameMessages: Record<Exclude<RealNameOutcome, 'MATCH'>, string> = {
  MISMATCH: '姓名与身份证号不一致，请核对后重新输入',
  INVALID_ID: '身份证号无效，请核对后重新输入',
  VALIDITY_MISMATCH: '身份证有效期与登记信息不符，请按证件背面的有效期限填写',
  EXPIRED: '身份证已过期，请使用有效的身份证',
  NOT_FOUND: '未查询到该身份信息，请核对姓名和身份证号',
  UNAVAILABLE: '身份核验服务暂不可用，请稍后再试',
};
