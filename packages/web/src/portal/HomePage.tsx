import { Card, Col, Descriptions, Row, Steps, Table, Typography } from 'antd';
import { LoadError, Loading } from '../shared/page-state';
import { useCatalogue, type CatalogueMaterial, type CatalogueService } from './catalogue';
import { StatusTag } from '../shared/StatusTag';

const { Title, Paragraph, Text } = Typography;

function materialNote(service: CatalogueService, material: CatalogueMaterial): string | undefined {
  if (!material.variants || !service.variants) return undefined;
  const names = service.variants.filter((v) => material.variants!.includes(v.code)).map((v) => v.name);
  return `仅${names.join('、')}需要`;
}

function ServiceCard({ service }: { service: CatalogueService }) {
  return (
    <Card title={<Title level={3} style={{ margin: 0, fontSize: 19 }}>{service.name}</Title>} data-testid={`service-${service.code}`}>
      <Paragraph>{service.summary}</Paragraph>
      {service.variants && (
        <Paragraph>
          办理类型：
          {service.variants.map((v) => (
            <StatusTag key={v.code} tone="info">
              {v.name}
            </StatusTag>
          ))}
        </Paragraph>
      )}
      <Table
        size="small"
        pagination={false}
        rowKey="code"
        caption={<Text strong>所需材料清单</Text>}
        dataSource={service.materials}
        columns={[
          {
            title: '材料名称',
            dataIndex: 'name',
            render: (name: string, m) => {
              const note = materialNote(service, m);
              return note ? (
                <>
                  {name}
                  <br />
                  <Text type="secondary">（{note}）</Text>
                </>
              ) : (
                name
              );
            },
          },
          { title: '材料形式', dataIndex: 'formLabel' },
          { title: '必要性', dataIndex: 'required', render: (required: boolean) => (required ? '必要' : '非必要'), width: 80 },
        ]}
      />
      <Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
        <Text type="secondary">收费标准：{service.fee === 0 ? '不收费' : `${service.fee} 元`}</Text>
      </Paragraph>
    </Card>
  );
}

export function HomePage() {
  const catalogue = useCatalogue();
  return (
    <>
      <section aria-labelledby="intro" style={{ marginBottom: 24 }}>
        <Title id="intro" level={1} style={{ fontSize: 28 }}>
          道路运输从业人员高频服务事项网上办理
        </Title>
        <Paragraph style={{ fontSize: 17 }}>
          道路旅客运输驾驶员、道路货物运输驾驶员、危险货物道路运输驾驶员、押运人员和装卸管理人员，可在网上办理从业资格证补发、换发、变更、注销和驾驶员诚信考核，足不出户，全程不收费。
        </Paragraph>
        <Steps
          responsive
          items={[
            { title: '注册', content: '自然人注册，验证手机号' },
            { title: '实名认证', content: '核验姓名、身份证号和有效期' },
            { title: '绑定证件', content: '个人空间 — 我的证件' },
            { title: '在线办理', content: '阅读须知、填写信息、上传材料' },
            { title: '我的办件', content: '查看办理进度，下载凭证' },
          ]}
        />
      </section>

      <section aria-labelledby="services">
        <Title id="services" level={2} style={{ fontSize: 22 }}>
          高频服务事项
        </Title>
        {catalogue.isPending && <Loading tip="正在加载服务事项…" />}
        {catalogue.isError && <LoadError error={catalogue.error} onRetry={() => void catalogue.refetch()} />}
        {catalogue.data && (
          <Row gutter={[16, 16]}>
            {catalogue.data.services.map((service) => (
              <Col key={service.code} xs={24} lg={12}>
                <ServiceCard service={service} />
              </Col>
            ))}
          </Row>
        )}
      </section>

      <section aria-labelledby="channels" style={{ marginTop: 32 }}>
        <Title id="channels" level={2} style={{ fontSize: 22 }}>
          办理渠道
        </Title>
        <Card>
          <Descriptions column={1} bordered size="middle">
            <Descriptions.Item label="网页端">本网站，使用电脑或手机浏览器均可办理</Descriptions.Item>
            <Descriptions.Item label="手机端（H5）">后续开通，开通后与网页端使用同一账号</Descriptions.Item>
          </Descriptions>
        </Card>
      </section>
    </>
  );
}
