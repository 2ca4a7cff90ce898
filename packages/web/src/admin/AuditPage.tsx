import { useState } from 'react';
import { Alert, Button, Card, Input, Space, Table, Typography } from 'antd';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../shared/api';
import { LoadError, Loading } from '../shared/page-state';
import { StatusTag } from '../shared/StatusTag';

interface AuditRow {
  id: number;
  at: string;
  actorType: string;
  actorId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: string;
  ip: string | null;
  details: Record<string, unknown>;
}

/** 审计日志 (审计员 only): newest first, filter by action, and a check of the hash chain. */
export function AuditPage() {
  const [action, setAction] = useState('');
  const pages = useInfiniteQuery({
    queryKey: ['admin', 'audit', action],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams();
      if (pageParam) query.set('before', String(pageParam));
      if (action) query.set('action', action);
      return api<{ rows: AuditRow[]; nextBefore: number | null }>(`/api/admin/audit?${query}`);
    },
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const chain = useQuery({ queryKey: ['admin', 'audit', 'verify'], queryFn: () => api<{ rowsChecked: number; intact: boolean; firstBrokenId: number | null }>('/api/admin/audit/verify') });

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        审计日志
      </Typography.Title>
      {chain.data &&
        (chain.data.intact ? (
          <Alert type="success" showIcon title={`哈希链校验通过：共 ${chain.data.rowsChecked} 条记录未被篡改`} style={{ marginBottom: 16 }} />
        ) : (
          <Alert type="error" showIcon title={`哈希链校验失败：第 ${chain.data.firstBrokenId} 条记录起被篡改或删除`} style={{ marginBottom: 16 }} />
        ))}
      <Space style={{ marginBottom: 16 }}>
        <Input.Search placeholder="按操作类型筛选，如 CITIZEN_LOGIN" allowClear onSearch={(v) => setAction(v.trim())} style={{ width: 320 }} aria-label="按操作类型筛选" />
      </Space>
      {pages.isPending && <Loading />}
      {pages.isError && <LoadError error={pages.error} onRetry={() => void pages.refetch()} />}
      {pages.data && (
        <>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={pages.data.pages.flatMap((p) => p.rows)}
            columns={[
              { title: '序号', dataIndex: 'id', width: 70 },
              { title: '时间', dataIndex: 'at', render: (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false }), width: 180 },
              { title: '操作', dataIndex: 'action' },
              { title: '结果', dataIndex: 'outcome', render: (o: string) => (o === 'SUCCESS' ? <StatusTag tone="success">成功</StatusTag> : <StatusTag tone="error">失败</StatusTag>) },
              { title: '操作人', render: (_, r) => `${r.actorType}${r.actorId ? ` ${r.actorId.slice(0, 8)}` : ''}` },
              { title: '对象', render: (_, r) => (r.objectType ? `${r.objectType} ${(r.objectId ?? '').slice(0, 8)}` : '') },
              { title: 'IP', dataIndex: 'ip' },
              { title: '详情', dataIndex: 'details', render: (d: Record<string, unknown>) => <code style={{ fontSize: 12 }}>{JSON.stringify(d)}</code> },
            ]}
          />
          {pages.hasNextPage && (
            <Button style={{ marginTop: 12 }} onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
              加载更早的记录
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
