import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { STAFF_ROLES, staffRoleNames, type StaffRole } from '@yunzheng/domain';
import { api } from '../shared/api';
import { ErrorSummary } from '../shared/ErrorSummary';
import { LoadError, Loading } from '../shared/page-state';
import type { StaffSummary } from '../shared/session';
import { useFormSubmit } from '../shared/useFormSubmit';
import { useAuthorities } from './useAuthorities';
import { StatusTag } from '../shared/StatusTag';

const ROLE_OPTIONS = STAFF_ROLES.map((r) => ({ value: r, label: staffRoleNames[r] }));

/** 工作人员管理 (管理员): staff of the own authority and those below it; create, change roles, disable. */
export function StaffPage() {
  const staff = useQuery({ queryKey: ['admin', 'staff'], queryFn: () => api<StaffSummary[]>('/api/admin/staff') });
  const authorities = useAuthorities();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StaffSummary>();
  const [created, setCreated] = useState<{ username: string; initialPassword: string }>();
  const { message, modal } = App.useApp();
  const authorityName = (code: string) => authorities.data?.find((a) => a.code === code)?.name ?? code;

  if (staff.isPending) return <Loading />;
  if (staff.isError) return <LoadError error={staff.error} onRetry={() => void staff.refetch()} />;

  async function setStatus(row: StaffSummary, status: 'ACTIVE' | 'DISABLED') {
    try {
      await api(`/api/admin/staff/${row.id}`, { method: 'PATCH', body: { status } });
      void message.success(status === 'DISABLED' ? `已停用 ${row.name}，其登录已立即失效` : `已启用 ${row.name}`);
      await staff.refetch();
    } catch (error) {
      void message.error((error as Error).message);
    }
  }

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          工作人员管理
        </Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>
          新增工作人员
        </Button>
      </Space>
      {created && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setCreated(undefined) }}
          style={{ margin: '16px 0' }}
          title={`已创建账号 ${created.username}`}
          description={
            <>
              初始密码（只显示这一次，请当面或通过安全渠道交给本人，首次登录后修改）：
              <Typography.Text code copyable data-testid="initial-password">
                {created.initialPassword}
              </Typography.Text>
            </>
          }
        />
      )}
      <Table
        rowKey="id"
        style={{ marginTop: 16 }}
        dataSource={staff.data}
        scroll={{ x: true }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'name' },
          { title: '管理部门', dataIndex: 'authorityCode', render: authorityName },
          { title: '角色', dataIndex: 'roles', render: (roles: StaffRole[]) => roles.map((r) => <StatusTag key={r} tone="info">{staffRoleNames[r]}</StatusTag>) },
          { title: '动态验证码', dataIndex: 'totpEnrolled', render: (v: boolean) => (v ? '已绑定' : '未绑定') },
          { title: '状态', dataIndex: 'status', render: (s: string) => (s === 'ACTIVE' ? <StatusTag tone="success">正常</StatusTag> : <StatusTag tone="error">已停用</StatusTag>) },
          {
            title: '操作',
            render: (_, row) => (
              <Space>
                <Button onClick={() => setEditing(row)}>调整角色</Button>
                {row.status === 'ACTIVE' ? (
                  <Button danger onClick={() => modal.confirm({ title: `停用 ${row.name}？`, content: '停用后该人员的登录立即失效，不能再登录。', okText: '停用', cancelText: '取消', onOk: () => setStatus(row, 'DISABLED') })}>
                    停用
                  </Button>
                ) : (
                  <Button onClick={() => void setStatus(row, 'ACTIVE')}>启用</Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {creating && (
        <CreateStaffDialog
          onClose={() => setCreating(false)}
          onCreated={async (result) => {
            setCreating(false);
            setCreated(result);
            await staff.refetch();
          }}
        />
      )}
      {editing && (
        <EditRolesDialog
          staff={editing}
          onClose={() => setEditing(undefined)}
          onSaved={async () => {
            setEditing(undefined);
            void message.success('角色已调整');
            await staff.refetch();
          }}
        />
      )}
    </Card>
  );
}

function CreateStaffDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (r: { username: string; initialPassword: string }) => Promise<void> }) {
  const [form] = Form.useForm<{ username: string; name: string; authorityCode: string; roles: StaffRole[] }>();
  const authorities = useAuthorities();
  const { submit, submitting, summary } = useFormSubmit(form, async (values) => {
    const result = await api<{ staff: StaffSummary; initialPassword: string }>('/api/admin/staff', { body: values });
    await onCreated({ username: result.staff.username, initialPassword: result.initialPassword });
  });
  return (
    <Modal open title="新增工作人员" onCancel={onClose} onOk={() => form.submit()} okText="创建" cancelText="取消" confirmLoading={submitting} forceRender>
      <ErrorSummary message={summary} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item label="用户名" name="username" extra="3至32位字母、数字、下划线，以字母开头" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="name" rules={[{ required: true, message: '请输入姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="管理部门" name="authorityCode" rules={[{ required: true, message: '请选择管理部门' }]}>
          <Select options={(authorities.data ?? []).map((a) => ({ value: a.code, label: a.name }))} loading={authorities.isPending} />
        </Form.Item>
        <Form.Item label="角色" name="roles" extra="审计员只能查看审计日志，不能同时担任其他角色" rules={[{ required: true, message: '请至少选择一个角色' }]}>
          <Checkbox.Group options={ROLE_OPTIONS} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EditRolesDialog({ staff, onClose, onSaved }: { staff: StaffSummary; onClose: () => void; onSaved: () => Promise<void> }) {
  const [form] = Form.useForm<{ roles: StaffRole[] }>();
  const { submit, submitting, summary } = useFormSubmit(form, async (values) => {
    await api(`/api/admin/staff/${staff.id}`, { method: 'PATCH', body: { roles: values.roles } });
    await onSaved();
  });
  return (
    <Modal open title={`调整角色：${staff.name}`} onCancel={onClose} onOk={() => form.submit()} okText="保存" cancelText="取消" confirmLoading={submitting} forceRender>
      <ErrorSummary message={summary} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ roles: staff.roles }}>
        <Form.Item label="角色" name="roles" rules={[{ required: true, message: '请至少选择一个角色' }]}>
          <Checkbox.Group options={ROLE_OPTIONS} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
