import { deadlineStateNames } from '@yunzheng/domain';
import { StatusTag } from '../../shared/StatusTag';
import type { Deadline } from './types';

/** 即将超期 / 已超期 badge with the working days in words; the words carry the meaning, the colour supports it. */
export function DeadlineTag({ deadline, dueDate }: { deadline: Deadline | null; dueDate: string | null }) {
  if (!deadline || !dueDate) return <span>—</span>;
  const days = deadline.workingDaysLeft === 0 ? '今日到期' : `剩${deadline.workingDaysLeft}个工作日`;
  const tone = deadline.state === 'OVERDUE' ? 'error' : deadline.state === 'DUE_SOON' ? 'warning' : 'success';
  const words = deadline.state === 'OVERDUE' ? `已超期${-deadline.workingDaysLeft}个工作日` : deadline.state === 'DUE_SOON' ? `${deadlineStateNames.DUE_SOON}·${days}` : days;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <StatusTag tone={tone}>{words}</StatusTag>
      <span style={{ color: '#555' }}>{dueDate}</span>
    </span>
  );
}
