import { Card, Col, Row, Space, Typography } from 'antd';
import { LinkButton } from '../../shared/LinkButton';
import { LoadError, Loading } from '../../shared/page-state';
import { useCatalogue } from '../catalogue';

/** 个人办事: the five services, each with 在线办理 (变更 with its two kinds). */
export function ServicesPage() {
  const catalogue = useCatalogue();
  if (catalogue.isPending) return <Loading />;
  if (catalogue.isError) return <LoadError error={catalogue.error} onRetry={() => void catalogue.refetch()} />;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        个人办事
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {catalogue.data.services.map((service) => (
          <Col key={service.code} xs={24} md={12}>
            <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{service.name}</Typography.Title>}>
              <Typography.Paragraph>{service.summary}</Typography.Paragraph>
              <Space wrap>
                {service.variants ? (
                  service.variants.map((v) => (
                    <LinkButton key={v.code} type="primary" to={`/apply/${service.code}?variant=${v.code}`} aria-label={`在线办理：${v.name}`}>
                      在线办理：{v.name}
                    </LinkButton>
                  ))
                ) : (
                  <LinkButton type="primary" to={`/apply/${service.code}`} aria-label={`在线办理：${service.name}`}>
                    在线办理
                  </LinkButton>
                )}
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
