import { Card, Typography } from 'antd';
import { ChangePasswordForm } from '../shared/ChangePasswordForm';

/** A staff member's own password (an account created by an administrator starts with a generated one). */
export function OwnPasswordPage() {
  return (
    <Card style={{ maxWidth: 560 }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        修改密码
      </Typography.Title>
      <ChangePasswordForm endpoint="/api/admin/me/password" audience="staff" />
    </Card>
  );
}
