import { CATEGORY_CODES, DRIVER_CATEGORIES, type CategoryCode } from '../certificate/categories';

/**
 * The five high-frequency services of 道路运政一网通办 as data: names, purpose, and the materials tables exactly
 * as the seed guide lists them. Pages and rules read this; nothing about a service is written into a page.
 */
export const SERVICE_CODES = ['INTEGRITY_ASSESSMENT', 'REISSUE', 'RENEW', 'CHANGE', 'CANCEL'] as const;
export type ServiceCode = (typeof SERVICE_CODES)[number];

/** 变更 comes in two kinds, each with its own notice and materials. */
export const CHANGE_VARIANT_CODES = ['CHANGE_PERSONAL', 'CHANGE_EMPLOYER'] as const;
export type ChangeVariantCode = (typeof CHANGE_VARIANT_CODES)[number];

export const MATERIAL_CODES = ['PHOTO_2INCH', 'DRIVING_LICENCE', 'QUAL_CERT_SCAN', 'LABOUR_CONTRACT', 'CONT_EDU_RECORD'] as const;
export type MaterialCode = (typeof MATERIAL_CODES)[number];

/** 材料形式 in the seed guide's words. */
export const MATERIAL_FORMS = {
  PHOTO: '电子版照片',
  SCAN: '原件的电子影像信息（照片、扫描件等形式）',
} as const;
export type MaterialForm = keyof typeof MATERIAL_FORMS;

export interface MaterialRequirement {
  code: MaterialCode;
  name: string;
  form: MaterialForm;
  required: boolean;
  /** For 变更: the kinds that need this material; absent means every kind. */
  variants?: readonly ChangeVariantCode[];
}

export interface ServiceVariant {
  code: ChangeVariantCode;
  name: string;
  summary: string;
}

export interface ServiceDefinition {
  code: ServiceCode;
  /** The name the seed guide lists in 个人办事. */
  name: string;
  shortName: string;
  summary: string;
  eligibleCategories: readonly CategoryCode[];
  materials: readonly MaterialRequirement[];
  variants?: readonly ServiceVariant[];
  /** Fee in yuan: all five services are free (不收费). */
  fee: number;
}

const PHOTO: MaterialRequirement = { code: 'PHOTO_2INCH', name: '近期二寸正面免冠彩色证件照片', form: 'PHOTO', required: true };
const QUAL_CERT: MaterialRequirement = { code: 'QUAL_CERT_SCAN', name: '从业资格证', form: 'SCAN', required: true };

export const SERVICES: readonly ServiceDefinition[] = [
  {
    code: 'INTEGRITY_ASSESSMENT',
    name: '道路运输驾驶员网上诚信考核',
    shortName: '诚信考核',
    summary: '驾驶员每个考核周期（12个月）届满后申请诚信考核，管理部门评定等级（AAA/AA/A/B）后可下载诚信考核凭证。',
    eligibleCategories: DRIVER_CATEGORIES,
    // The seed guide's table says "业资格证", a typing slip for 从业资格证.
    materials: [QUAL_CERT, { code: 'CONT_EDU_RECORD', name: '考核周期学习教育情况', form: 'SCAN', required: true }],
    fee: 0,
  },
  {
    code: 'REISSUE',
    name: '道路运输从业人员从业资格证补发',
    shortName: '补发',
    summary: '从业资格证遗失或毁损时申请补发，补发的证件沿用原证有效期。',
    eligibleCategories: CATEGORY_CODES,
    materials: [PHOTO],
    fee: 0,
  },
  {
    code: 'RENEW',
    name: '道路运输从业人员从业资格证换发',
    shortName: '换发',
    summary: '从业资格证有效期6年，有效期届满前30日内至届满后180日内可申请换发。',
    eligibleCategories: CATEGORY_CODES,
    materials: [PHOTO, { code: 'DRIVING_LICENCE', name: '机动车驾驶证', form: 'SCAN', required: true }, QUAL_CERT],
    fee: 0,
  },
  {
    code: 'CHANGE',
    name: '道路运输从业人员从业资格证变更',
    shortName: '变更',
    summary: '个人信息发生变化，或更换服务单位时，申请变更从业资格证登记信息。',
    eligibleCategories: CATEGORY_CODES,
    variants: [
      { code: 'CHANGE_PERSONAL', name: '从业资格证信息变更', summary: '联系电话、住址等个人信息发生变化时办理。' },
      { code: 'CHANGE_EMPLOYER', name: '服务单位变更', summary: '更换服务单位（聘用单位）时办理，需上传新服务单位聘用合同。' },
    ],
    materials: [PHOTO, { code: 'LABOUR_CONTRACT', name: '新服务单位聘用合同', form: 'SCAN', required: true, variants: ['CHANGE_EMPLOYER'] }],
    fee: 0,
  },
  {
    code: 'CANCEL',
    name: '道路运输从业人员从业资格证注销',
    shortName: '注销',
    summary: '本人申请注销从业资格证的全部类别，或其中一个或几个类别。',
    eligibleCategories: CATEGORY_CODES,
    materials: [QUAL_CERT],
    fee: 0,
  },
];

export function findService(code: string): ServiceDefinition | undefined {
  return SERVICES.find((service) => service.code === code);
}

/** The materials one application needs: for 变更, only those of the chosen kind. */
export function materialsFor(service: ServiceDefinition, variant?: ChangeVariantCode): MaterialRequirement[] {
  return service.materials.filter((m) => !m.variants || (variant !== undefined && m.variants.includes(variant)));
}
