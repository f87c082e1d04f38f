// Dialogs of a decree's page: the registered scan's reference, and a failed recipient's bank
// account corrected (asked again by the next request) or given up with a reason.
import type { DecreeView } from '@contracts';
import { App, Form, Input, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n/I18n';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { FormDialog } from '../../../shared/forms/FormDialog';
import { disbursementApi } from '../api';
import { DECREE_FIELDS, RECIPIENT_FIELDS } from '../labels';
import { formatRupiah } from '../money';

type Recipient = NonNullable<DecreeView['recipients']>[number];

export function ScanDialog({ decree, onClose, onDone }: { decree: DecreeView; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ scanRef: string }>();
  const submit = useSubmit((v: { scanRef: string }) => disbursementApi.recordScan(decree.id, v.scanRef.trim()), {
    form,
    fields: DECREE_FIELDS,
    onDone: () => {
      message.success(t('disb.scan.done'));
      onDone();
    },
  });
  return (
    <FormDialog
      title={t('disb.scan.title')}
      okText={t('action.save')}
      form={form}
      submit={submit}
      onClose={onClose}
      initialValues={{ scanRef: decree.scanRef ?? '' }}
    >
      <Form.Item
        name="scanRef"
        label={t('disb.decree.scanRef')}
        extra={t('disb.scan.help')}
        rules={[{ required: true, whitespace: true, min: 3, message: t('disb.scan.required') }]}
      >
        <Input maxLength={500} />
      </Form.Item>
    </FormDialog>
  );
}

interface CorrectValues {
  bankAccount: string;
  bankName?: string;
  reason: string;
}

export function CorrectDialog({
  decree,
  recipient,
  onClose,
  onDone,
}: {
  decree: DecreeView;
  recipient: Recipient;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CorrectValues>();
  const submit = useSubmit(
    (v: CorrectValues) =>
      disbursementApi.correct(decree.id, recipient.applicationId, {
        bankAccount: v.bankAccount.replace(/[\s.-]/g, ''),
        ...(v.bankName?.trim() ? { bankName: v.bankName.trim() } : {}),
        reason: v.reason.trim(),
      }),
    {
      form,
      fields: RECIPIENT_FIELDS,
      onDone: () => {
        message.success(t('disb.correct.done', { name: recipient.name }));
        onDone();
      },
    },
  );
  return (
    <FormDialog
      title={t('disb.correct.title', { name: recipient.name })}
      okText={t('action.save')}
      form={form}
      submit={submit}
      onClose={onClose}
    >
      {recipient.reason && (
        <Typography.Paragraph>
          {t('disb.correct.bankSaid')} <Typography.Text strong>{recipient.reason}</Typography.Text>
        </Typography.Paragraph>
      )}
      <Form.Item
        name="bankAccount"
        label={t('disb.correct.bankAccount')}
        extra={t('disb.correct.bankAccountHelp')}
        rules={[
          { required: true, message: t('disb.correct.bankAccountRequired') },
          { pattern: /^[0-9\s.-]{6,30}$/, message: t('disb.correct.bankAccountFormat') },
        ]}
      >
        <Input inputMode="numeric" maxLength={30} />
      </Form.Item>
      <Form.Item name="bankName" label={t('disb.correct.bankName')}>
        <Input maxLength={200} placeholder="Bank Jatim" />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('disb.correct.reason')}
        rules={[{ required: true, whitespace: true, min: 3, message: t('disb.correct.reasonRequired') }]}
      >
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormDialog>
  );
}

interface GiveUpValues {
  reason: string;
  publicReason: string;
}

export function GiveUpDialog({
  decree,
  recipient,
  onClose,
  onDone,
}: {
  decree: DecreeView;
  recipient: Recipient;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<GiveUpValues>();
  const submit = useSubmit(
    (v: GiveUpValues) =>
      disbursementApi.giveUp(decree.id, recipient.applicationId, { reason: v.reason.trim(), publicReason: v.publicReason.trim() }),
    {
      form,
      fields: RECIPIENT_FIELDS,
      onDone: () => {
        message.success(t('disb.giveUp.done', { name: recipient.name }));
        onDone();
      },
    },
  );
  return (
    <FormDialog
      title={t('disb.giveUp.title', { name: recipient.name })}
      okText={t('disb.giveUp.confirm')}
      okButtonProps={{ danger: true }}
      form={form}
      submit={submit}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">
        {t('disb.giveUp.note', { amount: formatRupiah(recipient.amount, locale) })}
      </Typography.Paragraph>
      <Form.Item
        name="reason"
        label={t('disb.giveUp.reason')}
        rules={[{ required: true, whitespace: true, min: 3, message: t('disb.giveUp.reasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item
        name="publicReason"
        label={t('disb.giveUp.publicReason')}
        extra={t('disb.giveUp.publicReasonHelp')}
        rules={[{ required: true, whitespace: true, min: 3, message: t('disb.giveUp.publicReasonRequired') }]}
      >
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormDialog>
  );
}
