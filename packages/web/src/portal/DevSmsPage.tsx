import { Card, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../shared/api';
import { LoadError, Loading, NotFoundPage } from '../shared/page-state';

interface OutboxMessage {
  id: string;
  mobile: string;
  text: string;
  createdAt: string;
}

/** Development only: the SMS the embedded gateway would have sent. In production the API answers 404. */
export function DevSmsPage() {
  const outbox = useQuery({ queryKey: ['dev', 'sms'], queryFn: () => api<OutboxMessage[]>('/api/dev/sms'), refetchInterval: 3_000 });
  if (outbox.isPending) return <Loading />;
  if (outbox.error instanceof ApiError && outbox.error.status === 404) return <NotFoundPage />;
  if (outbox.isError) return <LoadError error={outbox.error} />;
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        短信发件箱（开发环境）
      </Typography.Title>
      <Typography.Paragraph type="secondary">本系统在开发环境中不真正发送短信，验证码短信显示在这里。生产环境没有此页面。</Typography.Paragraph>
      <Table
        rowKey="id"
        dataSource={outbox.data}
        pagination={false}
        columns={[
          { title: '时间', dataIndex: 'createdAt', render: (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false }), width: 200 },
          { title: '手机号', dataIndex: 'mobile', width: 140 },
          { title: '短信内容', dataIndex: 'text' },
        ]}
      />
    </Card>
  );
}
