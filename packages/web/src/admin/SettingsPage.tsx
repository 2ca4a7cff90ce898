import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { SERVICES } from '@yunzheng/domain';
import { api } from '../shared/api';
import { ErrorSummary } from '../shared/ErrorSummary';
import { LoadError, Loading } from '../shared/page-state';
import { useFormSubmit } from '../shared/useFormSubmit';
import type { StaffSummary } from '../shared/session';
import { useAuthorities } from './useAuthorities';

interface ServiceSetting {
  service: string;
  serviceName: string;
  promisedDays: number;
  isDefault: boolean;
  defaultDays: number;
  updatedAt: string | null;
}

/** 事项设置 (管理员): the authority's promised days per service, and — at province level — new 业务须知 versions. */
export function SettingsPage({ staff }: { staff: StaffSummary }) {
  const authorities = useAuthorities();
  const province = authorities.data?.find((a) => a.code === staff.authorityCode)?.level === 'PROVINCE';
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PromisedDays />
      {province && <NoticeEditor />}
    </Space>
  );
}

function PromisedDays() {
  const { message } = App.useApp();
  const settings = useQuery({ queryKey: ['admin', 'settings', 'services'], queryFn: () => api<ServiceSetting[]>('/api/admin/settings/services') });
  const [draft, setDraft] = useState<Record<string, number | null>>({});
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;
  const save = async (row: ServiceSetting) => {
    try {
      await api(`/api/admin/settings/services/${row.service}`, { method: 'PUT', body: { promisedDays: draft[row.service] ?? row.promisedDays } });
      void message.success(`已保存：${row.serviceName}`);
      await settings.refetch();
    } catch (error) {
      void message.error((error as Error).message);
    }
  };
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        事项设置
      </Typography.Title>
      <Typography.Paragraph>承诺时限以工作日计，不超过法定的20个工作日；修改后对新提交的申请生效。</Typography.Paragraph>
      <Table<ServiceSetting>
        rowKey="service"
        pagination={false}
        dataSource={settings.data}
        columns={[
          { title: '事项', dataIndex: 'serviceName' },
          {
            title: '承诺时限（工作日）',
            render: (_, row) => <InputNumber aria-label={`${row.serviceName}承诺时限`} min={1} max={20} precision={0} value={draft[row.service] ?? row.promisedDays} onChange={(v) => setDraft({ ...draft, [row.service]: v })} />,
          },
          { title: '来源', render: (_, row) => (row.isDefault ? `默认（${row.defaultDays}个工作日）` : `本单位设置（${new Date(row.updatedAt!).toLocaleDateString('zh-CN')}）`) },
          { title: '操作', render: (_, row) => <Button onClick={() => void save(row)}>保存</Button> },
        ]}
      />
    </Card>
  );
}

interface Notice {
  title: string;
  version: string;
  sections: { heading: string; lines: string[] }[];
}

const NOTICE_TARGETS = SERVICES.flatMap((s) => (s.variants ? s.variants.map((v) => ({ value: `${s.code}:${v.code}`, label: `${s.name}（${v.name}）` })) : [{ value: s.code, label: s.name }]));

function NoticeEditor() {
  const [target, setTarget] = useState(NOTICE_TARGETS[0]!.value);
  const [service, variant] = target.split(':');
  const path = `/api/admin/notices/${service}${variant ? `?variant=${variant}` : ''}`;
  const notice = useQuery({ queryKey: ['admin', 'notices', target], queryFn: () => api<Notice>(path) });
  return (
    <Card>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        业务须知
      </Typography.Title>
      <Typography.Paragraph>发布后产生新版本，新申请人阅读并同意新版本；已提交的申请仍保留申请人当时同意的版本。</Typography.Paragraph>
      <Select aria-label="选择事项" style={{ width: 420, maxWidth: '100%', marginBottom: 12 }} value={target} onChange={setTarget} options={NOTICE_TARGETS} />
      {notice.isPending && <Loading />}
      {notice.data && <NoticeForm key={`${target}-${notice.data.version}`} path={path} notice={notice.data} onPublished={() => void notice.refetch()} />}
    </Card>
  );
}

function NoticeForm({ path, notice, onPublished }: { path: string; notice: Notice; onPublished: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ sections: { heading: string; text: string }[] }>();
  const { submit, submitting, summary } = useFormSubmit(form, async (values) => {
    const published = await api<Notice>(path, { body: { sections: values.sections.map((s) => ({ heading: s.heading ?? '', lines: (s.text ?? '').split('\n') })) } });
    void message.success(`已发布新版本 ${published.version}`);
    onPublished();
  });
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ sections: notice.sections.map((s) => ({ heading: s.heading, text: s.lines.join('\n') })) }}>
      <Typography.Text>{`当前版本：${notice.version}`}</Typography.Text>
      <ErrorSummary message={summary} />
      <Form.List name="sections">
        {(fields) =>
          fields.map((field) => (
            <Space key={field.key} direction="vertical" style={{ width: '100%', marginTop: 12 }}>
              <Form.Item name={[field.name, 'heading']} label="标题" style={{ marginBottom: 4 }}>
                <Input maxLength={20} />
              </Form.Item>
              <Form.Item name={[field.name, 'text']} label="内容（每行一条）" style={{ marginBottom: 4 }}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
              </Form.Item>
            </Space>
          ))
        }
      </Form.List>
      <Button type="primary" htmlType="submit" loading={submitting} style={{ marginTop: 12 }}>
        发布新版本
      </Button>
    </Form>
  );
}
