import { App, Button, Card, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../shared/api';
import { LoadError, Loading } from '../shared/page-state';
import { StatusTag } from '../shared/StatusTag';

interface Transfer {
  id: string;
  applyNo: string;
  certNo: string;
  from: string;
  to: string;
  dueDate: string;
  status: 'OPEN' | 'DONE';
  completedAt: string | null;
  mine: boolean;
}

/** 档案转出: after a 服务单位变更 to another authority, send the archive within 30 days and mark it done here. */
export function ArchiveTransfersPage() {
  const { message } = App.useApp();
  const tasks = useQuery({ queryKey: ['admin', 'archive-transfers'], queryFn: () => api<Transfer[]>('/api/admin/archive-transfers') });
  if (tasks.isPending) return <Loading />;
  if (tasks.isError) return <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} />;
  const done = (task: Transfer) =>
    api(`/api/admin/archive-transfers/${task.id}/complete`, { method: 'POST' })
      .then(() => message.success(`证号 ${task.certNo} 的档案已转出至${task.to}`))
      .catch((e: Error) => message.error(e.message))
      .finally(() => void tasks.refetch());
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        档案转出
      </Typography.Title>
      <Table<Transfer>
        rowKey="id"
        dataSource={tasks.data}
        locale={{ emptyText: '没有档案转出任务' }}
        scroll={{ x: true }}
        columns={[
          { title: '办件编号', dataIndex: 'applyNo' },
          { title: '证号', dataIndex: 'certNo' },
          { title: '转出部门', dataIndex: 'from' },
          { title: '转入部门', dataIndex: 'to' },
          { title: '转出期限', dataIndex: 'dueDate' },
          { title: '状态', dataIndex: 'status', render: (s: string) => (s === 'DONE' ? <StatusTag tone="success">已转出</StatusTag> : <StatusTag tone="warning">待转出</StatusTag>) },
          { title: '操作', render: (_, t) => t.status === 'OPEN' && t.mine && <Button onClick={() => void done(t)}>已转出</Button> },
        ]}
      />
    </Card>
  );
}
