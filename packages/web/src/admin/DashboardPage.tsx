import { Card, Col, Descriptions, Row, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { authorityLevelNames, queueNames, QUEUES, staffRoleNames, worksCases } from '@yunzheng/domain';
import { api } from '../shared/api';
import { LoadError, Loading } from '../shared/page-state';
import type { StaffSummary } from '../shared/session';
import { LinkButton } from '../shared/LinkButton';
import { useAuthorities } from './useAuthorities';
import { SHORT_SERVICE_NAMES } from './cases/service-names';

interface Dashboard {
  today: string;
  weekStart: string;
  monthStart: string;
  received: { week: number; month: number };
  completed: { week: number; month: number };
  overdue: number;
  onTimeRate: number | null;
  perService: { service: string; serviceName: string; completed: number; averageDays: number | null }[];
  backlog: Record<string, number>;
  openArchiveTransfers: number;
}

/**
 * 工作台: who is signed in and, for case workers, the authority's week and month — received, completed, overdue,
 * on-time rate, average handling time per service and the backlog per queue, as numbers and as charts (the
 * numbers are the text alternative of the charts).
 */
export function DashboardPage({ staff }: { staff: StaffSummary }) {
  const authorities = useAuthorities();
  const authority = authorities.data?.find((a) => a.code === staff.authorityCode);
  const working = worksCases(staff.roles);
  const stats = useQuery({ queryKey: ['admin', 'dashboard'], queryFn: () => api<Dashboard>('/api/admin/dashboard'), enabled: working });
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        工作台
      </Typography.Title>
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
        <Descriptions.Item label="姓名">{`${staff.name}（${staff.username}）`}</Descriptions.Item>
        <Descriptions.Item label="角色">{staff.roles.map((r) => staffRoleNames[r]).join('、')}</Descriptions.Item>
        <Descriptions.Item label="所属管理部门">{authority ? `${authority.name}（${authorityLevelNames[authority.level]}）` : staff.authorityCode}</Descriptions.Item>
        {authority && <Descriptions.Item label="办公时间">{authority.serviceHours}</Descriptions.Item>}
      </Descriptions>
      {working && stats.isPending && <Loading />}
      {working && stats.isError && <LoadError error={stats.error} onRetry={() => void stats.refetch()} />}
      {stats.data && <Statistics data={stats.data} />}
    </Card>
  );
}

function Statistics({ data }: { data: Dashboard }) {
  const backlog = QUEUES.filter((q) => q !== 'DONE').map((q) => ({ name: queueNames[q], count: data.backlog[q] ?? 0 }));
  const handling = data.perService.map((s) => ({ name: SHORT_SERVICE_NAMES[s.service] ?? s.serviceName, days: s.averageDays ?? 0, completed: s.completed }));
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={12} md={6}>
          <Statistic title="本周收件" value={data.received.week} suffix={`/ 本月 ${data.received.month}`} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="本周办结" value={data.completed.week} suffix={`/ 本月 ${data.completed.month}`} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="当前超期" value={data.overdue} valueStyle={data.overdue > 0 ? { color: '#a8071a' } : undefined} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="本月按承诺时限办结率" value={data.onTimeRate ?? '—'} suffix={data.onTimeRate === null ? '' : '%'} />
        </Col>
      </Row>
      <div style={{ marginTop: 12 }}>
        <LinkButton to="/admin/cases?tab=OVERDUE">查看超期办件</LinkButton> <LinkButton to="/admin/cases?tab=DUE_SOON">查看即将超期办件</LinkButton>
        {data.openArchiveTransfers > 0 && <LinkButton to="/admin/archive-transfers">{`待转出档案 ${data.openArchiveTransfers} 件`}</LinkButton>}
      </div>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <ChartWithTable<(typeof backlog)[number]> title="各队列积压" data={backlog} valueKey="count" valueName="件数" colour="#0b4f9c" columns={[{ title: '队列', dataIndex: 'name' }, { title: '件数', dataIndex: 'count' }]} />
        </Col>
        <Col xs={24} lg={12}>
          <ChartWithTable<(typeof handling)[number]>
            title="本月平均办理时长（天）"
            data={handling}
            valueKey="days"
            valueName="平均天数"
            colour="#1f6e15"
            columns={[
              { title: '事项', dataIndex: 'name' },
              { title: '办结件数', dataIndex: 'completed' },
              { title: '平均天数', dataIndex: 'days', render: (d: number, r) => (r.completed ? d : '—') },
            ]}
          />
        </Col>
      </Row>
    </>
  );
}

/** A bar chart for the eye and the same numbers as a table for everyone (the table is the chart's text alternative). */
function ChartWithTable<T extends { name: string }>({ title, data, valueKey, valueName, colour, columns }: { title: string; data: T[]; valueKey: keyof T & string; valueName: string; colour: string; columns: TableColumnsType<T> }) {
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {title}
      </Typography.Title>
      <div style={{ height: 240 }} aria-hidden>
        <ResponsiveContainer>
          <BarChart data={data} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" interval={0} tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey={valueKey as string} name={valueName} fill={colour} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Table<T> size="small" pagination={false} rowKey="name" dataSource={data} columns={columns} />
    </>
  );
}
