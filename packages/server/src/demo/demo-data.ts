import { idCheckCharacter, type StaffRole } from '@yunzheng/domain';

/**
 * Demo data for `npm start` in development and for tests: authorities of one province, synthetic residents (the
 * embedded identity registry) and staff accounts. All people are invented; their ID numbers are structurally valid
 * (real county codes, computed check characters) but belong to nobody.
 */
export interface DemoAuthority {
  code: string;
  name: string;
  divisionCode: string;
  level: 'PROVINCE' | 'CITY' | 'COUNTY';
  parentCode: string | null;
  address: string;
  phone: string;
  serviceHours: string;
}

const HOURS = '工作日 上午9:00-12:00，下午13:30-17:00（法定节假日除外）';

export const DEMO_AUTHORITIES: DemoAuthority[] = [
  { code: '330000', name: '浙江省道路运输管理服务中心', divisionCode: '330000', level: 'PROVINCE', parentCode: null, address: '浙江省杭州市西湖区文三路100号', phone: '0571-87000000', serviceHours: HOURS },
  { code: '330100', name: '杭州市道路运输管理服务中心', divisionCode: '330100', level: 'CITY', parentCode: '330000', address: '浙江省杭州市拱墅区湖墅南路200号', phone: '0571-85000000', serviceHours: HOURS },
  { code: '330200', name: '宁波市道路运输管理服务中心', divisionCode: '330200', level: 'CITY', parentCode: '330000', address: '浙江省宁波市海曙区解放南路300号', phone: '0574-87000000', serviceHours: HOURS },
  { code: '330106', name: '杭州市西湖区道路运输管理所', divisionCode: '330106', level: 'COUNTY', parentCode: '330100', address: '浙江省杭州市西湖区天目山路50号', phone: '0571-87100000', serviceHours: HOURS },
  { code: '330110', name: '杭州市余杭区道路运输管理所', divisionCode: '330110', level: 'COUNTY', parentCode: '330100', address: '浙江省杭州市余杭区临平大道60号', phone: '0571-86200000', serviceHours: HOURS },
  { code: '330212', name: '宁波市鄞州区道路运输管理所', divisionCode: '330212', level: 'COUNTY', parentCode: '330200', address: '浙江省宁波市鄞州区天童南路70号', phone: '0574-88100000', serviceHours: HOURS },
  { code: '330282', name: '慈溪市道路运输管理所', divisionCode: '330282', level: 'COUNTY', parentCode: '330200', address: '浙江省慈溪市新城大道80号', phone: '0574-63000000', serviceHours: HOURS },
];

export interface DemoResident {
  name: string;
  idNumber: string;
  validFrom: string;
  validTo: string;
}

function residentId(addressCode: string, birth: string, sequence: string): string {
  const first17 = `${addressCode}${birth.replaceAll('-', '')}${sequence}`;
  return first17 + idCheckCharacter(first17);
}

/** The residents listed in the README, with the validity dates printed on their (invented) ID cards. */
export const DEMO_RESIDENTS: DemoResident[] = [
  { name: '张建国', idNumber: residentId('330106', '1968-03-15', '011'), validFrom: '2015-06-20', validTo: 'LONG_TERM' },
  { name: '李秀英', idNumber: residentId('330110', '1975-08-02', '022'), validFrom: '2019-04-11', validTo: '2039-04-11' },
  { name: '王志强', idNumber: residentId('330212', '1982-11-23', '033'), validFrom: '2021-09-01', validTo: '2041-09-01' },
  { name: '刘海燕', idNumber: residentId('330282', '1990-01-30', '044'), validFrom: '2018-07-15', validTo: '2038-07-15' },
  { name: '陈国平', idNumber: residentId('330102', '1963-05-09', '055'), validFrom: '2010-10-10', validTo: 'LONG_TERM' },
  { name: '杨军', idNumber: residentId('330106', '1986-12-12', '071'), validFrom: '2016-03-04', validTo: '2036-03-04' },
  { name: '赵丽娟', idNumber: residentId('330110', '1979-02-28', '082'), validFrom: '2020-05-12', validTo: '2040-05-12' },
  { name: '黄伟', idNumber: residentId('330212', '1995-06-18', '093'), validFrom: '2017-08-08', validTo: '2027-08-08' },
  { name: '周明', idNumber: residentId('330282', '1971-09-09', '015'), validFrom: '2023-01-05', validTo: 'LONG_TERM' },
  { name: '吴红梅', idNumber: residentId('330106', '1984-04-04', '026'), validFrom: '2022-11-11', validTo: '2042-11-11' },
];

/** Demo staff exist only in development data: production has no default accounts (a CLI creates the first admin). */
export const DEMO_STAFF_PASSWORD = 'Yunzheng#Demo2026';
export const DEMO_STAFF: { username: string; name: string; authorityCode: string; roles: StaffRole[] }[] = [
  { username: 'admin', name: '系统管理员', authorityCode: '330000', roles: ['ADMIN'] },
  { username: 'shenji', name: '审计员', authorityCode: '330000', roles: ['AUDITOR'] },
  // 余杭区 (李秀英, 赵丽娟) has a clerk per duty and its own administrator, to show claims, 转办 and settings.
  { username: 'shouli', name: '孙受理', authorityCode: '330110', roles: ['INTAKE'] },
  { username: 'shenhe', name: '钱审核', authorityCode: '330110', roles: ['REVIEWER'] },
  { username: 'zhizheng', name: '郑制证', authorityCode: '330110', roles: ['PRODUCER'] },
  { username: 'yuhang', name: '余杭管理员', authorityCode: '330110', roles: ['ADMIN'] },
  // Every other authority that handles demo cases has one clerk holding the three case roles, as small offices do.
  { username: 'xihu', name: '西湖办事员', authorityCode: '330106', roles: ['INTAKE', 'REVIEWER', 'PRODUCER'] },
  { username: 'hangzhou', name: '杭州办事员', authorityCode: '330100', roles: ['INTAKE', 'REVIEWER', 'PRODUCER'] },
  { username: 'ningbo', name: '宁波办事员', authorityCode: '330200', roles: ['INTAKE', 'REVIEWER', 'PRODUCER'] },
  { username: 'yinzhou', name: '鄞州办事员', authorityCode: '330212', roles: ['INTAKE', 'REVIEWER', 'PRODUCER'] },
  { username: 'cixi', name: '慈溪办事员', authorityCode: '330282', roles: ['INTAKE', 'REVIEWER', 'PRODUCER'] },
];

/** The demo clerk who takes every step of a case handled by this authority (余杭区 splits them: see above). */
export const DEMO_ALL_ROUND_CLERK: Record<string, string> = { '330106': 'xihu', '330100': 'hangzhou', '330200': 'ningbo', '330212': 'yinzhou', '330282': 'cixi' };
