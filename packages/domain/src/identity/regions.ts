import { areaList } from '@vant/area-data';

/**
 * GB/T 2260 administrative divisions, from @vant/area-data (code → name at three levels).
 * Resident ID numbers keep the county code of first registration for life, and county codes are retired
 * over the years, so an address code is accepted when the county, else its city, else its province is known.
 */
export interface RegionMatch {
  code: string;
  level: 'county' | 'city' | 'province';
  name: string;
}

export function matchRegion(addressCode: string): RegionMatch | undefined {
  if (!/^\d{6}$/.test(addressCode)) return undefined;
  const cityCode = `${addressCode.slice(0, 4)}00`;
  const provinceCode = `${addressCode.slice(0, 2)}0000`;
  const province = areaList.province_list[provinceCode];
  if (!province) return undefined;
  const city = areaList.city_list[cityCode];
  const county = areaList.county_list[addressCode];
  if (county) return { code: addressCode, level: 'county', name: `${province}${city && city !== province ? city : ''}${county}` };
  if (city) return { code: cityCode, level: 'city', name: city === province ? province : `${province}${city}` };
  return { code: provinceCode, level: 'province', name: province };
}
