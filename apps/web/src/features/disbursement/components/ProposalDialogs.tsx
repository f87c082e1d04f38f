// The head's dialogs on a proposal: returning it with a reason, and recording the signed
// decree (SK Bupati / SK Walikota) of an approved one.
import type { DecreeView, ProposalView } from '@contracts';
import { App, DatePicker, Form, Input, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n/I18n';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { FormDialog } from '../../../shared/forms/FormDialog';
import { DATE_FORMATS, isoDateProps } from '../../../shared/forms/dates';
import { disbursementApi } from '../api';
import { DECREE_FIELDS, PROPOSAL_FIELDS } from '../labels';
import { formatRupiah } from '../money';

export function ReturnProposalDialog({ proposal, onClose, onDone }: { proposal: ProposalView; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const submit = useSubmit((v: { reason: string }) => disbursementApi.returnProposal(proposal.id, v.reason.trim()), {
    form,
    fields: PROPOSAL_FIELDS,
    onDone: () => {
      message.success(t('disb.return.done'));
      onDone();
    },
  });
  return (
    <FormDialog title={t('disb.return.title')} okText={t('disb.return.confirm')} form={form} submit={submit} onClose={onClose}>
      <Typography.Paragraph type="secondary">{t('disb.return.note')}</Typography.Paragraph>
      <Form.Item
        name="reason"
        label={t('disb.return.reason')}
        rules={[{ required: true, whitespace: true, min: 3, message: t('disb.return.reasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormDialog>
  );
}

interface DecreeValues {
  decreeNumber: string;
  decreeDate: string;
  signatory: string;
}

export function IssueDecreeDialog({
  proposal,
  onClose,
  onDone,
}: {
  proposal: ProposalView;
  onClose: () => void;
  onDone: (decree: DecreeView) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecreeValues>();
  const submit = useSubmit(
    (v: DecreeValues) =>
      disbursementApi.issueDecree(proposal.id, {
        decreeNumber: v.decreeNumber.trim(),
        decreeDate: v.decreeDate,
        signatory: v.signatory.trim(),
      }),
    {
      form,
      fields: DECREE_FIELDS,
      onDone: (d) => {
        message.success(t('disb.decree.issued', { number: d.decreeNumber }));
        onDone(d);
      },
    },
  );
  return (
    <FormDialog title={t('disb.decree.issueTitle')} okText={t('disb.decree.issue')} form={form} submit={submit} onClose={onClose}>
      <Typography.Paragraph type="secondary">
        {t('disb.decree.issueNote', { count: proposal.count, total: formatRupiah(proposal.total, locale) })}
      </Typography.Paragraph>
      <Form.Item
        name="decreeNumber"
        label={t('disb.decree.number')}
        rules={[{ required: true, whitespace: true, min: 3, message: t('disb.decree.numberRequired') }]}
      >
        <Input maxLength={200} placeholder="188.45/123/KEP/423.012/2026" />
      </Form.Item>
      <Form.Item
        name="decreeDate"
        label={t('disb.decree.date')}
        rules={[{ required: true, message: t('disb.decree.dateRequired') }]}
        {...isoDateProps}
      >
        <DatePicker format={DATE_FORMATS} placeholder="HH-BB-TTTT" style={{ width: 170 }} />
      </Form.Item>
      <Form.Item
        name="signatory"
        label={t('disb.decree.signatory')}
        extra={t('disb.decree.signatoryHelp')}
        rules={[{ required: true, whitespace: true, min: 3, message: t('disb.decree.signatoryRequired') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
    </FormDialog>
  );
}
