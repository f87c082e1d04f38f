// The paper the front office hands the citizen (issue 11), print-friendly: for a registered
// application the receipt (tanda terima) with its ticket, service, dates, deadline and the status
// page's address; for a returned one the list of what is missing, to bring back without refilling
// anything. Only the sheet prints (the layout around it is hidden by the print rules below).
import type { AgencyContactView, ApplicationView, StandardView } from '@contracts';
import { Button, Result, Skeleton, Space } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useI18n } from '../../../shared/i18n/I18n';
import { loc } from '../../../shared/i18n/localized';
import { useLoad } from '../../../shared/useLoad';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { AGENCIES } from '../../../shared/agencies';
import { formatDateTime } from '../../../shared/format';
import { Link } from '../../../shared/router';
import { intakeApi } from '../api';
import { DOCUMENT_LABEL } from '../labels';

/** Only the sheet on paper, in black on white, whatever the dashboard's layout around it. */
const PRINT_CSS = `
@media print {
  body * { visibility: hidden !important; }
  .sigap-sheet, .sigap-sheet * { visibility: visible !important; }
  .sigap-sheet { position: absolute; inset: 0 auto auto 0; width: 100%; margin: 0; box-shadow: none !important; border: 0 !important; }
  .sigap-no-print { display: none !important; }
  @page { size: A4; margin: 16mm; }
}
.sigap-sheet { max-width: 190mm; background: #fff; color: #000; padding: 24px 28px; border: 1px solid #d9d9d9; font-size: 14px; line-height: 1.5; }
.sigap-sheet h1 { font-size: 18px; text-align: center; margin: 8px 0 16px; letter-spacing: 0.05em; }
.sigap-sheet .agency { text-align: center; font-weight: 600; border-bottom: 2px solid #000; padding-bottom: 8px; }
.sigap-sheet table { width: 100%; border-collapse: collapse; }
.sigap-sheet th { text-align: left; font-weight: normal; width: 38%; padding: 4px 8px 4px 0; vertical-align: top; }
.sigap-sheet td { padding: 4px 0; font-weight: 600; overflow-wrap: anywhere; }
.sigap-sheet .ticket { font-family: monospace; font-size: 18px; letter-spacing: 0.03em; }
.sigap-sheet .box { border: 1px dashed #000; padding: 8px 12px; margin-top: 16px; }
`;

export default function ReceiptPage({ id }: { id: string }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const app = useLoad((signal) => intakeApi.application(id, signal), [id]);
  const std = useLoad(
    (signal) =>
      app.data
        ? intakeApi
            .standards({ agencyCode: app.data.agencyCode }, signal)
            .then((items) => items.find((s) => s.code === app.data!.serviceCode) ?? null)
        : Promise.resolve(null),
    [app.data?.agencyCode, app.data?.serviceCode],
  );
  const contact = useLoad(
    (signal) => (app.data ? intakeApi.agencyContact(app.data.agencyCode, signal) : Promise.resolve(null)),
    [app.data?.agencyCode],
  );
  if (app.error && !app.data) return <Result status="error" title={errorText(app.error)} />;
  if (!app.data || std.loading || contact.loading) return <Skeleton active />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <style>{PRINT_CSS}</style>
      <Space className="sigap-no-print" wrap>
        <Link to={`/intake/applications/${encodeURIComponent(id)}`}>
          <Button icon={<ArrowLeftOutlined aria-hidden />}>{t('paper.back')}</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
          {t('paper.print')}
        </Button>
      </Space>
      <Sheet a={app.data} std={std.data ?? null} contact={contact.data ?? null} />
    </Space>
  );
}

