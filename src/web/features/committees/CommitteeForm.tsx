import { Button, Card, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import {
  COMMITTEE_CATEGORIES,
  type CommitteeCategory,
  type CommitteeDetail,
  committeeChange,
  createCommitteeBody,
} from '#shared/committees';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { useSchemaForm } from '../../forms/schemaForm';
import { useCodeList } from '../../hooks/records';
import { useLanguage } from '../../i18n';
import { personName, usePeopleOptions } from '../people/api';
import { useSaveCommittee } from './api';

type MemberRow = {
  key: string;
  id?: number;
  personId: string | null;
  name: string;
  title: string;
  category: CommitteeCategory;
  positionCode: string | null;
};
let serial = 0;
const newRow = (category: CommitteeCategory = 'network'): MemberRow => ({
  key: `new-${++serial}`,
  personId: null,
  name: '',
  title: '',
  category,
  positionCode: category === 'chair' ? 'chair' : category === 'secretary' ? 'secretary' : 'member',
});

/**
 * A term as its order appoints it, and its members one row each: a person of the district picked from the register,
 * or an official typed by name and title; the member type (for the composition check) and the committee position.
 * Existing members keep their id, so meeting attendance that points at them stays valid.
 */
export function CommitteeForm({
  committee,
  unit,
  onDone,
  onCancel,
}: {
  committee?: CommitteeDetail;
  unit: string;
  onDone: (saved: CommitteeDetail) => void;
  onCancel: () => void;
}) {
  const { t, nameOf } = useLanguage();
  const save = useSaveCommittee();
  const positions = useCodeList('committee_position');
  const linkedPeople = committee?.members.flatMap((m) => (m.person ? [m.person] : []));
  const form = useSchemaForm({
    schema: committee ? committeeChange : createCommitteeBody,
    initialValues: {
      orderNumber: committee?.orderNumber ?? '',
      orderDate: committee?.orderDate ?? todayIso(),
      signedBy: committee?.signedBy ?? '',
      termStart: committee?.termStart ?? todayIso(),
      termEnd: committee?.termEnd ?? '',
      note: committee?.note ?? '',
      members: committee
        ? committee.members.map(
            (m): MemberRow => ({
              key: `m-${m.id}`,
              id: m.id,
              personId: m.person ? String(m.person.id) : null,
              name: m.person ? '' : m.name,
              title: m.title,
              category: m.category,
              positionCode: m.positionCode,
            }),
          )
        : [newRow('chair'), newRow('secretary')],
    },
    toBody: (v) => ({
      ...(committee ? { version: committee.version } : { orgUnitCode: unit }),
      orderNumber: v.orderNumber,
      orderDate: v.orderDate,
      signedBy: v.signedBy,
      termStart: v.termStart,
      termEnd: v.termEnd,
      note: v.note,
      members: v.members.map((m, i) => ({
        ...(m.id ? { id: m.id } : {}),
        ...(m.personId ? { personId: Number(m.personId) } : {}),
        name: m.personId ? '' : m.name,
        title: m.title,
        category: m.category,
        positionCode: m.positionCode ?? '',
        sort: i + 1,
      })),
    }),
  });
  const submit = form.onSubmit((v) =>
    save.mutate({ id: committee?.id, body: form.toBody(v) }, { onSuccess: onDone, onError: form.showServerErrors }),
  );
  const positionOptions = (positions.data ?? []).filter((c) => !c.deprecated).map((c) => ({ value: c.code, label: nameOf(c) }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={1} size="h2">
          {committee ? t('committees.edit') : t('committees.add')}
        </Title>
        <ErrorAlert error={save.error} fieldsShown />
        <Card withBorder>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('committees.fields.orderNumber')} required {...form.getInputProps('orderNumber')} />
            <ThaiDateInput label={t('committees.fields.orderDate')} required {...form.getInputProps('orderDate')} />
            <TextInput label={t('committees.fields.signedBy')} required {...form.getInputProps('signedBy')} />
            <ThaiDateInput label={t('committees.fields.termStart')} required {...form.getInputProps('termStart')} />
            <ThaiDateInput label={t('committees.fields.termEnd')} required {...form.getInputProps('termEnd')} />
          </SimpleGrid>
          <Textarea mt="sm" label={t('committees.fields.note')} autosize minRows={1} {...form.getInputProps('note')} />
        </Card>
        <Title order={2} size="h4">
          {t('committees.fields.members')}
        </Title>
        {form.values.members.length === 0 && <Text c="gray.7">{t('committees.member.none')}</Text>}
        {form.values.members.map((m, i) => (
          <Card withBorder key={m.key} data-testid="member-row">
            <Group justify="space-between" mb="xs">
              <Text fw={700}>{t('committees.member.number', { n: i + 1 })}</Text>
              <Button
                size="compact-sm"
                variant="subtle"
                color="red.9"
                c="red.9"
                onClick={() => form.removeListItem('members', i)}
              >
                {t('committees.member.remove')}
              </Button>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <MemberPerson
                unit={unit}
                label={t('committees.member.person')}
                linked={linkedPeople}
                input={form.getInputProps(`members.${i}.personId`)}
              />
              <TextInput
                label={t('committees.member.name')}
                disabled={!!m.personId}
                {...form.getInputProps(`members.${i}.name`)}
              />
              <TextInput label={t('committees.member.title')} {...form.getInputProps(`members.${i}.title`)} />
              <Select
                label={t('committees.member.category')}
                required
                allowDeselect={false}
                data={COMMITTEE_CATEGORIES.map((c) => ({ value: c, label: t(`committees.categories.${c}`) }))}
                {...form.getInputProps(`members.${i}.category`)}
              />
              <Select
                label={t('committees.member.position')}
                required
                searchable
                data={positionOptions}
                {...form.getInputProps(`members.${i}.positionCode`)}
              />
            </SimpleGrid>
          </Card>
        ))}
        <Group>
          <Button variant="light" onClick={() => form.insertListItem('members', newRow())}>
            {t('committees.member.add')}
          </Button>
        </Group>
        <FormActions onCancel={onCancel} saving={save.isPending} />
      </Stack>
    </form>
  );
}

/**
 * A member's person, searched on its own: a Select shows its search text in the field, so rows sharing one search
 * would all show the same name. The rows share the people lists in the query cache.
 */
function MemberPerson({
  unit,
  label,
  linked,
  input,
}: {
  unit: string;
  label: string;
  /** The people the term's members are linked to: named even beyond the first 200. */
  linked?: { id: number; name: string }[];
  input: GetInputPropsReturnType;
}) {
  const people = usePeopleOptions(unit, personName, linked);
  return <Select label={label} clearable searchable {...people} {...input} />;
}
