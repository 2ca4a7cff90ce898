/**
 * Official public holidays and 调休 make-up working days, as published each November by the State Council
 * (国务院办公厅关于 YYYY 年部分节假日安排的通知). Add a year here when its notice is out; a year without an entry
 * counts weekends only and `hasOfficialCalendar` says so.
 *
 * Sources: 国办发明电〔2024〕12号 (2025, issued 2024-11-12); 国务院办公厅 notice of 2025-11-04 (2026).
 */
export interface OfficialYear {
  source: string;
  /** Days off (including those that fall on a weekend), as [first, last] ranges. */
  holidays: readonly (readonly [string, string])[];
  /** Weekend days that are working days (调休上班). */
  makeUpWorkdays: readonly string[];
}

export const OFFICIAL_CALENDAR: Readonly<Record<number, OfficialYear>> = {
  2025: {
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
    holidays: [
      ['2025-01-01', '2025-01-01'],
      ['2025-01-28', '2025-02-04'],
      ['2025-04-04', '2025-04-06'],
      ['2025-05-01', '2025-05-05'],
      ['2025-05-31', '2025-06-02'],
      ['2025-10-01', '2025-10-08'],
    ],
    makeUpWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    holidays: [
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ],
    makeUpWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};
