// Look a person (NIK) or a household (KK) up in the current registry snapshot of the
// officer's area: name, birth date, village, welfare decile, national programmes, and which
// snapshot and row say so.
import { useState } from 'react';
import type { RegistryHouseholdView, RegistryPersonView } from '@contracts';
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { ApiError } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n/I18n';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { formatDateTime } from '../../../shared/format';
import { PageHeader } from '../../../shared/components/PageHeader';
import { verificationApi } from '../api';
import { LOOKUP_FIELDS } from '../labels';
import { SEX_LABEL } from '../../../shared/forms/PersonFields';

type Found = { kind: 'person'; person: RegistryPersonView } | { kind: 'household'; household: RegistryHouseholdView };

export default function LookupPage() {
  const { t, label, locale } = useI18n();
  const errorText = useErrorText();
  const [kind, setKind] = useState<'nik' | 'kk'>('nik');
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<Found | null>(null);
  const [error, setError] = useState<string | null>(null);

  const search = async ({ number }: { number: string }) => {
    setBusy(true);
    setError(null);
    setFound(null);
    try {
      if (kind === 'nik') setFound({ kind: 'person', person: await verificationApi.person(number.trim()) });
      else setFound({ kind: 'household', household: await verificationApi.household(number.trim()) });
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 404
          ? t(kind === 'nik' ? 'lookup.personNotFound' : 'lookup.householdNotFound')
          : errorText(e, LOOKUP_FIELDS),
      );
    } finally {
      setBusy(false);
    }
  };

  const sex = (s: string) => label(SEX_LABEL, s);
  const programs = (p: string[]) =>
    p.length ? (
      <Space size={[4, 4]} wrap>
        {p.map((x) => (
          <Tag key={x} color="blue">
            {x}
          </Tag>
        ))}
      </Space>
    ) : (
      <Typography.Text type="secondary">{t('lookup.noPrograms')}</Typography.Text>
    );

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('lookup.title')} subtitle={t('lookup.subtitle')} />
      <Card>
        <Form layout="inline" onFinish={search} style={{ rowGap: 8 }}>
          <Form.Item>
            <Radio.Group
              value={kind}
              onChange={(e) => setKind(e.target.value)}
              optionType="button"
              options={[
                { value: 'nik', label: 'NIK' },
                { value: 'kk', label: t('person.kk') },
              ]}
            />
          </Form.Item>
          <Form.Item name="number" rules={[{ required: true, pattern: /^\d{16}$/, message: t('lookup.sixteenDigits') }]}>
            <Input
              aria-label={t('lookup.number')}
              placeholder={t('lookup.number')}
              inputMode="numeric"
              maxLength={16}
              style={{ width: 240 }}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />} loading={busy}>
            {t('lookup.search')}
          </Button>
        </Form>
      </Card>
      {error && <Alert type="warning" showIcon title={error} role="alert" />}
      {found?.kind === 'person' && (
        <Card title={found.person.name} data-testid="registry-person">
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
            <Descriptions.Item label="NIK">{found.person.nik}</Descriptions.Item>
            <Descriptions.Item label={t('person.kk')}>{found.person.kkNumber}</Descriptions.Item>
            <Descriptions.Item label={t('person.birthDate')}>{found.person.birthDate}</Descriptions.Item>
            <Descriptions.Item label={t('person.sex')}>{sex(found.person.sex)}</Descriptions.Item>
            <Descriptions.Item label={t('person.address')}>{found.person.address}</Descriptions.Item>
            <Descriptions.Item label={t('person.villageCode')}>{found.person.villageCode}</Descriptions.Item>
            <Descriptions.Item label={t('lookup.decile')}>{found.person.decile ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('lookup.programs')}>{programs(found.person.programs)}</Descriptions.Item>
            <Descriptions.Item label={t('lookup.source')} span={2}>
              {t('lookup.sourceText', {
                snapshot: found.person.snapshot.snapshotId.slice(0, 8),
                at: formatDateTime(found.person.snapshot.createdAt, locale),
                row: found.person.snapshot.row,
              })}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {found?.kind === 'household' && (
        <Card
          title={t('lookup.household', { kk: found.household.kkNumber })}
          styles={{ body: { padding: 0 } }}
          data-testid="registry-household"
        >
          <Table<RegistryPersonView>
            rowKey="nik"
            size="small"
            pagination={false}
            dataSource={found.household.members}
            columns={[
              { title: 'NIK', dataIndex: 'nik' },
              { title: t('person.name'), dataIndex: 'name' },
              { title: t('person.birthDate'), dataIndex: 'birthDate' },
              { title: t('person.sex'), dataIndex: 'sex', render: sex },
              { title: t('lookup.decile'), dataIndex: 'decile', render: (d: number | null) => d ?? '—' },
              { title: t('lookup.programs'), dataIndex: 'programs', render: programs },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
