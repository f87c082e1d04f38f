import { useEffect, type ReactNode } from 'react';
import { Col, DatePicker, Form, Input, Radio, Row } from 'antd';
import dayjs from 'dayjs';
import { DATE_FORMATS, isoDateProps } from './dates';
import { parseNik } from '@domain/nik';
import { useI18n, valuesOf, type LabelMap, type MessageKey } from '../i18n/I18n';

/** A person as every form of the contract names them: NIK, name, birth date and sex. */
export interface PersonValues {
  nik?: string;
  name?: string;
  birthDate?: string;
  sex?: 'M' | 'F';
}

/** The labels of a person's fields, for a form that names several people ("NIK penerima"). */
export interface PersonLabels {
  nik: MessageKey;
  name: MessageKey;
  birthDate: MessageKey;
  sex: MessageKey;
}

const DEFAULT_LABELS: PersonLabels = { nik: 'person.nik', name: 'person.name', birthDate: 'person.birthDate', sex: 'person.sex' };

const NIK = /^\d{16}$/;

/**
 * The person under `name` in the form (`applicant`, `beneficiary`): the NIK (16 digits; the
 * server checks its area and birth date), name, birth date and sex, then `children` (the
 * fields a role adds, in the same row).
 */
export function PersonFields({
  name,
  labels = DEFAULT_LABELS,
  nikHelp,
  children,
}: {
  name: string;
  labels?: PersonLabels;
  nikHelp?: boolean;
  children?: ReactNode;
}) {
  const { t, label } = useI18n();
  const form = Form.useFormInstance();
  const nik = Form.useWatch([name, 'nik'], form) as string | undefined;
  // the NIK carries the birth date (digits 7–12) and the sex (a woman's day + 40): they fill the
  // fields still empty; what the officer typed stays, and intake names a NIK that disagrees with it
  useEffect(() => {
    if (!nik || !NIK.test(nik)) return;
    const parsed = parseNik(nik);
    if (!parsed.ok) return;
    if (!form.getFieldValue([name, 'birthDate'])) form.setFieldValue([name, 'birthDate'], parsed.parts.birthDateIso);
    if (!form.getFieldValue([name, 'sex'])) form.setFieldValue([name, 'sex'], parsed.parts.sex);
  }, [nik, name, form]);
  return (
    <Row gutter={16}>
      <Col xs={24} md={6}>
        <Form.Item
          name={[name, 'nik']}
          label={t(labels.nik)}
          extra={nikHelp ? t('person.nikHelp') : undefined}
          rules={[
            { required: true, message: t('person.nikRequired') },
            { pattern: NIK, message: t('person.nikFormat') },
          ]}
        >
          <Input inputMode="numeric" maxLength={16} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name={[name, 'name']}
          label={t(labels.name)}
          rules={[{ required: true, whitespace: true, message: t('person.nameRequired') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={5}>
        <Form.Item
          name={[name, 'birthDate']}
          label={t(labels.birthDate)}
          rules={[{ required: true, message: t('person.birthDateRequired') }]}
          {...isoDateProps}
        >
          <DatePicker format={DATE_FORMATS} placeholder="HH-BB-TTTT" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
      </Col>
      <Col xs={24} md={5}>
        <Form.Item name={[name, 'sex']} label={t(labels.sex)} rules={[{ required: true, message: t('person.sexRequired') }]}>
          <Radio.Group options={valuesOf(SEX_LABEL).map((s) => ({ value: s, label: label(SEX_LABEL, s) }))} />
        </Form.Item>
      </Col>
      {children}
    </Row>
  );
}

/** A person's values as the API takes them: trimmed. */
export function personBody(p: PersonValues | undefined) {
  const trim = (s?: string) => (s ?? '').trim();
  return { nik: trim(p?.nik), name: trim(p?.name), birthDate: p?.birthDate, sex: p?.sex };
}

/** A person's sex as the contract codes it. */
export const SEX_LABEL: LabelMap<'M' | 'F'> = { M: 'sex.M', F: 'sex.F' };
