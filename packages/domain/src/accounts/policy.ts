/**
 * Account security numbers in one place (standards S3–S5). Domain.md marks none of these NOT CONFIRMED; they are
 * project targets from MLPS practice and ASVS L2.
 */
export const SMS_CODE = {
  length: 6,
  ttlSeconds: 5 * 60,
  resendAfterSeconds: 60,
  maxAttempts: 5,
} as const;

export const LOGIN_LOCKOUT = {
  maxConsecutiveFailures: 5,
  lockMinutes: 15,
} as const;

export const SESSION_POLICY = {
  citizen: { idleMinutes: 30, absoluteHours: 12 },
  staff: { idleMinutes: 15, absoluteHours: 12 },
  /** The page warns this long before the idle timeout and offers to stay signed in. */
  warnBeforeSeconds: 120,
} as const;

export type SmsPurpose = 'REGISTER' | 'LOGIN' | 'RESET_PASSWORD' | 'CHANGE_MOBILE';
export const SMS_PURPOSES = ['REGISTER', 'LOGIN', 'RESET_PASSWORD', 'CHANGE_MOBILE'] as const satisfies readonly SmsPurpose[];

export const smsPurposeText: Record<SmsPurpose, string> = {
  REGISTER: '注册账号',
  LOGIN: '短信登录',
  RESET_PASSWORD: '找回密码',
  CHANGE_MOBILE: '更换手机号',
};

/** The text of a verification SMS. */
export function smsCodeText(code: string, purpose: SmsPurpose): string {
  return `【运政通】您正在${smsPurposeText[purpose]}，验证码${code}，${SMS_CODE.ttlSeconds / 60}分钟内有效。如非本人操作，请忽略本短信。`;
}
