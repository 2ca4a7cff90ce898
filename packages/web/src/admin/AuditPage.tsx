import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
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

interface Filters {
  action?: string;
  actorId?: string;
  objectId?: string;
  outcome?: string;
  from?: string;
  to?: string;
}

/** 审计日志 (审计员 only): newest first, filter by action, actor, object, outcome and dates, and a check of the hash chain. */
export function AuditPage() {
  const [filters, setFilters] = useState<Filters>({});
  const pages = useInfiniteQuery({
    queryKey: ['admin', 'audit', filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams();
      if (pageParam) query.set('before', String(pageParam));
      for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
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
      <Form<Filters & { range?: [Dayjs, Dayjs] | null }>
        layout="inline"
        style={{ rowGap: 8, marginBottom: 16 }}
        onFinish={({ range, ...rest }) =>
          setFilters({
            ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, typeof v === 'string' ? v.trim() || undefined : v])),
            from: range?.[0]?.format('YYYY-MM-DD'),
            to: range?.[1]?.format('YYYY-MM-DD'),
          })
        }
      >
        <Form.Item name="action" label="操作类型">
          <Input placeholder="如 PII_REVEAL" allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="actorId" label="操作人编号">
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="objectId" label="对象编号">
          <Input placeholder="如办件的内部编号" allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="outcome" label="结果">
          <Select allowClear style={{ width: 120 }} options={[{ value: 'SUCCESS', label: '成功' }, { value: 'FAILURE', label: '失败' }]} aria-label="结果" />
        </Form.Item>
        <Form.Item name="range" label="日期">
          <DatePicker.RangePicker aria-label="日期" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          筛选
        </Button>
      </Form>
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
              { title: '操作人', render: (_, r) => <span title={r.actorId ?? ''}>{`${r.actorType}${r.actorId ? ` ${r.actorId.slice(0, 8)}` : ''}`}</span> },
              { title: '对象', render: (_, r) => (r.objectType ? <span title={r.objectId ?? ''}>{`${r.objectType} ${(r.objectId ?? '').slice(0, 8)}`}</span> : '') },
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
