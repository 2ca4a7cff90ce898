import { CATEGORIES } from '../certificate/categories';
import { findService, materialsFor, MATERIAL_FORMS, type ChangeVariantCode, type ServiceCode } from './services';

/**
 * 业务须知: what a person reads and accepts (同意并确认) before applying. The version is recorded on the application
 * with the time of acceptance. Article references are held as data (domain.md §1: a revision of the regulation is
 * possible); promised days are defaults an authority can change.
 */
export const NOTICE_VERSION = '2026-11-01';

export const LEGAL_DEADLINE_WORKING_DAYS = 20;

/** Promised working days by default (NOT CONFIRMED in domain.md §4: local guides say 1–5; configurable per authority). */
export const DEFAULT_PROMISED_DAYS: Record<ServiceCode, number> = {
  INTEGRITY_ASSESSMENT: 2,
  REISSUE: 3,
  RENEW: 5,
  CHANGE: 5,
  CANCEL: 3,
};

const BASIS: Record<ServiceCode, string> = {
  INTEGRITY_ASSESSMENT: '《道路运输从业人员管理规定》；《道路运输驾驶员诚信考核办法（试行）》（交运发〔2008〕280号）',
  REISSUE: '《道路运输从业人员管理规定》第二十九条、第三十条',
  RENEW: '《道路运输从业人员管理规定》第二十九条、第三十条',
  CHANGE: '《道路运输从业人员管理规定》第三十条',
  CANCEL: '《道路运输从业人员管理规定》第三十二条',
};

const CONDITIONS: Record<ServiceCode, string[]> = {
  INTEGRITY_ASSESSMENT: [
    `适用于${CATEGORIES.filter((c) => c.isDriver).map((c) => c.name).join('、')}。`,
    '考核周期为12个月，从初次领取从业资格证件之日起计算；考核周期届满后方可申请，一般应在届满后20日内申请。',
    '考核等级分为AAA级、AA级、A级和B级，按考核周期内的累计计分评定；评为B级的，应参加继续教育。',
  ],
  REISSUE: ['从业资格证遗失或者毁损的，可以申请补发。', '证件在有效期内；已过期的请办理换发。', '补发的证件沿用原证有效期，原证件同时作废。'],
  RENEW: ['从业资格证有效期为6年。', '可在有效期届满前30日内至届满后180日内申请换发；逾期超过180日的不能换发，证件将被注销。', '有未处理完毕的道路运输违法行为的，应先接受处理。'],
  CHANGE: ['证件在有效期内。', '联系电话、住址等个人信息发生变化的，办理“从业资格证信息变更”。', '更换服务单位的，办理“服务单位变更”，需上传新服务单位聘用合同；档案将在30日内转至新服务单位所在地的管理部门。'],
  CANCEL: ['本人申请注销的，可以注销全部类别，也可以只注销其中一个或几个类别。', '注销后证件收回并公告作废；已注销的类别需重新考试取得。'],
};

export interface Notice {
  title: string;
  version: string;
  sections: { heading: string; lines: string[] }[];
}

export function noticeFor(service: ServiceCode, variant?: ChangeVariantCode): Notice {
  const definition = findService(service);
  if (!definition) throw new RangeError(`unknown service ${service}`);
  const variantName = definition.variants?.find((v) => v.code === variant)?.name;
  return {
    title: `${definition.name}${variantName ? `（${variantName}）` : ''} 业务须知`,
    version: NOTICE_VERSION,
    sections: [
      { heading: '设定依据', lines: [BASIS[service]] },
      { heading: '申请条件', lines: CONDITIONS[service] },
      { heading: '申请材料', lines: materialsFor(definition, variant).map((m) => `${m.name}：${MATERIAL_FORMS[m.form]}（${m.required ? '必要' : '非必要'}）`) },
      { heading: '办理时限', lines: [`法定办结时限：受理之日起${LEGAL_DEADLINE_WORKING_DAYS}个工作日。`, `承诺办结时限：${DEFAULT_PROMISED_DAYS[service]}个工作日（以办理地管理部门公布的为准）。`] },
      { heading: '收费标准', lines: ['不收费。'] },
      {
        heading: service === 'INTEGRITY_ASSESSMENT' ? '结果获取' : '证件领取方式',
        lines: service === 'INTEGRITY_ASSESSMENT' ? ['评级后在“我的办件”中下载诚信考核凭证。'] : ['窗口自取：到办理地管理部门窗口领取。', '邮寄：填写邮寄地址，证件制作完成后寄出。'],
      },
      { heading: '办理渠道', lines: ['网上办理：本网站“个人办事”—“在线办理”。网上办理与窗口办理具有同等效力。'] },
    ],
  };
}
