import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Radio, Select, Space, Table, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { Dayjs } from 'dayjs';
import { CATEGORIES, DEADLINE_VIEWS, QUEUES, SERVICES, queueNames } from '@yunzheng/domain';
import { api } from '../../shared/api';
import { LoadError } from '../../shared/page-state';
import { StatusTag } from '../../shared/StatusTag';
import { DeadlineTag } from './DeadlineTag';
import { SHORT_SERVICE_NAMES } from './service-names';
import type { CaseListItem } from './types';

const TAB_KEYS = [...QUEUES, 'MINE'] as const;
const tabName = (key: string) => (key === 'MINE' ? '我认领的' : queueNames[key as keyof typeof queueNames]);

/**
 * 办件队列: tabs per queue with counts (plus 我认领的, 即将超期, 已超期), filters and an exact search by 办件编号,
 * 证号 or 身份证号. The tab and filters live in the address, so a clerk can bookmark or share a view.
 */
export function CasesPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'TO_ACCEPT';
  const [q, setQ] = useState(params.get('q') ?? '');
  const page = Number(params.get('page') ?? '1');
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const query = new URLSearchParams({ page: String(page), pageSize: '20' });
  if (params.get('q')) query.set('q', params.get('q')!);
  else if (tab === 'MINE') query.set('mine', 'true');
  else if ((DEADLINE_VIEWS as readonly string[]).includes(tab)) query.set('deadline', tab);
  else query.set('queue', tab);
  for (const key of ['service', 'category', 'submittedFrom', 'submittedTo', 'dueBy']) if (params.get(key)) query.set(key, params.get(key)!);

  const counts = useQuery({ queryKey: ['admin', 'cases', 'counts'], queryFn: () => api<Record<string, number>>('/api/admin/cases/counts'), refetchInterval: 60_000 });
  const list = useQuery({ queryKey: ['admin', 'cases', query.toString()], queryFn: () => api<{ total: number; items: CaseListItem[] }>(`/api/admin/cases?${query}`), placeholderData: keepPreviousData });

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        办件
      </Typography.Title>
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 12 }} onFinish={() => set({ q: q.trim() || undefined })}>
        <Form.Item label="精确查询" htmlFor="case-search">
          <Input.Search id="case-search" value={q} onChange={(e) => setQ(e.target.value)} onSearch={(v) => set({ q: v.trim() || undefined })} placeholder="办件编号、证号或身份证号" allowClear style={{ width: 300 }} maxLength={32} />
        </Form.Item>
        <Form.Item label="事项">
          <Select aria-label="事项" allowClear placeholder="全部" style={{ width: 220 }} value={params.get('service') ?? undefined} onChange={(v) => set({ service: v })} options={SERVICES.map((s) => ({ value: s.code, label: s.name }))} />
        </Form.Item>
        <Form.Item label="类别">
          <Select aria-label="类别" allowClear placeholder="全部" style={{ width: 200 }} value={params.get('category') ?? undefined} onChange={(v) => set({ category: v })} options={CATEGORIES.map((c) => ({ value: c.code, label: c.name }))} />
        </Form.Item>
        <Form.Item label="提交日期">
          <DatePicker.RangePicker
            aria-label="提交日期"
            onChange={(dates) => set({ submittedFrom: dates?.[0]?.format('YYYY-MM-DD'), submittedTo: dates?.[1]?.format('YYYY-MM-DD') })}
          />
        </Form.Item>
        <Form.Item label="到期日不晚于">
          <DatePicker aria-label="到期日不晚于" onChange={(d: Dayjs | null) => set({ dueBy: d?.format('YYYY-MM-DD') })} />
        </Form.Item>
      </Form>
      {params.get('q') ? (
        <Space style={{ marginBottom: 8 }}>
          <Typography.Text>查询“{params.get('q')}”的结果（全部队列）</Typography.Text>
          <Button
            onClick={() => {
              setQ('');
              set({ q: undefined });
            }}
          >
            清除查询，回到队列
          </Button>
        </Space>
      ) : (
        <>
        <Space wrap style={{ marginBottom: 4 }} role="group" aria-label="按期限查看（全部队列）">
          {DEADLINE_VIEWS.map((view) => (
            <Button key={view} type={tab === view ? 'primary' : 'default'} danger={view === 'OVERDUE'} onClick={() => set({ tab: view })} aria-pressed={tab === view}>
              {`${queueNames[view]} ${counts.data?.[view] ?? 0}`}
            </Button>
          ))}
        </Space>
        <Radio.Group
          aria-label="办件队列"
          optionType="button"
          value={tab}
          onChange={(e) => set({ tab: e.target.value as string })}
          style={{ display: 'flex', flexWrap: 'wrap', gap: 4, margin: '8px 0 12px' }}
          options={TAB_KEYS.map((key) => ({ value: key, label: `${tabName(key)} ${counts.data?.[key] ?? 0}` }))}
        />
        </>
      )}
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      <Table<CaseListItem>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        // A scroll region needs something focusable inside (axe scrollable-region-focusable): rows bring their links.
        scroll={list.data?.items.length ? { x: 1150 } : undefined}
        locale={{ emptyText: '没有办件' }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showSizeChanger: false, showTotal: (total) => `共 ${total} 件`, onChange: (p) => set({ page: String(p) }) }}
        columns={[
          { title: '办件编号', dataIndex: 'applyNo', width: 150, render: (no: string, row) => <Link to={`/admin/cases/${row.id}`}>{no}</Link> },
          { title: '事项', dataIndex: 'service', width: 150, render: (service: string, row) => `${SHORT_SERVICE_NAMES[service] ?? row.serviceName}${row.variantName ? `（${row.variantName}）` : ''}` },
          { title: '申请人', dataIndex: 'applicantNameMasked', width: 80 },
          { title: '证号', dataIndex: 'certNoMasked', width: 150 },
          { title: '类别', dataIndex: 'categories', width: 180, render: (c: string[]) => c.join('、') },
          { title: '状态', dataIndex: 'statusName', width: 130, render: (s: string) => <StatusTag tone="info">{s}</StatusTag> },
          { title: '提交时间', dataIndex: 'submittedAt', width: 110, render: (at: string | null) => (at ? new Date(at).toLocaleString('zh-CN', { hour12: false }) : '—') },
          { title: '期限', dataIndex: 'dueDate', width: 240, render: (_: unknown, row) => <DeadlineTag deadline={row.deadline} dueDate={row.dueDate} /> },
          { title: '认领人', dataIndex: 'claimedByName', width: 100, render: (name: string | null, row) => (row.readOnly ? `${row.authorityName}（只读）` : row.claimedByMe ? '我' : (name ?? '未认领')) },
        ]}
      />
    </Card>
  );
}
