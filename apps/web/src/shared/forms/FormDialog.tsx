import type { ReactNode } from 'react';
import { Form, Modal, type FormInstance, type ModalProps } from 'antd';
import { useI18n } from '../i18n/I18n';
import { ErrorAlert } from '../errors/ErrorAlert';
import type { Submit } from './useSubmit';

interface Props<V> {
  title: ReactNode;
  okText: ReactNode;
  submit: Submit<V>;
  onClose: () => void;
  children: ReactNode;
  /** the form of the dialog; without one, OK runs `submit` with no values (a dialog of plain controls) */
  form?: FormInstance<V>;
  initialValues?: Partial<V>;
  width?: number;
  okButtonProps?: ModalProps['okButtonProps'];
  /** each change of a field (a draft keeps the values: shared/forms/useDraft) */
  onValuesChange?: () => void;
  /** shown above the form (a restored draft's notice) */
  notice?: ReactNode;
}

/**
 * A dialog holding one form: OK submits it (busy while the call runs), Cancel closes it, and a
 * failure is shown under the form in the user's language, each field error under its field.
 */
export function FormDialog<V>({
  title,
  okText,
  submit,
  onClose,
  children,
  form,
  initialValues,
  width,
  okButtonProps,
  onValuesChange,
  notice,
}: Props<V>) {
  const { t } = useI18n();
  return (
    <Modal
      open
      width={width}
      title={title}
      okText={okText}
      cancelText={t('action.cancel')}
      onCancel={onClose}
      onOk={() => (form ? form.submit() : void submit.run(undefined as V))}
      okButtonProps={okButtonProps}
      confirmLoading={submit.busy}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {notice}
      {form ? (
        <Form<V> form={form} layout="vertical" onFinish={submit.run} initialValues={initialValues} onValuesChange={onValuesChange}>
          {children}
        </Form>
      ) : (
        children
      )}
      <ErrorAlert error={submit.error} fields={submit.fields} style={{ marginTop: 8 }} testId="dialog-error" />
    </Modal>
  );
}
