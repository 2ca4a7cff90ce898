import { App, Badge, Button, Card, Descriptions, Form, Input, Popconfirm, Space, Table, Tabs, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useParams } from 'react-router';
import { api } from '../shared/api';
import { ErrorSummary } from '../shared/ErrorSummary';
import { LoadError, Loading } from '../shared/page-state';
import { MobileAndCodeFields } from '../shared/AccountFields';
import { ChangePasswordForm } from '../shared/ChangePasswordForm';
import { MessagesTab, useUnreadCount } from './MessagesTab';
import { MyCertificatesTab } from './MyCertificatesTab';
import { useCitizenSession } from '../shared/session';
import { useFormSubmit } from '../shared/useFormSubmit';
import { StatusTag } from '../shared/StatusTag';

interface Profile {
  mobileMasked: string;
  realNameStatus: 'NONE' | 'VERIFIED';
  name: string | null;
  idNumberMasked: string | null;
  sex: 'M' | 'F' | null;
  birthDate: string | null;
  idValidFrom: string | null;
  idValidTo: string | null;
  realNameVerifiedAt: string | null;
  createdAt: string;
}

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

function ProfileTab() {
  const profile = useQuery({ queryKey: ['me'], queryFn: () => api<Profile>('/api/me') });
  const navigate = useNavigate();
  if (profile.isPending) return <Loading />;
  if (profile.isError) return <LoadError error={profile.error} onRetry={() => void profile.refetch()} />;
  const p = profile.data;
  return (
    <Descriptions column={1} bordered>
      <Descriptions.Item label="实名状态">
        {p.realNameStatus === 'VERIFIED' ? (
          <StatusTag tone="success">已实名认证</StatusTag>
        ) : (
          <Space>
            <StatusTag tone="warning">未实名认证</StatusTag>
            <Button type="primary" onClick={() => void navigate('/realname')}>
              去实名认证
            </Button>
          </Space>
        )}
      </Descriptions.Item>
      <Descriptions.Item label="姓名">{p.name ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="身份证号">{p.idNumberMasked ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="性别">{p.sex === 'M' ? '男' : p.sex === 'F' ? '女' : '—'}</Descriptions.Item>
      <Descriptions.Item label="出生日期">{p.birthDate ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="身份证有效期">{p.idValidFrom ? `${p.idValidFrom} 至 ${p.idValidTo === 'LONG_TERM' ? '长期' : p.idValidTo}` : '—'}</Descriptions.Item>
      <Descriptions.Item label="手机号">{p.mobileMasked}</Descriptions.Item>
      <Descriptions.Item label="注册时间">{when(p.createdAt)}</Descriptions.Item>
    </Descriptions>
  );
}

function MobileTab() {
  const [form] = Form.useForm<{ password: string; newMobile: string; smsCode: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { submit, submitting, summary, setSummary } = useFormSubmit(form, async (values) => {
    await api('/api/me/mobile', { body: values });
    form.resetFields();
    await queryClient.invalidateQueries({ queryKey: ['me'] });
    void message.success('手机号已更换，请用新手机号登录');
  });
  return (
    <div style={{ maxWidth: 480 }}>
      <Typography.Paragraph>为确认是您本人操作，请先输入登录密码，再用新手机号接收验证码。</Typography.Paragraph>
      <ErrorSummary message={summary} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item label="登录密码" name="password" rules={[{ required: true, message: '请输入登录密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <MobileAndCodeFields
          form={form}
          mobileName="newMobile"
          mobileLabel="新手机号"
          endpoint="/api/me/mobile/code"
          codeRequest={(newMobile) => ({ newMobile, password: form.getFieldValue('password') ?? '' })}
          onError={setSummary}
        />
        <Button type="primary" htmlType="submit" loading={submitting}>
          更换手机号
        </Button>
      </Form>
    </div>
  );
}

interface SessionRow {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

function SessionsTab() {
  const sessions = useQuery({ queryKey: ['me', 'sessions'], queryFn: () => api<SessionRow[]>('/api/me/sessions') });
  const { message } = App.useApp();
  if (sessions.isPending) return <Loading />;
  if (sessions.isError) return <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />;
  return (
    <Table
      rowKey="id"
      pagination={false}
      dataSource={sessions.data}
      columns={[
        { title: '设备', dataIndex: 'userAgent', render: (ua: string | null, row) => <>{(ua ?? '未知设备').slice(0, 60)} {row.current && <StatusTag tone="info">当前设备</StatusTag>}</> },
        { title: 'IP 地址', dataIndex: 'ip' },
        { title: '登录时间', dataIndex: 'createdAt', render: when },
        { title: '最近活动', dataIndex: 'lastSeenAt', render: when },
        {
          title: '操作',
          render: (_, row) =>
            row.current ? null : (
              <Popconfirm
                title="让这台设备退出登录？"
                okText="退出"
                cancelText="取消"
                onConfirm={async () => {
                  await api(`/api/me/sessions/${row.id}`, { method: 'DELETE' });
                  void message.success('该设备已退出登录');
                  await sessions.refetch();
                }}
              >
                <Button danger>退出该设备</Button>
              </Popconfirm>
            ),
        },
      ]}
    />
  );
}

const TABS = [
  { key: 'profile', label: '个人信息', children: <ProfileTab /> },
  { key: 'certificates', label: '我的证件', children: <MyCertificatesTab /> },
  { key: 'messages', label: <MessagesLabel />, children: <MessagesTab /> },
  { key: 'password', label: '修改密码', children: <ChangePasswordForm endpoint="/api/me/password" audience="citizen" /> },
  { key: 'mobile', label: '更换手机号', children: <MobileTab /> },
  { key: 'sessions', label: '登录设备', children: <SessionsTab /> },
];

function MessagesLabel() {
  const unread = useUnreadCount(true);
  return <Badge count={unread.data?.unread ?? 0} size="small" offset={[8, -2]} color="#a8071a">站内信</Badge>;
}

/** 个人空间: profile (masked), 我的证件, 站内信, password, mobile number, signed-in devices. */
export function PersonalSpacePage() {
  const session = useCitizenSession();
  const { tab = 'profile' } = useParams();
  const navigate = useNavigate();
  if (session.isPending) return <Loading />;
  if (!session.data?.authenticated) return <Navigate to="/login?next=/me" replace />;
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        个人空间
      </Typography.Title>
      <Tabs activeKey={TABS.some((t) => t.key === tab) ? tab : 'profile'} onChange={(key) => void navigate(key === 'profile' ? '/me' : `/me/${key}`)} items={TABS} destroyOnHidden />
    </Card>
  );
}
