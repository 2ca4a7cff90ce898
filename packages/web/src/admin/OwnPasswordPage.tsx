import { App, Button, Card, Form, Input, Typography } from 'antd';
import { api } from '../shared/api';
import { ErrorSummary } from '../shared/ErrorSummary';
import { NewPasswordFields } from '../shared/AccountFields';
import { useFormSubmit } from '../shared/useFormSubmit';

/** A staff member's own password (an account created by an administrator starts with a generated one). */
export function OwnPasswordPage() {
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string; confirmNewPassword: string }>();
  const { message } = App.useApp();
  const { submit, submitting, summary } = useFormSubmit(form, async (values) => {
    await api('/api/admin/me/password', { body: { currentPassword: values.currentPassword, newPassword: values.newPassword } });
    form.resetFields();
    void message.success('密码已修改');
  });
  return (
    <Card style={{ maxWidth: 560 }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        修改密码
      </Typography.Title>
      <ErrorSummary message={summary} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields name="newPassword" label="新密码" audience="staff" />
        <Button type="primary" htmlType="submit" loading={submitting}>
          修改密码
        </Button>
      </Form>
    </Card>
  );
}
