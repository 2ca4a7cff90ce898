/**
 * The documents a citizen accepts when registering. Acceptance is recorded with the version and the time; a new
 * version means a new acceptance at the next sign-in.
 */
export interface AgreementDocument {
  code: 'USER_AGREEMENT' | 'PRIVACY_NOTICE';
  version: string;
  title: string;
  sections: { heading: string; text: string }[];
}

export const USER_AGREEMENT: AgreementDocument = {
  code: 'USER_AGREEMENT',
  version: '2026-11-01',
  title: '运政通用户服务协议',
  sections: [
    { heading: '一、服务内容', text: '本系统为道路运输从业人员提供从业资格证补发、换发、变更、注销及驾驶员诚信考核等事项的网上申请、进度查询和结果获取服务。网上办理与窗口办理具有同等效力，由原管理部门依法受理、审核。' },
    { heading: '二、账号与实名', text: '您应使用本人手机号注册，并以本人居民身份证完成实名认证。一个身份证号只能注册一个账号。请妥善保管密码，不要将账号交给他人使用。' },
    { heading: '三、如实申请', text: '您提交的信息和材料应真实、准确、完整。提供虚假材料申请的，管理部门将依法处理，并可能影响您的诚信记录。' },
    { heading: '四、费用', text: '本系统办理的从业资格证补发、换发、变更、注销及诚信考核事项均不收取费用。' },
    { heading: '五、账号注销', text: '您可以申请注销账号。依法需要保存的办件档案将按规定封存，除依法保存和安全保障外不再处理。' },
  ],
};

export const PRIVACY_NOTICE: AgreementDocument = {
  code: 'PRIVACY_NOTICE',
  version: '2026-11-01',
  title: '运政通个人信息保护说明',
  sections: [
    { heading: '一、处理者与目的', text: '道路运输管理机构为履行《道路运输从业人员管理规定》规定的法定职责，处理您的个人信息，用于身份核验、从业资格证业务办理和结果送达，不用于其他目的。' },
    { heading: '二、处理的信息', text: '手机号（账号和短信通知）；姓名、身份证号、身份证有效期（实名认证）；从业资格证信息、照片和申请材料（业务办理）；邮寄地址（证件邮寄）。' },
    { heading: '三、实名认证', text: '您的姓名、身份证号和有效期将提交公安机关身份信息核验服务比对，只返回是否一致，不获取其他信息。' },
    { heading: '四、保护措施', text: '身份证号、手机号等敏感信息采用国产密码算法（SM4）加密存储，页面和列表中脱敏显示；工作人员查看完整信息须经授权并留有审计记录。' },
    { heading: '五、保存期限', text: '账号信息保存至账号注销；办件档案按档案管理规定保存。系统日志至少保存六个月。' },
    { heading: '六、您的权利', text: '您可以在个人空间查阅、更正您的信息，查看登录设备并退出，申请注销账号。如有疑问，请联系办理地管理部门。' },
  ],
};

export const AGREEMENTS = [USER_AGREEMENT, PRIVACY_NOTICE] as const;
