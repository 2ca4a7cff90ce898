/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and 31 upper-case letters without I, O, Z, S, V;
 * the last is a MOD 31 check character with weights 3^i mod 31.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export function usccCheckCharacter(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i] ?? '');
    if (value < 0) return undefined;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

export type UsccProblem = 'LENGTH' | 'CHARACTERS' | 'CHECK_CHARACTER';

export const usccMessages: Record<UsccProblem, string> = {
  LENGTH: '统一社会信用代码应为18位',
  CHARACTERS: '统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）',
  CHECK_CHARACTER: '统一社会信用代码校验位不正确，请核对营业执照',
};

export function checkUscc(input: string): UsccProblem | undefined {
  const code = input.trim().toUpperCase();
  if (code.length !== 18) return 'LENGTH';
  if (![...code].every((c) => CHARSET.includes(c))) return 'CHARACTERS';
  return usccCheckCharacter(code.slice(0, 17)) === code[17] ? undefined : 'CHECK_CHARACTER';
}
