import { useEffect, useState } from 'react';
import type { FilingWarning, StandardView } from '@contracts';
import { Alert, Form } from 'antd';
import { useI18n } from '../../../shared/i18n/I18n';
import { loc } from '../../../shared/i18n/localized';
import { isAbort } from '../../../shared/api/client';
import { formatDateTime } from '../../../shared/format';
import { Link } from '../../../shared/router';
import { intakeApi } from '../api';

const NIK = /^\d{16}$/;

/**
 * Asks intake for the filing's warnings (issue 11) while the form is filled: once the service and a
 * 16-digit NIK are there, a moment after the last keystroke. Lives inside the filing form; tells the
 * page what it found so the outcome can show it again after the filing.
 */
export function FilingWarningsCheck({
  standard,
  onChange,
}: {
  standard: StandardView | undefined;
  onChange: (w: FilingWarning[]) => void;
}) {
  const form = Form.useFormInstance();
  const agencyCode: string | undefined = Form.useWatch('agencyCode', form);
  const applicantNik: string | undefined = Form.useWatch(['applicant', 'nik'], form);
  const beneficiaryNik: string | undefined = Form.useWatch(['beneficiary', 'nik'], form);
  const [warnings, setWarnings] = useState<FilingWarning[]>([]);
  const a = applicantNik?.trim();
  const b = beneficiaryNik?.trim();
  const serviceCode = standard?.code;

  useEffect(() => {
    const body = {
      agencyCode: agencyCode ?? '',
      serviceCode: serviceCode ?? '',
      ...(a && NIK.test(a) ? { applicantNik: a } : {}),
      ...(b && NIK.test(b) ? { beneficiaryNik: b } : {}),
    };
    if (!agencyCode || !serviceCode || (!body.applicantNik && !body.beneficiaryNik)) {
      setWarnings([]);
      onChange([]);
      return;
    }
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      intakeApi
        .filingWarnings(body, ctrl.signal)
        .then((r) => {
          setWarnings(r.warnings);
          onChange(r.warnings);
        })
        // a warning that cannot be fetched is no reason to stop the filing
        .catch((e: unknown) => void (isAbort(e) || setWarnings([])));
    }, 350);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [agencyCode, serviceCode, a, b]);

  return <FilingWarningList warnings={warnings} standard={standard} testId="filing-warnings" />;
}

/** The warnings in words, each with a link to the application it is about. */
export function FilingWarningList({
  warnings,
  standard,
  after,
  testId,
}: {
  warnings: FilingWarning[];
  standard: StandardView | undefined;
  after?: boolean;
  testId: string;
}) {
  const { t, lang, locale } = useI18n();
  if (!warnings.length) return null;
  const who = (w: FilingWarning) => (w.path === 'beneficiary.nik' ? t('paper.warningWhoBeneficiary') : t('paper.warningWhoApplicant'));
  const statusName = (code: string) => loc(standard?.lifecycle.statuses.find((s) => s.code === code)?.name, lang, code);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid={testId}
      title={after ? t('paper.warningsAfter') : t('paper.warningsTitle')}
      description={
        <>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {warnings.map((w, i) => (
              <li key={`${w.code}-${w.path}-${i}`} data-testid={`warning-${w.code}`}>
                {w.code === 'OPEN_APPLICATION_SAME_SERVICE' && w.application ? (
                  <>
                    {t('paper.warningOpen', {
                      who: who(w),
                      service: loc(standard?.name, lang, standard?.code ?? ''),
                      ticket: w.application.ticketNumber ?? t('paper.warningNoTicket'),
                      status: statusName(w.application.status),
                      date: formatDateTime(w.application.filedAt, locale),
                    })}{' '}
                    <Link to={`/intake/applications/${encodeURIComponent(w.application.applicationId)}`}>{t('paper.open')}</Link>
                  </>
                ) : (
                  t('paper.warningOutside', {
                    who: who(w).toLowerCase(),
                    district: w.district ? `${w.district.name ? `Kec. ${w.district.name}, ` : ''}${w.district.code}` : '—',
                  })
                )}
              </li>
            ))}
          </ul>
          <div style={{ marginTop: 4 }}>{t('paper.warningsNote')}</div>
        </>
      }
    />
  );
}
