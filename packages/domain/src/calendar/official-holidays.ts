/**
 * Official public holidays and 调休 make-up working days, as published each November by the State Council
 * (国务院办公厅关于 YYYY 年部分节假日安排的通知). Add a year here when its notice is out; a year without an entry
 * counts weekends only and `hasOfficialCalendar` says so.
 *
 * Sources: 国办发明电〔2024〕12号 (2025, issued 2024-11-12); 国务院办公厅 notice of 2025-11-04 (2026).
 *
 * 2027 is provisional: its notice was not published in any source reachable when this was written (2026-11-24),
 * so it holds only the statutory days of 《全国年节及纪念日放假办法》(2024 修订) — 元旦 1 day, 春节 4 days from 除夕,
 * 清明, 劳动节 2 days, 端午, 中秋 and 国庆 3 days — on 2027's lunar dates (除夕 02-05, 清明 04-05, 端午 06-09,
 * 中秋 09-15), without 调休. Replace the entry with the notice's dates when it is out and drop `provisional`.
 */
export interface OfficialYear {
  source: string;
  /** Days off (including those that fall on a weekend), as [first, last] ranges. */
  holidays: readonly (readonly [string, string])[];
  /** Weekend days that are working days (调休上班). */
  makeUpWorkdays: readonly string[];
  /** Statutory days only, the State Council's 调休 not yet known. */
  provisional?: true;
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
  2027: {
    source: '《全国年节及纪念日放假办法》（2024年修订）法定假日，按2027年农历推算；调休安排待国务院办公厅通知',
    provisional: true,
    holidays: [
      ['2027-01-01', '2027-01-01'],
      ['2027-02-05', '2027-02-08'],
      ['2027-04-05', '2027-04-05'],
      ['2027-05-01', '2027-05-02'],
      ['2027-06-09', '2027-06-09'],
      ['2027-09-15', '2027-09-15'],
      ['2027-10-01', '2027-10-03'],
    ],
    makeUpWorkdays: [],
  },
};
