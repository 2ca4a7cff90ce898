import type { ThemeConfig } from 'antd';

/**
 * Government-service look: a calm blue, and larger type and targets than antd's defaults so that a driver of
 * 55 reads it on a phone without zooming (standards A2: body ≥ 16 px here, controls ≥ 44 px high).
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1557a8',
    colorLink: '#1557a8',
    fontSize: 16,
    controlHeight: 44,
    borderRadius: 6,
    // antd's grey secondary texts fall below 4.5:1; darkened for WCAG 1.4.3 (standards A1).
    colorTextSecondary: 'rgba(0, 0, 0, 0.72)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.62)',
    // antd's error red (#ff4d4f) is 3.3:1 on white: refusal buttons and error texts need a darker red.
    colorError: '#c0141f',
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
  },
};
