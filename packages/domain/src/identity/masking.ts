/**
 * Masks for personal data in lists and logs (standards S10): the first 3 and last 4 characters of an ID number,
 * the first 3 and last 4 digits of a mobile number, the surname of a name.
 */
function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  if (value.length <= keepStart + keepEnd) return '*'.repeat(value.length);
  return value.slice(0, keepStart) + '*'.repeat(value.length - keepStart - keepEnd) + value.slice(value.length - keepEnd);
}

/** `11010519491231002X` → `110***********002X` */
export function maskIdNumber(idNumber: string): string {
  return maskMiddle(idNumber, 3, 4);
}

/** `13812345678` → `138****5678` */
export function maskMobile(mobile: string): string {
  return maskMiddle(mobile, 3, 4);
}

/** `张三丰` → `张**`; a two-character name keeps the surname too (`李四` → `李*`). */
export function maskName(name: string): string {
  const characters = Array.from(name);
  if (characters.length <= 1) return '*';
  return characters[0] + '*'.repeat(characters.length - 1);
}
