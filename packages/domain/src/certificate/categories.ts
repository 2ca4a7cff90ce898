/**
 * 从业资格类别 in Yunzheng's scope (《道路运输从业人员管理规定》第二条). Only drivers take part in the yearly
 * integrity assessment. The official category codes of JT/T 697.7 are not confirmed: these codes are our own.
 */
export const CATEGORY_CODES = ['PASSENGER_DRIVER', 'FREIGHT_DRIVER', 'DG_DRIVER', 'DG_ESCORT', 'DG_LOADING'] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

export interface Category {
  code: CategoryCode;
  name: string;
  isDriver: boolean;
}

export const CATEGORIES: readonly Category[] = [
  { code: 'PASSENGER_DRIVER', name: '道路旅客运输驾驶员', isDriver: true },
  { code: 'FREIGHT_DRIVER', name: '道路货物运输驾驶员(普通货运)', isDriver: true },
  { code: 'DG_DRIVER', name: '危险货物道路运输驾驶员', isDriver: true },
  { code: 'DG_ESCORT', name: '危险货物道路运输押运人员', isDriver: false },
  { code: 'DG_LOADING', name: '危险货物道路运输装卸管理人员', isDriver: false },
];

export const DRIVER_CATEGORIES: readonly CategoryCode[] = CATEGORIES.filter((c) => c.isDriver).map((c) => c.code);
