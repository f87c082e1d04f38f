// Look a person (NIK) or a household (KK) up in the current registry snapshot of the
// officer's area: name, birth date, village, welfare decile, national programmes, and which
// snapshot and row say so.
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../api';
import { useI18n } from '../../language';
import { apiErrorText } from '../../errors';
import { formatDateTime } from '../../format';
import type { RegistryHouseholdView, RegistryPersonView } from '../../verification/model';

type Found = { kind: 'person'; person: RegistryPersonView } | { kind: 'household'; household: RegistryHouseholdView };

export default function LookupPage() {
  const { t, locale } = useI18n();
  const [kind, setKind] = useState<'nik' | 'kk'>('nik');
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<Found | null>(null);
  const [error, setError] = useState<string | null>(null);

  const search = async ({ number }: { number: string }) => {
    setBusy(true);
    setError(null);
    setFound(null);
    try {
      if (kind === 'nik') setFound({ kind: 'person', person: await api.get<RegistryPersonView>(`/registry/persons/${number.trim()}`) });
      else setFound({ kind: 'household', household: await api.get<RegistryHouseholdView>(`/registry/households/${number.trim()}`) });
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? t(kind === 'nik' ? 'lookup.personNotFound' : 'lookup.householdNotFound') : apiErrorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const sex = (s: string) => (s === 'M' || s === 'F' ? t(`sex.${s}`) : s);
  const programs = (p: string[]) => (p.length ? <Space size={[4, 4]} wrap>{p.map((x) => <Tag key={x} color="blue">{x}</Tag>)}</Space> : <Typography.Text type="secondary">{t('lookup.noPrograms')}</Typography.Text>);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('lookup.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('lookup.subtitle')}</Typography.Text>
      </div>
      <Card>
        <Form layout="inline" onFinish={search} style={{ rowGap: 8 }}>
          <Form.Item>
            <Radio.Group value={kind} onChange={(e) => setKind(e.target.value)} optionType="button" options={[{ value: 'nik', label: 'NIK' }, { value: 'kk', label: t('filing.kk') }]} />
          </Form.Item>
          <Form.Item name="number" rules={[{ required: true, pattern: /^\d{16}$/, message: t('lookup.sixteenDigits') }]}>
            <Input aria-label={t('lookup.number')} placeholder={t('lookup.number')} inputMode="numeric" maxLength={16} style={{ width: 240 }} />
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
            <Descriptions.Item label={t('filing.kk')}>{found.person.kkNumber}</Descriptions.Item>
            <Descriptions.Item label={t('filing.birthDate')}>{found.person.birthDate}</Descriptions.Item>
            <Descriptions.Item label={t('filing.sex')}>{sex(found.person.sex)}</Descriptions.Item>
            <Descriptions.Item label={t('filing.address')}>{found.person.address}</Descriptions.Item>
            <Descriptions.Item label={t('filing.villageCode')}>{found.person.villageCode}</Descriptions.Item>
            <Descriptions.Item label={t('lookup.decile')}>{found.person.decile ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('lookup.programs')}>{programs(found.person.programs)}</Descriptions.Item>
            <Descriptions.Item label={t('lookup.source')} span={2}>
              {t('lookup.sourceText', { snapshot: found.person.snapshot.snapshotId.slice(0, 8), at: formatDateTime(found.person.snapshot.createdAt, locale), row: found.person.snapshot.row })}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {found?.kind === 'household' && (
        <Card title={t('lookup.household', { kk: found.household.kkNumber })} styles={{ body: { padding: 0 } }} data-testid="registry-household">
          <Table<RegistryPersonView>
            rowKey="nik"
            size="small"
            pagination={false}
            dataSource={found.household.members}
            columns={[
              { title: 'NIK', dataIndex: 'nik' },
              { title: t('filing.name'), dataIndex: 'name' },
              { title: t('filing.birthDate'), dataIndex: 'birthDate' },
              { title: t('filing.sex'), dataIndex: 'sex', render: sex },
              { title: t('lookup.decile'), dataIndex: 'decile', render: (d: number | null) => d ?? '—' },
              { title: t('lookup.programs'), dataIndex: 'programs', render: programs },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
