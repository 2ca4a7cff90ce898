import { z } from 'zod';
import { idNumberMessages, parseResidentIdNumber } from '../identity/id-number';
import { LONG_TERM } from '../identity/id-card-validity';
import { isLocalDate } from '../shared/local-date';

/** Shared field schemas with the zh-CN messages a person sees next to the field (standards S11). */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export const mobileField = z
  .string({ error: '请输入手机号' })
  .trim()
  .regex(MOBILE_PATTERN, '请输入11位手机号，以1开头');

export const smsCodeField = z
  .string({ error: '请输入短信验证码' })
  .trim()
  .regex(/^\d{6}$/, '短信验证码为6位数字');

/** Names as printed on the ID card: 2–30 characters, Chinese or letters, with the middle dot of minority names. */
export const personNameField = z
  .string({ error: '请输入姓名' })
  .trim()
  .min(2, '姓名至少2个字')
  .max(30, '姓名不能超过30个字')
  .regex(/^[\u3400-\u9fffA-Za-z·•.\s]+$/, '姓名只能包含汉字、字母和间隔号“·”');

/** The format check only; the full rule (check character, today) runs in the service. */
export const idNumberField = z
  .string({ error: idNumberMessages.EMPTY })
  .transform((value) => value.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^\d{17}[\dX]$/, '身份证号应为18位，前17位为数字，最后一位为数字或X'));

export const localDateField = (label: string) =>
  z.string({ error: `请选择${label}` }).refine(isLocalDate, `${label}不是有效的日期`);

export const idValidToField = z.union([z.literal(LONG_TERM), localDateField('有效截止日期')], { error: '请选择有效截止日期，或勾选“长期”' });

export function isValidIdNumber(value: string, today: string): boolean {
  return parseResidentIdNumber(value, today).ok;
}