function Sheet({ a, std, contact }: { a: ApplicationView; std: StandardView | null; contact: AgencyContactView | null }) {
  const { t, label, lang, locale } = useI18n();
  const returned = a.status === 'RETURNED';
  const agencyName = std?.agencyName ?? AGENCIES.find((x) => x.code === a.agencyCode)?.name ?? a.agencyCode;
  const service = loc(a.serviceName, lang, a.serviceCode);
  const applicant = typeof a.applicant.name === 'string' ? a.applicant.name : '—';
  // the registration this receipt is for: the latest entry into REGISTERED (a completed file's, too)
  const registered = [...a.history].reverse().find((h) => h.to === 'REGISTERED');
  const returnedAt = [...a.history].reverse().find((h) => h.to === 'RETURNED');
  const statusUrl = a.ticketNumber ? `${window.location.origin}/status/${encodeURIComponent(a.ticketNumber)}` : null;
  const requirement = (code: string) => loc(std?.requirements.find((r) => r.code === code)?.name, lang, code);
  const docsFor = (code: string) =>
    std?.requirements
      .find((r) => r.code === code)
      ?.documentTypes.map((d) => label(DOCUMENT_LABEL, d))
      .join(' / ');
  return (
    <div className="sigap-sheet" data-testid={returned ? 'missing-sheet' : 'receipt-sheet'}>
      <div className="agency">{agencyName}</div>
      <h1>{returned ? t('paper.missingTitle') : t('paper.receiptTitle')}</h1>
      <table>
        <tbody>
          {a.ticketNumber ? (
            <tr>
              <th>{t('paper.ticket')}</th>
              <td className="ticket" data-testid="sheet-ticket">
                {a.ticketNumber}
              </td>
            </tr>
          ) : (
            <tr>
              <th>{t('paper.reference')}</th>
              <td className="ticket" data-testid="sheet-reference">
                {a.applicationId.slice(0, 8).toUpperCase()}
              </td>
            </tr>
          )}
          <tr>
            <th>{t('paper.service')}</th>
            <td data-testid="sheet-service">{service}</td>
          </tr>
          <tr>
            <th>{t('paper.applicant')}</th>
            <td>{applicant}</td>
          </tr>
          {returned ? (
            <tr>
              <th>{t('paper.returnedAt')}</th>
              <td>{formatDateTime(returnedAt?.at ?? a.filedAt, locale)}</td>
            </tr>
          ) : (
            <>
              <tr>
                <th>{t('paper.registeredAt')}</th>
                <td data-testid="sheet-registered">{formatDateTime(registered?.at ?? a.filedAt, locale)}</td>
              </tr>
              <tr>
                <th>{t('paper.deadline')}</th>
                <td>{a.deadline ? loc(a.deadline.label, lang) : '—'}</td>
              </tr>
              <tr>
                <th>{t('paper.dueDate')}</th>
                <td data-testid="sheet-due">{formatDateTime(a.dueAt, locale)}</td>
              </tr>
            </>
          )}
          <tr>
            <th>{t('paper.officer')}</th>
            <td>{registered?.actor ?? a.createdBy ?? '—'}</td>
          </tr>
        </tbody>
      </table>
      {returned ? (
        <div className="box" data-testid="sheet-missing">
          <strong>{t('paper.missing')}</strong>
          <ol style={{ margin: '4px 0 8px', paddingInlineStart: 20 }}>
            {a.missingRequirements.map((c) => (
              <li key={c}>
                {requirement(c)}
                {docsFor(c) ? ` (${docsFor(c)})` : ''}
              </li>
            ))}
          </ol>
          {a.documents.length > 0 && (
            <div>
              {t('paper.received')}: {a.documents.map((d) => label(DOCUMENT_LABEL, d.type)).join(', ')}
            </div>
          )}
          <div style={{ marginTop: 8 }}>{t('paper.missingHelp')}</div>
        </div>
      ) : (
        statusUrl && (
          <div className="box">
            <div>{t('paper.statusAddress')}</div>
            <div className="ticket" data-testid="sheet-status-url">
              {statusUrl}
            </div>
            <div>{t('paper.statusHelp')}</div>
          </div>
        )
      )}
      <div style={{ marginTop: 16 }} data-testid="sheet-contact">
        <strong>{t('paper.contact')}: </strong>
        {contact
          ? `${contact.address} · ${contact.phone}${contact.email ? ` · ${contact.email}` : ''} · ${contact.officeHours}`
          : t('paper.noContact')}
      </div>
      <div style={{ marginTop: 8 }}>{t('paper.free')}</div>
    </div>
  );
}
