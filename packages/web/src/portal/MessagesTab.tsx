import { App, Button, Empty, List, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../shared/api';
import { LoadError, Loading } from '../shared/page-state';
import { StatusTag } from '../shared/StatusTag';

export interface Inbox {
  unread: number;
  items: { id: string; applicationId: string | null; title: string; body: string; createdAt: string; read: boolean }[];
}

/** The unread count for the header badge, refreshed every minute while signed in. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({ queryKey: ['me', 'notifications', 'unread'], queryFn: () => api<{ unread: number }>('/api/me/notifications/unread'), enabled, refetchInterval: 60_000 });
}

/** 站内信: the messages about one's applications, newest first; opening one marks it read. */
export function MessagesTab() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const inbox = useQuery({ queryKey: ['me', 'notifications'], queryFn: () => api<Inbox>('/api/me/notifications') });
  if (inbox.isPending) return <Loading />;
  if (inbox.isError) return <LoadError error={inbox.error} onRetry={() => void inbox.refetch()} />;
  const markRead = async (id?: string) => {
    try {
      await api('/api/me/notifications/read', { body: id ? { id } : {} });
      await queryClient.invalidateQueries({ queryKey: ['me', 'notifications'] });
    } catch (error) {
      void message.error((error as Error).message);
    }
  };
  if (inbox.data.items.length === 0) return <Empty description="暂无消息" />;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text>{inbox.data.unread > 0 ? `${inbox.data.unread} 条未读` : '全部已读'}</Typography.Text>
        {inbox.data.unread > 0 && <Button onClick={() => void markRead()}>全部标为已读</Button>}
      </Space>
      <List
        itemLayout="vertical"
        dataSource={inbox.data.items}
        renderItem={(item) => (
          <List.Item
            key={item.id}
            actions={[
              ...(item.applicationId ? [<Link key="open" to={`/applications/${item.applicationId}`} onClick={() => void (item.read ? undefined : markRead(item.id))}>查看办件</Link>] : []),
              ...(!item.read ? [<Button key="read" type="link" size="small" onClick={() => void markRead(item.id)}>标为已读</Button>] : []),
            ]}
          >
            <List.Item.Meta
              title={
                <Space>
                  {!item.read && <StatusTag tone="error">未读</StatusTag>}
                  <span style={{ fontWeight: item.read ? 'normal' : 'bold' }}>{item.title}</span>
                </Space>
              }
              description={new Date(item.createdAt).toLocaleString('zh-CN', { hour12: false })}
            />
            {item.body}
          </List.Item>
        )}
      />
    </>
  );
}
