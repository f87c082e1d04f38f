// Opening a budget line (pagu) and revising one (ADMIN of the agency): whole Rupiah typed as
// digits (dots allowed, as officers write them) and sent as a string, never a number.
import type { BudgetLineView } from '@contracts';
import { App, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useI18n, valuesOf } from '../../../shared/i18n/I18n';
import { loc } from '../../../shared/i18n/localized';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { FormDialog } from '../../../shared/forms/FormDialog';
import { useLoad } from '../../../shared/useLoad';
import { agencyOption, type Agency } from '../../../shared/agencies';
import { intakeApi } from '../../intake/api';
import { disbursementApi } from '../api';
import { BUDGET_SOURCE_LABEL, LINE_FIELDS } from '../labels';
import { formatRupiah, RUPIAH_INPUT, rupiahDigits } from '../money';

interface OpenValues {
  agencyCode: string;
  fiscalYear: number;
  source: string;
  serviceCode: string;
  name: string;
  ceiling: string;
  note?: string;
}

/** the ceiling field: digits (dots and spaces allowed), whole Rupiah */
function useCeilingRule() {
  const { t } = useI18n();
  return {
    validator: (_: unknown, v: string | undefined) =>
      !v || RUPIAH_INPUT.test(rupiahDigits(v)) ? Promise.resolve() : Promise.reject(new Error(t('disb.line.ceilingFormat'))),
  };
}

export function OpenLineDialog({
  agencies,
  fiscalYear,
  onClose,
  onDone,
}: {
  agencies: Agency[];
  fiscalYear: number;
  onClose: () => void;
  onDone: (line: BudgetLineView) => void;
}) {
  const { t, label, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<OpenValues>();
  const agencyCode = Form.useWatch('agencyCode', form) ?? agencies[0]?.code;
  const ceilingRule = useCeilingRule();
  // the agency's programmes that are paid out (their lifecycle has disbursement's steps)
  const standards = useLoad((signal) => (agencyCode ? intakeApi.standards({ agencyCode }, signal) : Promise.resolve([])), [agencyCode]);
  const programmes = (standards.data ?? []).filter((s) => s.agencyCode === agencyCode && s.benefitAmount?.required);
  const submit = useSubmit(
    (v: OpenValues) =>
      disbursementApi.openLine({
        agencyCode: v.agencyCode,
        fiscalYear: Number(v.fiscalYear),
        source: v.source,
        serviceCode: v.serviceCode,
        name: v.name.trim(),
        ceiling: rupiahDigits(v.ceiling),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      }),
    {
      form,
      fields: LINE_FIELDS,
      onDone: (line) => {
        message.success(t('disb.line.opened', { name: line.name }));
        onDone(line);
      },
    },
  );
  return (
    <FormDialog
      title={t('disb.line.openTitle')}
      okText={t('disb.line.open')}
      form={form}
      submit={submit}
      onClose={onClose}
      initialValues={{ agencyCode: agencies[0]?.code, fiscalYear, source: 'APBD_BTT' }}
    >
      {agencies.length > 1 && (
        <Form.Item name="agencyCode" label={t('field.agency')} rules={[{ required: true }]}>
          <Select options={agencies.map(agencyOption)} />
        </Form.Item>
      )}
      {agencies.length <= 1 && (
        <Form.Item name="agencyCode" hidden>
          <Input />
        </Form.Item>
      )}
      <Form.Item
        name="fiscalYear"
        label={t('disb.line.fiscalYear')}
        rules={[{ required: true, message: t('disb.line.fiscalYearRequired') }]}
      >
        <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="source" label={t('disb.line.source')} rules={[{ required: true, message: t('disb.line.sourceRequired') }]}>
        <Select options={valuesOf(BUDGET_SOURCE_LABEL).map((s) => ({ value: s, label: label(BUDGET_SOURCE_LABEL, s) }))} />
      </Form.Item>
      <Form.Item
        name="serviceCode"
        label={t('disb.line.programme')}
        extra={t('disb.line.programmeHelp')}
        rules={[{ required: true, message: t('disb.line.programmeRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={standards.loading}
          notFoundContent={t('disb.line.noProgramme')}
          options={programmes.map((s) => ({ value: s.code, label: loc(s.name, lang, s.code) }))}
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('disb.line.name')}
        rules={[{ required: true, whitespace: true, message: t('disb.line.nameRequired') }]}
      >
        <Input maxLength={200} placeholder={t('disb.line.namePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="ceiling"
        label={t('disb.line.ceiling')}
        extra={t('disb.line.ceilingHelp')}
        rules={[{ required: true, message: t('disb.line.ceilingRequired') }, ceilingRule]}
      >
        <Input inputMode="numeric" prefix="Rp" maxLength={26} />
      </Form.Item>
      <Form.Item name="note" label={t('disb.line.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormDialog>
  );
}

interface ReviseValues {
  ceiling: string;
  name?: string;
  reason: string;
}

export function ReviseLineDialog({ line, onClose, onDone }: { line: BudgetLineView; onClose: () => void; onDone: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviseValues>();
  const ceilingRule = useCeilingRule();
  const submit = useSubmit(
    (v: ReviseValues) =>
      disbursementApi.reviseLine(line.id, {
        ceiling: rupiahDigits(v.ceiling),
        ...(v.name?.trim() && v.name.trim() !== line.name ? { name: v.name.trim() } : {}),
        reason: v.reason.trim(),
        version: line.version,
      }),
    {
      form,
      fields: LINE_FIELDS,
      onDone: () => {
        message.success(t('disb.revise.done', { name: line.name }));
        onDone();
      },
    },
  );
  return (
    <FormDialog
      title={t('disb.revise.title', { name: line.name })}
      okText={t('disb.revise.save')}
      form={form}
      submit={submit}
      onClose={onClose}
      initialValues={{ ceiling: line.ceiling, name: line.name }}
    >
      <Typography.Paragraph type="secondary">
        {t('disb.revise.committedNote', { committed: formatRupiah(line.committed, locale) })}
      </Typography.Paragraph>
      <Form.Item name="name" label={t('disb.line.name')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="ceiling"
        label={t('disb.revise.ceiling')}
        rules={[{ required: true, message: t('disb.line.ceilingRequired') }, ceilingRule]}
      >
        <Input inputMode="numeric" prefix="Rp" maxLength={26} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('disb.revise.reason')}
        extra={t('disb.revise.reasonHelp')}
        rules={[{ required: true, whitespace: true, min: 3, message: t('disb.revise.reasonRequired') }]}
      >
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormDialog>
  );
}
