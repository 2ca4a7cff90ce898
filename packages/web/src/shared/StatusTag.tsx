import type { ReactNode } from 'react';
import { Tag } from 'antd';

/**
 * A status label whose colours meet WCAG 4.5:1 (antd's preset tag colours do not): white text on a dark tone.
 * The words always carry the meaning; colour only supports them.
 */
const TONES = { success: '#1f6e15', warning: '#ad4e00', error: '#a8071a', info: '#0b4f9c', neutral: '#595959' } as const;
export type Tone = keyof typeof TONES;

export function StatusTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <Tag color={TONES[tone]}>{children}</Tag>;
}
