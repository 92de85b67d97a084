import { Alert, Button, Divider, Group, Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { createPersonBody, PERSON_ROLES, PERSON_TITLES, type Person, personChange } from '#shared/people';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { NumberField } from '../../components/NumberField';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { addressOf, personName, useMergePerson, usePeopleOptions, useSavePerson } from './api';

/** A new person's title, names and phone from a name as someone gave it ("นางสาวมาลี ศรีสะเกษ"), for staff to check. */
export function draftFromName(name: string, phone: string | null): PersonDraft {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  // The longest title first: นางสาว before นาง.
  const title = [...PERSON_TITLES].sort((a, b) => b.length - a.length).find((x) => trimmed.startsWith(x));
  const [firstName = '', ...rest] = (title ? trimmed.slice(title.length) : trimmed).trim().split(' ');
  return { title, firstName, lastName: rest.join(' '), phone: phone ?? '' };
}
type PersonDraft = { title?: (typeof PERSON_TITLES)[number]; firstName: string; lastName: string; phone: string };

export function PersonForm({
  person,
  draft,
  unit,
  onClose,
  onSaved,
  onMerged,
}: {
  person?: Person;
  /** A new person's fields to start from (a requester's name and phone). */
  draft?: PersonDraft;
  unit: string;
  onClose: () => void;
  /** After the person was saved, with the record the server answered. */
  onSaved?: (saved: Person) => void;
  /** After this record was folded into the kept one. */
  onMerged?: (keptId: number) => void;
}) {
  const { t, problemText } = useLanguage();
  const save = useSavePerson();
  const form = useSchemaForm({
    schema: person ? personChange : createPersonBody,
    initialValues: {
      title: person?.title ?? draft?.title ?? 'นาย',
      firstName: person?.firstName ?? draft?.firstName ?? '',
      lastName: person?.lastName ?? draft?.lastName ?? '',
      citizenId: '',
      phone: person?.phone ?? draft?.phone ?? '',
      houseNo: person?.houseNo ?? '',
      villageNo: (person?.villageNo ?? '') as number | '',
      subdistrict: person?.subdistrict ?? '',
      roles: person?.roles ?? [],
      acknowledgeDuplicates: false,
    },
    toBody: (v) => {
      const fields = {
        title: v.title,
        firstName: v.firstName,
        lastName: v.lastName,
        phone: v.phone || undefined,
        houseNo: v.houseNo || undefined,
        villageNo: v.villageNo === '' ? undefined : v.villageNo,
        subdistrict: v.subdistrict || undefined,
        roles: v.roles,
      };
      // The stored citizen ID is never shown in full, so a blank field keeps it: only one typed in is sent.
      const citizenId = v.citizenId ? { citizenId: v.citizenId } : {};
      return person
        ? { version: person.version, ...fields, ...citizenId }
        : { orgUnitCode: unit, ...fields, ...citizenId, acknowledgeDuplicates: v.acknowledgeDuplicates };
    },
  });
  const possibleDuplicate = save.error instanceof ApiError && save.error.problem.code === 'person.possible_duplicate';
  const saved = (answer: Person) => {
    onSaved?.(answer);
    onClose();
  };
  const send = form.onSubmit((values) =>
    save.mutate({ id: person?.id, body: form.toBody(values) }, { onSuccess: saved, onError: form.showServerErrors }),
  );
  const saveAnyway = () => {
    form.setFieldValue('acknowledgeDuplicates', true);
    save.mutate(
      { id: person?.id, body: form.toBody({ ...form.getValues(), acknowledgeDuplicates: true }) },
      { onSuccess: saved, onError: form.showServerErrors },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={person ? t('records.editKind.person', { name: personName(person) }) : t('records.addKind.person')}
      size="lg"
    >
      <form onSubmit={send} noValidate>
        <Stack>
          {possibleDuplicate && save.error instanceof ApiError ? (
            <Alert color="yellow" role="alert" title={problemText(save.error.problem)}>
              <Button size="xs" variant="outline" color="dark" onClick={saveAnyway}>
                {t('records.confirmDuplicate')}
              </Button>
            </Alert>
          ) : (
            <ErrorAlert error={save.error} fieldsShown />
          )}
          <Group grow>
            <Select
              label={t('fields.personTitle')}
              data={PERSON_TITLES.map((title) => ({ value: title, label: t(`records.personTitles.${title}`) }))}
              allowDeselect={false}
              {...form.getInputProps('title')}
            />
            <TextInput label={t('fields.firstName')} required {...form.getInputProps('firstName')} />
            <TextInput label={t('fields.lastName')} required {...form.getInputProps('lastName')} />
          </Group>
          <TextInput
            label={t('fields.citizenId')}
            description={person?.citizenIdMasked ?? undefined}
            inputMode="numeric"
            autoComplete="off"
            {...form.getInputProps('citizenId')}
          />
          <Group grow>
            <TextInput label={t('fields.phone')} inputMode="tel" {...form.getInputProps('phone')} />
            <TextInput label={t('fields.houseNo')} {...form.getInputProps('houseNo')} />
            <NumberField label={t('fields.villageNo')} min={1} max={99} {...form.getInputProps('villageNo')} />
          </Group>
          <TextInput label={t('fields.subdistrict')} {...form.getInputProps('subdistrict')} />
          <MultiSelect
            label={t('fields.roles')}
            data={PERSON_ROLES.map((r) => ({ value: r, label: t(`personRoles.${r}`) }))}
            {...form.getInputProps('roles')}
          />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
      {person && <MergeInto person={person} unit={unit} onMerged={(keptId) => (onMerged ? onMerged(keptId) : onClose())} />}
    </Modal>
  );
}

/** Folds this (duplicate) record into the person to keep; every link moves there. */
function MergeInto({ person, unit, onMerged }: { person: Person; unit: string; onMerged: (keptId: number) => void }) {
  const { t } = useLanguage();
  // Namesakes are told apart by where they live and their masked ID, never by a database number.
  const options = usePeopleOptions(unit, (p) =>
    [personName(p), addressOf(p, t('fields.villageNo')), p.citizenIdMasked].filter(Boolean).join(' · '),
  );
  const people = { ...options, data: options.data.filter((o) => o.value !== String(person.id)) };
  const [keepId, setKeepId] = useState<string | null>(null);
  const merge = useMergePerson(person.id);
  return (
    <Stack mt="lg" gap="xs">
      <Divider label={t('records.mergeInto')} />
      <ErrorAlert error={merge.error} />
      <Group align="flex-end">
        <Select label={t('records.keepPerson')} searchable {...people} value={keepId} onChange={setKeepId} style={{ flex: 1 }} />
        <Button
          color="orange.9"
          disabled={!keepId}
          loading={merge.isPending}
          onClick={() => merge.mutate(Number(keepId), { onSuccess: () => onMerged(Number(keepId)) })}
        >
          {t('records.merge')}
        </Button>
      </Group>
    </Stack>
  );
}
