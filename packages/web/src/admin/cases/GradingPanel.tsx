import { useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { POINT_VALUES } from '@yunzheng/domain';
import { api } from '../../shared/api';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { StatusTag } from '../../shared/StatusTag';
import { useFormSubmit } from '../../shared/useFormSubmit';
import type { CaseDetail, PointRecord } from './types';

/**
 * 评级 support on the case page: the cycle's point records, the total and the suggested grade; whoever holds the case
 * can record a point decision (with its decision number) or revoke one on appeal (with the reason).
 */
export function GradingPanel({ detail, canEdit }: { detail: CaseDetail; canEdit: boolean }) {
  const grading = detail.grading!;
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<PointRecord>();
  return (
    <Card title="诚信考核评级" size="small" style={{ marginTop: 16 }}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label="考核周期">{`第${grading.cycle.number}个周期：${grading.cycle.start} 至 ${grading.cycle.end}`}</Descriptions.Item>
        <Descriptions.Item label="周期累计计分">{grading.totalPoints}分</Descriptions.Item>
        <Descriptions.Item label="按计分建议等级">
          <StatusTag tone={grading.suggestedGrade === 'B' ? 'error' : 'success'}>{grading.suggestedGradeName}</StatusTag>
        </Descriptions.Item>
        <Descriptions.Item label="申请时间">{grading.late ? '考核周期届满20日后申请（逾期）' : '按时申请'}</Descriptions.Item>
      </Descriptions>
      <Space style={{ margin: '12px 0', justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text strong>本周期计分记录</Typography.Text>
        {canEdit && <Button onClick={() => setAdding(true)}>登记计分</Button>}
      </Space>
      <Table<PointRecord>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={grading.pointRecords}
        locale={{ emptyText: '本周期无计分记录' }}
        scroll={{ x: true }}
        columns={[
          { title: '发生日期', dataIndex: 'occurredOn' },
          { title: '计分事项', dataIndex: 'indicator' },
          { title: '分值', dataIndex: 'points' },
          { title: '决定书文号', dataIndex: 'decisionNo' },
          { title: '状态', dataIndex: 'status', render: (s: string, r) => (s === 'VALID' ? <StatusTag tone="info">有效</StatusTag> : <span><StatusTag tone="neutral">已撤销</StatusTag>{r.revokedReason}</span>) },
          ...(canEdit ? [{ title: '操作', render: (_: unknown, r: PointRecord) => r.status === 'VALID' && <Button size="small" onClick={() => setRevoking(r)}>撤销</Button> }] : []),
        ]}
      />
      {adding && <AddPointRecord detail={detail} onClose={() => setAdding(false)} />}
      {revoking && <RevokePointRecord detail={detail} record={revoking} onClose={() => setRevoking(undefined)} />}
    </Card>
  );
}

function AddPointRecord({ detail, onClose }: { detail: CaseDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ occurredOn?: Dayjs; indicator?: string; points?: number; decisionNo?: string }>();
  const queryClient = useQueryClient();
  const { submit, submitting, summary } = useFormSubmit(form, async (v) => {
    await api(`/api/admin/cases/${detail.id}/point-records`, { body: { occurredOn: v.occurredOn?.format('YYYY-MM-DD') ?? '', indicator: v.indicator ?? '', points: v.points ?? 0, decisionNo: v.decisionNo ?? '' } });
    await queryClient.invalidateQueries({ queryKey: ['admin', 'cases', detail.id] });
    onClose();
  });
  return (
    <Modal open title="登记计分记录" okText="登记" cancelText="取消" onOk={() => form.submit()} confirmLoading={submitting} onCancel={onClose} destroyOnHidden>
      <ErrorSummary message={summary} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="occurredOn" label="违法行为发生日期" required>
          <DatePicker aria-label="违法行为发生日期" />
        </Form.Item>
        <Form.Item name="indicator" label="计分事项" required>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="points" label={`分值（${POINT_VALUES.join('、')}分）`} required>
          <InputNumber min={1} max={20} precision={0} />
        </Form.Item>
        <Form.Item name="decisionNo" label="处罚决定书文号" required>
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RevokePointRecord({ detail, record, onClose }: { detail: CaseDetail; record: PointRecord; onClose: () => void }) {
  const [form] = Form.useForm<{ reason?: string }>();
  const queryClient = useQueryClient();
  const { submit, submitting, summary } = useFormSubmit(form, async (v) => {
    await api(`/api/admin/cases/${detail.id}/point-records/${record.id}/revoke`, { body: { reason: v.reason ?? '' } });
    await queryClient.invalidateQueries({ queryKey: ['admin', 'cases', detail.id] });
    onClose();
  });
  return (
    <Modal open title={`撤销计分：${record.indicator}（${record.points}分）`} okText="撤销" cancelText="取消" onOk={() => form.submit()} confirmLoading={submitting} onCancel={onClose} destroyOnHidden>
      <ErrorSummary message={summary} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label="撤销理由（如复议、诉讼决定书文号）" required>
          <Input.TextArea rows={3} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
