import type { ApplicationAction } from '../application/status-machine';

/**
 * What the applicant is told at each step (站内信 always; SMS for the steps that need them to act or that end the
 * case: 受理, 补正, 办结, 已评级, 不予受理 — issue 6). Texts are short enough for one SMS (70 characters).
 */
export interface ApplicantMessage {
  title: string;
  body: string;
  sms: boolean;
}

export function applicantMessage(action: ApplicationAction, facts: { applyNo: string; serviceName: string; authorityName: string; grade?: string; trackingNo?: string; opinion?: string | null }): ApplicantMessage | undefined {
  const about = `您的${facts.serviceName}申请（办件编号${facts.applyNo}）`;
  switch (action) {
    case 'SUBMIT':
      return { title: '申请已提交', body: `${about}已提交，等待${facts.authorityName}受理。`, sms: false };
    case 'RESUBMIT':
      return { title: '补正材料已提交', body: `${about}的补正材料已提交，等待重新受理。`, sms: false };
    case 'WITHDRAW':
      return { title: '申请已撤回', body: `${about}已撤回。`, sms: false };
    case 'ACCEPT':
      return { title: '申请已受理', body: `${about}已由${facts.authorityName}受理。`, sms: true };
    case 'REJECT':
      return { title: '申请不予受理', body: `${about}不予受理。理由：${facts.opinion ?? ''}`, sms: true };
    case 'REQUEST_CORRECTION':
      return { title: '请补正材料', body: `${about}需要补正材料，请登录“我的办件”查看补正告知并重新提交。`, sms: true };
    case 'START_REVIEW':
      return { title: '申请审核中', body: `${about}正在审核。`, sms: false };
    case 'APPROVE':
      return { title: '审核通过', body: `${about}已审核通过。`, sms: false };
    case 'DENY':
      return { title: '不予许可', body: `${about}不予许可。理由：${facts.opinion ?? ''}`, sms: true };
    case 'GRADE':
      return { title: '诚信考核已评级', body: `${about}已评级，考核等级${facts.grade ?? ''}，可在“我的办件”下载凭证。`, sms: true };
    case 'PRODUCE':
      return { title: '证件制作中', body: `${about}已开始制证。`, sms: false };
    case 'READY_FOR_PICKUP':
      return { title: '证件可以领取', body: `${about}的证件已制作完成，请携带身份证到${facts.authorityName}窗口领取。`, sms: true };
    case 'MAIL':
      return { title: '证件已寄出', body: `${about}的证件已寄出，邮寄单号${facts.trackingNo ?? ''}。`, sms: true };
    case 'COLLECT':
    case 'COMPLETE':
      return { title: '办件已办结', body: `${about}已办结。欢迎对本次服务进行评价。`, sms: true };
    case 'CLOSE':
      return { title: '办件已关闭', body: `${about}逾期未补正，已关闭。`, sms: true };
    default:
      return undefined;
  }
}
