import { App, Button, Card, Descriptions, Empty, List, Popconfirm, Table, Timeline, Typography } from 'antd';
import { gradeNames, type Grade } from '@yunzheng/domain';
import { DocumentLinks } from './DocumentLinks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api } from '../../shared/api';
import { LinkButton } from '../../shared/LinkButton';
import { LoadError, Loading } from '../../shared/page-state';
import { StatusTag, type Tone } from '../../shared/StatusTag';
import { CorrectionPanel, EvaluationPanel } from './AfterSubmissionPanels';
import { regionText, REISSUE_REASONS, serviceTitle, type ApplicationView } from './types';

interface ListRow {
  id: string;
  applyNo: string | null;
  serviceName: string;
  certNo: string | null;
  status: string;
  statusName: string;
  submittedAt: string | null;
  promisedDeadline: string | null;
  updatedAt: string;
}

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');
const tone = (status: string): Tone =>
  ['COMPLETED', 'RATED'].includes(status) ? 'success' : ['NOT_ACCEPTED', 'DENIED', 'CLOSED'].includes(status) ? 'error' : status === 'CORRECTION_REQUIRED' ? 'warning' : ['DRAFT', 'WITHDRAWN'].includes(status) ? 'neutral' : 'info';

/** 我的办件: every application with its status; drafts can be continued. */
export function MyApplicationsPage() {
  const list = useQuery({ queryKey: ['applications'], queryFn: () => api<ListRow[]>('/api/applications') });
  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        我的办件
      </Typography.Title>
      {list.data.length === 0 ? (
        <Empty description={<>还没有办件。<LinkButton type="link" to="/services">去个人办事</LinkButton></>} />
      ) : (
        <Table
          rowKey="id"
          dataSource={list.data}
          scroll={{ x: true }}
          columns={[
            { title: '办件编号', dataIndex: 'applyNo', render: (no: string | null) => no ?? '（暂存，未提交）' },
            { title: '办理事项', dataIndex: 'serviceName' },
            { title: '证号', dataIndex: 'certNo', render: (v: string | null) => v ?? '—' },
            { title: '办理进度', render: (_, r) => <StatusTag tone={tone(r.status)}>{r.statusName}</StatusTag> },
            { title: '提交时间', dataIndex: 'submittedAt', render: when },
            { title: '最近更新', dataIndex: 'updatedAt', render: when },
            { title: '承诺办结', dataIndex: 'promisedDeadline', render: (d: string | null) => d ?? '受理后计算' },
            {
              title: '操作',
              render: (_, r) =>
                r.status === 'DRAFT' ? (
                  <LinkButton to={`/applications/${r.id}/edit`}>继续填写</LinkButton>
                ) : (
                  <LinkButton to={`/applications/${r.id}`} aria-label={`查看办件 ${r.applyNo ?? ''}`}>
                    查看
                  </LinkButton>
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}

/** One application: what was applied for, by whom it is handled, the timeline, and 撤回 while allowed. */
export function ApplicationDetailPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const application = useQuery({ queryKey: ['application', id], queryFn: () => api<ApplicationView>(`/api/applications/${id}`) });
  if (application.isPending) return <Loading />;
  if (application.isError) return <LoadError error={application.error} />;
  const a = application.data;
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {serviceTitle(a)}
      </Typography.Title>
      <Descriptions column={1} bordered>
        <Descriptions.Item label="办件编号">{a.applyNo ?? '（暂存，未提交）'}</Descriptions.Item>
        <Descriptions.Item label="办理进度">
          <StatusTag tone={tone(a.status)}>{a.statusName}</StatusTag>
        </Descriptions.Item>
        <Descriptions.Item label="证照信息">
          {a.certificate?.certNo}：{a.categories.map((c) => c.name).join('、')}
        </Descriptions.Item>
        {a.serviceFields.reason && a.service === 'REISSUE' && <Descriptions.Item label="补发原因">{REISSUE_REASONS[a.serviceFields.reason]}</Descriptions.Item>}
        {a.collectionMethod && <Descriptions.Item label="证件领取方式">{a.collectionMethod === 'PICKUP' ? '自取' : '邮寄'}</Descriptions.Item>}
        {a.mailingAddress && (
          <Descriptions.Item label="邮寄地址">
            {a.mailingAddress.recipientName} {a.mailingAddress.mobileMasked} {regionText(a.mailingAddress.regionNames)} {a.mailingAddress.detail}
          </Descriptions.Item>
        )}
        <Descriptions.Item label="办理部门">
          {a.handlingAuthority?.name}（{a.handlingAuthority?.phone}）
        </Descriptions.Item>
        {a.legalDeadline ? (
          <Descriptions.Item label="办结期限">
            承诺 {a.promisedDeadline} 前办结（法定期限 {a.legalDeadline}）
          </Descriptions.Item>
        ) : (
          a.promisedDays && <Descriptions.Item label="承诺时限">受理后{a.promisedDays}个工作日（法定20个工作日）</Descriptions.Item>
        )}
        {a.result.grade && (
          <Descriptions.Item label="考核结果">
            {`${gradeNames[a.result.grade as Grade]}，考核周期 ${a.result.cycleStart} 至 ${a.result.cycleEnd}，累计计分 ${a.result.totalPoints} 分`}
            {a.result.continuingEducationRequired && <div>考核等级为B级，请按规定参加继续教育。</div>}
          </Descriptions.Item>
        )}
        {a.result.trackingNo && <Descriptions.Item label="邮寄单号">{`${a.result.courier ?? ''} ${a.result.trackingNo}`}</Descriptions.Item>}
        {a.result.cardSerialNo && <Descriptions.Item label="新证件印刷编号">{a.result.cardSerialNo}</Descriptions.Item>}
        {a.completedAt && <Descriptions.Item label="办结时间">{when(a.completedAt)}</Descriptions.Item>}
      </Descriptions>
      {a.documents.length > 0 && (
        <>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
            办理结果文书
          </Typography.Title>
          <DocumentLinks application={a} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            文书上的二维码和核验码可供他人在“文书核验”页面核验真伪。
          </Typography.Paragraph>
        </>
      )}
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        申请材料
      </Typography.Title>
      <List
        size="small"
        dataSource={a.materials}
        renderItem={(f) => (
          <List.Item>
            {a.requiredMaterials.find((m) => m.code === f.materialCode)?.name}：
            <a href={`/api/applications/${a.id}/materials/${f.id}/file`} target="_blank" rel="noreferrer">
              {f.originalName}
            </a>
          </List.Item>
        )}
      />
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        办理过程
      </Typography.Title>
      <Timeline items={a.timeline.map((s) => ({ children: `${when(s.at)} ${s.by} ${s.actionName}（${s.statusName}）${s.opinion ? `：${s.opinion}` : ''}` }))} />
      {a.correction && <CorrectionPanel application={a} onChanged={(view) => queryClient.setQueryData(['application', id], view)} />}
      {(a.allowedActions.includes('EVALUATE') || a.evaluation) && <EvaluationPanel application={a} onChanged={(view) => queryClient.setQueryData(['application', id], view)} />}
      {a.allowedActions.includes('WITHDRAW') && (
        <Popconfirm
          title="撤回这份申请？"
          description="撤回后如需办理，请重新申请。"
          okText="撤回"
          cancelText="取消"
          onConfirm={async () => {
            await api(`/api/applications/${a.id}/withdraw`, { method: 'POST' });
            void message.success('申请已撤回');
            await application.refetch();
          }}
        >
            <Button danger style={{ marginTop: 16 }}>
            撤回申请
          </Button>
        </Popconfirm>
      )}
    </Card>
  );
}
