import { Card, Descriptions, Typography } from 'antd';
import { authorityLevelNames, staffRoleNames } from '@yunzheng/domain';
import type { StaffSummary } from '../shared/session';
import { useAuthorities } from './useAuthorities';

/** 工作台: who is signed in, for which authority, with which duties. */
export function HomePage({ staff }: { staff: StaffSummary }) {
  const authorities = useAuthorities();
  const authority = authorities.data?.find((a) => a.code === staff.authorityCode);
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        工作台
      </Typography.Title>
      <Descriptions column={1} bordered>
        <Descriptions.Item label="姓名">{staff.name}</Descriptions.Item>
        <Descriptions.Item label="用户名">{staff.username}</Descriptions.Item>
        <Descriptions.Item label="角色">{staff.roles.map((r) => staffRoleNames[r]).join('、')}</Descriptions.Item>
        <Descriptions.Item label="所属管理部门">{authority ? `${authority.name}（${authorityLevelNames[authority.level]}）` : staff.authorityCode}</Descriptions.Item>
        {authority && <Descriptions.Item label="办公地址">{authority.address}</Descriptions.Item>}
        {authority && <Descriptions.Item label="办公时间">{authority.serviceHours}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}
