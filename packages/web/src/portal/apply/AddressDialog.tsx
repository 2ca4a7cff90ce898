import { Cascader, Form, Input, Modal } from 'antd';
import { useCascaderAreaData } from '@vant/area-data';
import { api } from '../../shared/api';
import { MOBILE_RULES } from '../../shared/AccountFields';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { useFormSubmit } from '../../shared/useFormSubmit';
import type { MailingAddress } from './types';

interface RegionOption {
  label: string;
  value: string;
  children?: RegionOption[];
}
interface VantOption {
  text: string;
  value: string;
  children?: VantOption[];
}

/** GB/T 2260 provinces, cities and districts as cascader options (useCascaderAreaData is a plain function, not a hook). */
const toOption = (o: VantOption): RegionOption => ({ label: o.text, value: o.value, ...(o.children && { children: o.children.map(toOption) }) });
const REGIONS: RegionOption[] = (useCascaderAreaData() as VantOption[]).map(toOption);

interface Values {
  recipientName: string;
  mobile: string;
  region: [string, string, string];
  detail: string;
  postcode?: string;
}

/** 添加邮寄地址: recipient, mobile, province/city/district (GB/T 2260), street, postcode. */
export function AddressDialog({ onClose, onAdded }: { onClose: () => void; onAdded: (address: MailingAddress) => void }) {
  const [form] = Form.useForm<Values>();
  const { submit, submitting, summary } = useFormSubmit(form, async (v) => {
    const [provinceCode, cityCode, districtCode] = v.region;
    onAdded(await api<MailingAddress>('/api/me/addresses', { body: { recipientName: v.recipientName, mobile: v.mobile, provinceCode, cityCode, districtCode, detail: v.detail, ...(v.postcode && { postcode: v.postcode }) } }));
  });
  return (
    <Modal open title="添加邮寄地址" onCancel={onClose} onOk={() => form.submit()} okText="保存" cancelText="取消" confirmLoading={submitting} forceRender>
      <ErrorSummary message={summary} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item label="收件人" name="recipientName" rules={[{ required: true, message: '请输入收件人姓名' }]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item label="手机号" name="mobile" rules={MOBILE_RULES}>
          <Input inputMode="numeric" maxLength={11} autoComplete="tel" />
        </Form.Item>
        <Form.Item label="所在地区" name="region" rules={[{ required: true, message: '请选择省、市、区县' }]}>
          <Cascader options={REGIONS} placeholder="请选择省 / 市 / 区县" showSearch />
        </Form.Item>
        <Form.Item label="详细地址" name="detail" rules={[{ required: true, message: '请输入街道、门牌号' }]}>
          <Input.TextArea maxLength={120} showCount autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item label="邮政编码" name="postcode" rules={[{ pattern: /^\d{6}$/, message: '邮政编码为6位数字' }]}>
          <Input inputMode="numeric" maxLength={6} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
