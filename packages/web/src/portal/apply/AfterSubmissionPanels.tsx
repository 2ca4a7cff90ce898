import { useState } from 'react';
import { Alert, Button, Card, Form, Input, List, Progress, Radio, Space, Typography, Upload } from 'antd';
import { ALLOWED_TYPES } from '@yunzheng/domain';
import { api, ApiError } from '../../shared/api';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { useFormSubmit } from '../../shared/useFormSubmit';
import type { ApplicationView } from './types';
import { uploadWithProgress } from './upload';

/** 待补正: the authority's list; the applicant re-uploads exactly those materials and resubmits. */
export function CorrectionPanel({ application, onChanged }: { application: ApplicationView; onChanged: (view: ApplicationView) => void }) {
  const correction = application.correction!;
  const [progress, setProgress] = useState<Record<string, number>>({});
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const fresh = (code: string) => application.materials.filter((m) => m.materialCode === code && m.uploadedAt > correction.requestedAt);

  async function upload(code: string, file: File) {
    setError(undefined);
    const form = new FormData();
    form.append('materialCode', code);
    form.append('file', file);
    try {
      onChanged(await uploadWithProgress<ApplicationView>(`/api/applications/${application.id}/materials`, form, (p) => setProgress((s) => ({ ...s, [code]: p }))));
    } catch (e) {
      setError(e instanceof ApiError ? (e.problem.detail ?? e.problem.title) : '上传失败，请重试');
    } finally {
      setProgress((s) => ({ ...s, [code]: -1 }));
    }
  }

  async function resubmit() {
    setSending(true);
    setError(undefined);
    try {
      onChanged(await api<ApplicationView>(`/api/applications/${application.id}/resubmit`, { method: 'POST' }));
    } catch (e) {
      setError(e instanceof ApiError ? [e.problem.detail ?? e.problem.title, ...e.fieldErrors.map((f) => f.message)].join('；') : '提交失败，请重试');
    } finally {
      setSending(false);
    }
  }

  return (
    <Card title="补正材料" style={{ marginTop: 24, borderColor: '#ad4e00' }}>
      <Alert type="warning" showIcon title="管理部门要求补正以下材料，请按要求重新上传后提交" description={correction.opinion ?? undefined} style={{ marginBottom: 16 }} />
      <ErrorSummary message={error} />
      <List
        dataSource={correction.items}
        renderItem={(item) => {
          const form = application.requiredMaterials.find((m) => m.code === item.materialCode)?.form ?? 'SCAN';
          const uploaded = fresh(item.materialCode);
          return (
            <List.Item data-testid={`correction-${item.materialCode}`}>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text strong>{item.name}</Typography.Text>
                <Typography.Text>补正要求：{item.note}</Typography.Text>
                {uploaded.map((f) => (
                  <Typography.Text key={f.id}>已重新上传：{f.originalName}</Typography.Text>
                ))}
                {(progress[item.materialCode] ?? -1) >= 0 && <Progress percent={progress[item.materialCode]} size="small" />}
                <Upload accept={ALLOWED_TYPES[form].join(',')} showUploadList={false} beforeUpload={(file) => { void upload(item.materialCode, file); return false; }}>
                  <Button>重新上传</Button>
                </Upload>
              </Space>
            </List.Item>
          );
        }}
      />
      <Button type="primary" size="large" loading={sending} onClick={() => void resubmit()}>
        补正后重新提交
      </Button>
    </Card>
  );
}

const LEVELS = [
  { value: 5, label: '非常满意' },
  { value: 4, label: '满意' },
  { value: 3, label: '基本满意' },
  { value: 2, label: '不满意' },
  { value: 1, label: '非常不满意' },
];

/** 好差评: one rating per completed application; 不满意 or worse asks what went wrong. */
export function EvaluationPanel({ application, onChanged }: { application: ApplicationView; onChanged: (view: ApplicationView) => void }) {
  const [form] = Form.useForm<{ level: number; comment?: string }>();
  const level = Form.useWatch('level', form);
  const { submit, submitting, summary } = useFormSubmit(form, async (values) => onChanged(await api<ApplicationView>(`/api/applications/${application.id}/evaluation`, { body: values })));
  if (application.evaluation) {
    return (
      <Card title="我的评价" style={{ marginTop: 24 }}>
        {application.evaluation.levelName}
        {application.evaluation.comment ? `：${application.evaluation.comment}` : ''}
      </Card>
    );
  }
  return (
    <Card title="评价本次办理（好差评）" style={{ marginTop: 24 }}>
      <ErrorSummary message={summary} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="您对本次办理是否满意？" name="level" rules={[{ required: true, message: '请选择评价等级' }]}>
          <Radio.Group options={LEVELS} />
        </Form.Item>
        {level !== undefined && level <= 2 && (
          <Form.Item label="请告诉我们哪里做得不好" name="comment" extra="管理部门会核实整改并答复您" rules={[{ required: true, min: 5, message: '请写明不满意的原因（至少5个字）' }]}>
            <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 3 }} />
          </Form.Item>
        )}
        {level !== undefined && level > 2 && (
          <Form.Item label="意见建议（选填）" name="comment">
            <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2 }} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={submitting}>
          提交评价
        </Button>
      </Form>
    </Card>
  );
}
