import { areaList } from '@vant/area-data';

/**
 * 邮寄地址 (domain.md §13): recipient, mobile, province/city/district from GB/T 2260 (the codes must belong
 * together), detail up to 120 characters, optional 6-digit postcode. Names are copied onto the address, because
 * division codes change over the years.
 */
export interface RegionNames {
  province: string;
  city: string;
  district: string;
}

export type RegionProblem = 'PROVINCE' | 'CITY' | 'DISTRICT';

export const regionMessages: Record<RegionProblem, string> = {
  PROVINCE: '请选择省份',
  CITY: '所选城市不属于所选省份',
  DISTRICT: '所选区县不属于所选城市',
};

export function resolveRegion(provinceCode: string, cityCode: string, districtCode: string): RegionNames | RegionProblem {
  const province = areaList.province_list[provinceCode];
  if (!province || !provinceCode.endsWith('0000')) return 'PROVINCE';
  const city = areaList.city_list[cityCode];
  if (!city || cityCode.slice(0, 2) !== provinceCode.slice(0, 2)) return 'CITY';
  const district = areaList.county_list[districtCode];
  if (!district || districtCode.slice(0, 4) !== cityCode.slice(0, 4)) return 'DISTRICT';
  return { province, city, district };
}

export const ADDRESS_DETAIL_MAX = 120;
export const POSTCODE_PATTERN = /^\d{6}$/;

/** For lists: the district and above, never the street (standards S10). */
export function maskAddress(names: RegionNames): string {
  return `${names.province}${names.city === names.province ? '' : names.city}${names.district}****`;
}
