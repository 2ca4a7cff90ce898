import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX_LENGTH, PASSWORD_POLICY, type PasswordAudience } from './password-rules';

/** The 10,000 most common passwords of the breach corpora zxcvbn-ts ships (ordered by frequency). */
const COMMON_PASSWORDS = new Set((dictionary.passwords as string[]).slice(0, 10_000));

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'TOO_FEW_CLASSES' | 'COMMON' | 'CONTAINS_ACCOUNT';

export const passwordMessages: Record<PasswordProblem, (audience: PasswordAudience) => string> = {
  TOO_SHORT: (a) => `密码至少需要${PASSWORD_POLICY[a].minLength}位`,
  TOO_LONG: () => `密码不能超过${PASSWORD_MAX_LENGTH}位`,
  TOO_FEW_CLASSES: (a) => `密码需至少包含大写字母、小写字母、数字、符号中的${PASSWORD_POLICY[a].minClasses === 2 ? '两' : '三'}类`,
  COMMON: () => '该密码过于常见，容易被猜中，请换一个',
  CONTAINS_ACCOUNT: () => '密码不能包含手机号或用户名',
};

export function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((pattern) => pattern.test(password)).length;
}

/** The first rule a new password breaks, or undefined when it is acceptable. Length counts characters, not bytes. */
export function checkPassword(password: string, audience: PasswordAudience, accountNames: string[] = []): PasswordProblem | undefined {
  const length = Array.from(password).length;
  const policy = PASSWORD_POLICY[audience];
  if (length < policy.minLength) return 'TOO_SHORT';
  if (length > PASSWORD_MAX_LENGTH) return 'TOO_LONG';
  if (characterClasses(password) < policy.minClasses) return 'TOO_FEW_CLASSES';
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'COMMON';
  const lower = password.toLowerCase();
  if (accountNames.some((name) => name.length >= 4 && lower.includes(name.toLowerCase()))) return 'CONTAINS_ACCOUNT';
  return undefined;
}
