import { App, Button, Form, Input } from 'antd';
import type { PasswordAudience } from '@yunzheng/domain';
import { api } from './api';
import { NewPasswordFields } from './AccountFields';
import { ErrorSummary } from './ErrorSummary';
import { useFormSubmit } from './useFormSubmit';

/** 修改密码 for citizens and staff alike: the current password, then the new one; other sessions end. */
export function ChangePasswordForm({ endpoint, audience }: { endpoint: string; audience: PasswordAudience }) {
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string; confirmNewPassword: string }>();
  const { message } = App.useApp();
  const { submit, submitting, summary } = useFormSubmit(form, async (values) => {
    await api(endpoint, { body: { currentPassword: values.currentPassword, newPassword: values.newPassword } });
    form.resetFields();
    void message.success('密码已修改，其他设备上的登录已退出');
  });
  return (
    <div style={{ maxWidth: 480 }}>
      <ErrorSummary message={summary} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields name="newPassword" label="新密码" audience={audience} />
        <Button type="primary" htmlType="submit" loading={submitting}>
          修改密码
        </Button>
      </Form>
    </div>
  );
}
