import { Checkbox, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { applicationActionNames, GRADES, gradeNames, type ApplicationAction, type Grade } from '@yunzheng/domain';
import { api } from '../../shared/api';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { useFormSubmit } from '../../shared/useFormSubmit';
import type { CaseDetail } from './types';

interface Values {
  opinion?: string;
  grade?: Grade;
  courier?: string;
  trackingNo?: string;
  correctionDeadline?: Dayjs;
  correction?: Record<string, { selected?: boolean; note?: string }>;
}

/** Where the law or the next person needs words: reasons for refusals, the list for 补正, the courier for 邮寄. */
const NEEDS_REASON: ApplicationAction[] = ['REJECT', 'DENY'];

/** One staff action with its form: opinion always, plus what that action needs. */
export function ActionDialog({ detail, action, onClose }: { detail: CaseDetail; action: ApplicationAction; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const grade = Form.useWatch('grade', form);
  const { submit, submitting, summary } = useFormSubmit(form, async (values) => {
    const correctionItems = action === 'REQUEST_CORRECTION' ? detail.requiredMaterials.filter((m) => values.correction?.[m.code]?.selected).map((m) => ({ materialCode: m.code, note: values.correction?.[m.code]?.note?.trim() ?? '' })) : undefined;
    await api(`/api/admin/applications/${detail.id}/actions`, {
      body: {
        action,
        ...(values.opinion?.trim() && { opinion: values.opinion.trim() }),
        ...(correctionItems && { correctionItems }),
        ...(values.correctionDeadline && { correctionDeadline: values.correctionDeadline.format('YYYY-MM-DD') }),
        ...(values.grade && { grade: values.grade }),
        ...(values.courier && { courier: values.courier.trim() }),
        ...(values.trackingNo && { trackingNo: values.trackingNo.trim() }),
      },
    });
    await queryClient.invalidateQueries({ queryKey: ['admin', 'cases'] });
    onClose();
  });
  const suggested = detail.grading?.suggestedGrade as Grade | undefined;
  const overriding = action === 'GRADE' && grade && grade !== suggested;
  const opinionLabel = NEEDS_REASON.includes(action) ? '理由（必填，将告知申请人）' : overriding ? '改变建议等级的理由（必填）' : '办理意见';
  return (
    <Modal open title={applicationActionNames[action]} okText={`确认${applicationActionNames[action]}`} cancelText="取消" onOk={() => form.submit()} confirmLoading={submitting} onCancel={onClose} destroyOnHidden width={640}>
      <ErrorSummary message={summary} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ grade: suggested }}>
        {action === 'REQUEST_CORRECTION' && (
          <>
            <Typography.Paragraph>请一次性列出需要补正的全部材料，并写明要求。申请人将按此清单重新上传。</Typography.Paragraph>
            <Form.Item label="补正清单" required>
              {detail.requiredMaterials.map((m) => (
                <div key={m.code} style={{ marginBottom: 8 }}>
                  <Form.Item name={['correction', m.code, 'selected']} valuePropName="checked" noStyle>
                    <Checkbox>{m.name}</Checkbox>
                  </Form.Item>
                  <Form.Item name={['correction', m.code, 'note']} noStyle>
                    <Input placeholder="补正要求，如：请上传白底彩色证件照" maxLength={200} aria-label={`${m.name}的补正要求`} style={{ marginTop: 4 }} />
                  </Form.Item>
                </div>
              ))}
            </Form.Item>
            <Form.Item name="correctionDeadline" label="补正期限（不填则为15个工作日）">
              <DatePicker aria-label="补正期限" />
            </Form.Item>
          </>
        )}
        {action === 'GRADE' && detail.grading && (
          <Form.Item name="grade" label={`考核等级（按计分${detail.grading.totalPoints}分，建议${detail.grading.suggestedGradeName}）`} required>
            <Radio.Group options={GRADES.map((g) => ({ value: g, label: gradeNames[g] }))} />
          </Form.Item>
        )}
        {action === 'MAIL' && (
          <>
            <Form.Item name="courier" label="快递公司" required>
              <Input maxLength={20} placeholder="如：EMS" />
            </Form.Item>
            <Form.Item name="trackingNo" label="邮寄单号" required>
              <Input maxLength={40} />
            </Form.Item>
          </>
        )}
        <Form.Item name="opinion" label={opinionLabel} required={NEEDS_REASON.includes(action) || !!overriding}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
