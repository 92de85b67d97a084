import { Button, Card, FileInput, Group, Image, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { type Letterhead, type OutgoingDocument, saveLetterheadBody } from '#shared/outgoing-documents';
import { formatThaiDate } from '#shared/thai/index';
import { officeTitle } from '#shared/unit-titles';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { type Column, RecordList } from '../../components/RecordList';
import { useSchemaForm } from '../../forms/schemaForm';
import { usePage } from '../../hooks/records';
import { useCurrentUnitCode, useOrgUnit } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useDocumentSettings, useLetterhead, useOutgoingDocuments, useSaveLetterhead, useUploadEmblem } from './api';
import { QuorumCard } from './QuorumCard';

/** Document settings: the department's emblem, and the letterhead and outgoing register of the unit looked at. */
export function SettingsPage() {
  const { t } = useLanguage();
  const { data: me } = useMe();
  const code = useCurrentUnitCode();
  const letterhead = useLetterhead(code);
  return (
    <Stack>
      <PageHeader title={t('budget.documents.title')} />
      {can(me, 'documents.emblem') && <EmblemCard />}
      {can(me, 'settings.manage') && <QuorumCard />}
      <ErrorAlert error={letterhead.error} />
      {/* Keyed by the unit only: a save (a new version) keeps the card, and with it the saved notice. */}
      {code && letterhead.data && <LetterheadCard key={code} code={code} letterhead={letterhead.data} />}
      {code && <OutgoingRegister code={code} />}
    </Stack>
  );
}

function EmblemCard() {
  const { t } = useLanguage();
  const settings = useDocumentSettings();
  const emblem = settings.data?.emblem;
  const upload = useUploadEmblem();
  const [file, setFile] = useState<File | null>(null);
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('budget.documents.emblem')}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {t('budget.documents.emblemHelp')}
      </Text>
      <ErrorAlert error={settings.error} />
      {emblem ? (
        <Image
          src={`/api/settings/emblem?v=${encodeURIComponent(emblem.updatedAt)}`}
          alt={t('budget.documents.emblemAlt')}
          h={113}
          w="auto"
          fit="contain"
          mb="sm"
        />
      ) : (
        settings.data && (
          <Text mb="sm" data-testid="emblem-none">
            {t('budget.documents.emblemNone')}
          </Text>
        )
      )}
      <ErrorAlert error={upload.error} />
      <Group align="flex-end">
        <FileInput
          label={t('budget.documents.emblemFile')}
          accept="image/png,image/jpeg"
          value={file}
          onChange={setFile}
          style={{ flex: 1 }}
        />
        <Button
          disabled={!file}
          loading={upload.isPending}
          onClick={() => file && upload.mutate(file, { onSuccess: () => setFile(null) })}
        >
          {t('budget.documents.upload')}
        </Button>
      </Group>
    </Card>
  );
}

function LetterheadCard({ code, letterhead }: { code: string; letterhead: Letterhead }) {
  const { t, language } = useLanguage();
  const { data: unit } = useOrgUnit(code);
  const save = useSaveLetterhead(code);
  const form = useSchemaForm({
    schema: saveLetterheadBody,
    initialValues: { prefix: letterhead.prefix, phone: letterhead.phone, email: letterhead.email },
    toBody: (v) => ({ ...v, version: letterhead.version }),
  });
  const name = unit ? (language === 'th' ? officeTitle(unit) : unit.nameEn) : code;
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t('budget.documents.letterhead', { unit: name })}
      </Title>
      <form noValidate onSubmit={form.onSubmit((values) => save.mutate(form.toBody(values), { onError: form.showServerErrors }))}>
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          <TextInput label={t('budget.documents.prefix')} required {...form.getInputProps('prefix')} />
          <TextInput label={t('budget.documents.phone')} {...form.getInputProps('phone')} />
          <TextInput label={t('budget.documents.email')} type="email" {...form.getInputProps('email')} />
          <Group justify="flex-end">
            {save.isSuccess && <Text c="green">{t('budget.documents.saved')}</Text>}
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function OutgoingRegister({ code }: { code: string }) {
  const { t, language } = useLanguage();
  const { page, setPage } = usePage();
  const documents = useOutgoingDocuments(code, page);
  const columns: Column<OutgoingDocument>[] = [
    { label: t('budget.documents.number'), render: (d) => d.number },
    {
      label: t('budget.documents.documentDate'),
      render: (d) => (language === 'th' ? formatThaiDate(d.documentDate, 'short') : d.documentDate),
      key: true,
    },
    { label: t('budget.documents.subject'), render: (d) => d.subject, key: true },
    { label: t('budget.documents.addressee'), render: (d) => d.addressee },
    { label: t('budget.documents.issuedBy'), render: (d) => d.issuedByName ?? '' },
  ];
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t('budget.documents.register')}
      </Title>
      <ErrorAlert error={documents.error} />
      <div data-testid="outgoing-register">
        <RecordList
          data={documents.data}
          loading={documents.isLoading}
          columns={columns}
          page={page}
          onPage={setPage}
          empty={<Text c="gray.7">{t('budget.documents.empty')}</Text>}
          exportFrom={documents.data?.total ? { path: '/api/outgoing-documents', params: { unit: code } } : undefined}
        />
      </div>
    </Card>
  );
}
