import { Checkbox, InputNumber, Space } from 'antd';

/** A whole number, or null for "any" (a checkbox beside it): the decile, the age limit. */
export function NullableNumber({
  id,
  value,
  onChange,
  min,
  max,
  fallback,
  anyLabel,
  suffix,
}: {
  id?: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
  min: number;
  max: number;
  fallback: number;
  anyLabel: string;
  suffix?: string;
}) {
  const any = value === null || value === undefined;
  return (
    <Space wrap>
      <InputNumber
        id={id}
        min={min}
        max={max}
        precision={0}
        disabled={any}
        value={any ? null : value}
        suffix={suffix}
        onChange={(v) => onChange?.(typeof v === 'number' ? v : null)}
        style={{ width: 140 }}
      />
      <Checkbox checked={any} onChange={(e) => onChange?.(e.target.checked ? null : fallback)}>
        {anyLabel}
      </Checkbox>
    </Space>
  );
}
