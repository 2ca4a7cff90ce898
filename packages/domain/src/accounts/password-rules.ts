/**
 * Password policy (standards S1, ASVS 6.2): citizens at least 8 characters of 2 kinds, staff at least 12 of 3
 * kinds; at most 128 (never truncated); pasting allowed; common passwords refused. This module holds the rules
 * and their wording only, so the web can show them before the user types without loading the common-password list.
 */
export type PasswordAudience = 'citizen' | 'staff';

export const PASSWORD_POLICY = {
  citizen: { minLength: 8, minClasses: 2 },
  staff: { minLength: 12, minClasses: 3 },
} as const;

export const PASSWORD_MAX_LENGTH = 128;

export function passwordRuleLines(audience: PasswordAudience): string[] {
  const { minLength, minClasses } = PASSWORD_POLICY[audience];
  return [
    `长度为${minLength}至${PASSWORD_MAX_LENGTH}位`,
    `至少包含大写字母、小写字母、数字、符号中的${minClasses === 2 ? '两' : '三'}类`,
    '不能使用常见的弱密码（如 12345678、password），不能包含手机号',
  ];
}
