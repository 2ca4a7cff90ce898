import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../shared/api';
import { ErrorSummary } from '../shared/ErrorSummary';
import { LoadError, Loading } from '../shared/page-state';
import { useFormSubmit } from '../shared/useFormSubmit';
import { STATE_TONES, type CategoryView, type CertificateView, type MyCertificates } from './certificates-api';
import { StatusTag } from '../shared/StatusTag';

function IntegrityRecord({ category }: { category: CategoryView }) {
  const integrity = category.integrity;
  if (!integrity) return null;
  const ended = integrity.lastEndedCycle;
  return (
    <div style={{ marginTop: 12 }}>
      <Typography.Title level={4} style={{ fontSize: 17 }}>
        {category.name} · 诚信考核
      </Typography.Title>
      <Descriptions column={1} size="small" bordered>
        {integrity.currentCycle && (
          <Descriptions.Item label="当前考核周期">
            {integrity.currentCycle.start} 至 {integrity.currentCycle.end}，已计 {integrity.currentCycle.totalPoints} 分
          </Descriptions.Item>
        )}
        {ended && (
          <Descriptions.Item label="上一考核周期">
            {ended.start} 至 {ended.end}，共计 {ended.totalPoints} 分，
            {integrity.lastEndedCycleAssessed ? '已评级' : <strong>周期已届满，可申请诚信考核</strong>}
          </Descriptions.Item>
        )}
      </Descriptions>
      {integrity.results.length > 0 && (
        <Table
          size="small"
          rowKey="cycleNo"
          pagination={false}
          style={{ marginTop: 8 }}
          caption="历次考核结果"
          dataSource={integrity.results}
          columns={[
            { title: '考核周期', render: (_, r) => `${r.cycleStart} 至 ${r.cycleEnd}` },
            { title: '计分', dataIndex: 'totalPoints' },
            { title: '等级', dataIndex: 'grade' },
            { title: '评定日期', dataIndex: 'gradedOn' },
            { title: '评定机关', dataIndex: 'authority' },
          ]}
        />
      )}
      {integrity.points.length > 0 && (
        <Table
          size="small"
          rowKey={(r) => `${r.decisionNo}-${r.occurredOn}`}
          pagination={false}
          style={{ marginTop: 8 }}
          caption="计分记录"
          dataSource={integrity.points}
          columns={[
            { title: '日期', dataIndex: 'occurredOn' },
            { title: '计分事由', dataIndex: 'indicator' },
            { title: '分值', dataIndex: 'points' },
            { title: '处罚决定书', dataIndex: 'decisionNo' },
            { title: '状态', dataIndex: 'status', render: (s: string) => (s === 'VALID' ? '有效' : '已撤销') },
          ]}
        />
      )}
    </div>
  );
}

function CertificateCard({ cert }: { cert: CertificateView }) {
  return (
    <Card title={`从业资格证 ${cert.certNo}`} style={{ marginBottom: 16 }} data-testid="bound-certificate">
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label="姓名">{cert.holderName}</Descriptions.Item>
        <Descriptions.Item label="身份证号">{cert.holderIdMasked}</Descriptions.Item>
        <Descriptions.Item label="发证机关">{cert.issuingAuthority}</Descriptions.Item>
        <Descriptions.Item label="服务单位">{cert.employerName ?? '—'}</Descriptions.Item>
        {cert.archiveNo && <Descriptions.Item label="档案号">{cert.archiveNo}</Descriptions.Item>}
      </Descriptions>
      <Table
        rowKey="code"
        pagination={false}
        scroll={{ x: true }}
        style={{ marginTop: 12 }}
        dataSource={cert.categories}
        columns={[
          { title: '从业资格类别', dataIndex: 'name' },
          { title: '初次领证日期', dataIndex: 'firstIssueDate' },
          { title: '有效期至', dataIndex: 'validTo' },
          { title: '状态', render: (_, c) => <StatusTag tone={STATE_TONES[c.state]}>{c.stateName}</StatusTag> },
          { title: '可办理', dataIndex: 'nextStep' },
        ]}
      />
      {cert.categories.map((c) => (
        <IntegrityRecord key={c.code} category={c} />
      ))}
    </Card>
  );
}

function BindForm({ bindable, onBound }: { bindable: MyCertificates['bindable']; onBound: () => Promise<unknown> }) {
  const [form] = Form.useForm<{ certNo: string }>();
  const { message } = App.useApp();
  const { submit, submitting, summary } = useFormSubmit(form, async (values) => {
    await api('/api/me/certificates/bind', { body: values });
    form.resetFields();
    void message.success('从业资格证已绑定');
    await onBound();
  });
  return (
    <Card title="绑定从业资格证" style={{ marginBottom: 16 }}>
      <Typography.Paragraph>系统查到您名下有以下从业资格证。为确认是您本人的证件，请输入证件上的完整证号后绑定。</Typography.Paragraph>
      <ul>
        {bindable.map((b) => (
          <li key={b.id}>
            证号 {b.certNoHint}，{b.issuingAuthority}核发，{b.categories.join('、')}
          </li>
        ))}
      </ul>
      <ErrorSummary message={summary} />
      <Form form={form} layout="inline" onFinish={submit} style={{ rowGap: 8 }}>
        <Form.Item label="证号" name="certNo" rules={[{ required: true, message: '请输入证号' }]}>
          <Input style={{ width: 260 }} autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting}>
          绑定
        </Button>
      </Form>
    </Card>
  );
}

/** 我的证件: bound certificates with their state, what can be done next and the integrity record; binding. */
export function MyCertificatesTab() {
  const mine = useQuery({ queryKey: ['me', 'certificates'], queryFn: () => api<MyCertificates>('/api/me/certificates'), retry: false });
  const navigate = useNavigate();
  if (mine.isPending) return <Loading />;
  if (mine.error instanceof ApiError && mine.error.problem.code === 'YZ-ACC-010') {
    return (
      <Alert
        type="warning"
        showIcon
        title="请先完成实名认证"
        description="绑定从业资格证需要先用本人居民身份证完成实名认证，系统按实名信息查找您名下的证件。"
        action={
          <Button type="primary" onClick={() => void navigate('/realname')}>
            去实名认证
          </Button>
        }
      />
    );
  }
  if (mine.isError) return <LoadError error={mine.error} onRetry={() => void mine.refetch()} />;
  const { bound, bindable } = mine.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {bindable.length > 0 && <BindForm bindable={bindable} onBound={() => mine.refetch()} />}
      {bound.map((cert) => (
        <CertificateCard key={cert.id} cert={cert} />
      ))}
      {bound.length === 0 && bindable.length === 0 && (
        <Empty description="未查询到您名下的从业资格证。如您已取得从业资格证，请联系发证机关核对登记信息。" />
      )}
    </Space>
  );
}
