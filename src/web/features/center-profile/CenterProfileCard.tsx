import { Anchor, Button, Card, Group, Modal, SimpleGrid, Skeleton, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { type CenterProfile, saveCenterProfileBody } from '#shared/center-profiles';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { FormActions } from '../../components/FormActions';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useCenterProfile, useSaveCenterProfile } from './api';

const TEXT_FIELDS = ['serviceArea', 'openingHours', 'phone', 'email', 'staffOnDuty', 'learningMedia'] as const;

/** Where the district's center is and how to reach it; its own district officer records and edits it. */
export function CenterProfileCard({ unitCode }: { unitCode: string }) {
  const { t } = useLanguage();
  const { data: me } = useMe();
  const profile = useCenterProfile(unitCode);
  const [editing, setEditing] = useState(false);
  const mayWrite = !!me && me.orgUnit.code === unitCode && can(me, 'pipeline.write');
  if (profile.error) return <ErrorAlert error={profile.error} />;
  if (profile.isPending) return <Skeleton h={160} />;
  const p = profile.data;
  return (
    <Card withBorder data-testid="center-profile">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('centerProfile.title')}
        </Title>
        {mayWrite && (
          <Button variant="light" onClick={() => setEditing(true)}>
            {p ? t('centerProfile.edit') : t('centerProfile.record')}
          </Button>
        )}
      </Group>
      {p ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Fact label={t('centerProfile.fields.officeAddress')}>
            <Text style={{ overflowWrap: 'anywhere' }}>{p.officeAddress}</Text>
          </Fact>
          {TEXT_FIELDS.filter((f) => p[f]).map((f) => (
            <Fact key={f} label={t(`centerProfile.fields.${f}`)}>
              <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{p[f]}</Text>
            </Fact>
          ))}
          {p.latitude && p.longitude && (
            <Fact label={t('centerProfile.map')}>
              <Anchor
                href={`https://www.openstreetmap.org/?mlat=${p.latitude}&mlon=${p.longitude}#map=16/${p.latitude}/${p.longitude}`}
                target="_blank"
                rel="noreferrer"
              >
                {p.latitude}, {p.longitude}
              </Anchor>
            </Fact>
          )}
        </SimpleGrid>
      ) : (
        <Text c="gray.7">{t('centerProfile.notRecorded')}</Text>
      )}
      {editing && <CenterProfileForm unitCode={unitCode} profile={p ?? null} onClose={() => setEditing(false)} />}
    </Card>
  );
}

function CenterProfileForm({
  unitCode,
  profile,
  onClose,
}: {
  unitCode: string;
  profile: CenterProfile | null;
  onClose: () => void;
}) {
  const { t } = useLanguage();
  const save = useSaveCenterProfile(unitCode);
  const form = useSchemaForm({
    schema: saveCenterProfileBody,
    initialValues: {
      officeAddress: profile?.officeAddress ?? '',
      serviceArea: profile?.serviceArea ?? '',
      openingHours: profile?.openingHours ?? 'จันทร์–ศุกร์ 08.30–16.30 น.',
      phone: profile?.phone ?? '',
      email: profile?.email ?? '',
      staffOnDuty: profile?.staffOnDuty ?? '',
      learningMedia: profile?.learningMedia ?? '',
      latitude: profile?.latitude ?? '',
      longitude: profile?.longitude ?? '',
    },
    toBody: (v) => ({
      version: profile?.version ?? 0,
      ...v,
      email: v.email.trim(),
      latitude: v.latitude.trim() || undefined,
      longitude: v.longitude.trim() || undefined,
    }),
  });
  const submit = form.onSubmit((v) => save.mutate(form.toBody(v), { onSuccess: onClose, onError: form.showServerErrors }));
  return (
    <Modal opened onClose={onClose} title={profile ? t('centerProfile.edit') : t('centerProfile.record')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          <Textarea
            label={t('centerProfile.fields.officeAddress')}
            required
            autosize
            minRows={2}
            {...form.getInputProps('officeAddress')}
          />
          <Textarea label={t('centerProfile.fields.serviceArea')} autosize minRows={1} {...form.getInputProps('serviceArea')} />
          <TextInput label={t('centerProfile.fields.openingHours')} {...form.getInputProps('openingHours')} />
          <Group grow align="flex-start" wrap="wrap">
            <TextInput label={t('centerProfile.fields.phone')} inputMode="tel" {...form.getInputProps('phone')} />
            <TextInput label={t('centerProfile.fields.email')} inputMode="email" {...form.getInputProps('email')} />
          </Group>
          <Textarea label={t('centerProfile.fields.staffOnDuty')} autosize minRows={1} {...form.getInputProps('staffOnDuty')} />
          <Textarea
            label={t('centerProfile.fields.learningMedia')}
            autosize
            minRows={2}
            {...form.getInputProps('learningMedia')}
          />
          <Group grow align="flex-start" wrap="wrap">
            <TextInput label={t('centerProfile.fields.latitude')} inputMode="decimal" {...form.getInputProps('latitude')} />
            <TextInput label={t('centerProfile.fields.longitude')} inputMode="decimal" {...form.getInputProps('longitude')} />
          </Group>
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
