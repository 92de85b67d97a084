import { Group, Modal, MultiSelect, Select, Stack, Table, TextInput } from '@mantine/core';
import { createGroupBody, type GroupDetail, groupChange, MEMBER_ROLES } from '#shared/groups';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { useSchemaForm } from '../../forms/schemaForm';
import { useLanguage } from '../../i18n';
import { personName, usePeopleOptions } from '../people/api';
import { useWisdomOptions } from '../wisdom/api';
import { useSaveGroup } from './api';

type Role = (typeof MEMBER_ROLES)[number];

export function GroupForm({
  group,
  unit,
  onClose,
  onSaved,
}: {
  group?: GroupDetail;
  unit: string;
  onClose: () => void;
  onSaved?: (g: GroupDetail) => void;
}) {
  const { t } = useLanguage();
  const save = useSaveGroup();
  const people = usePeopleOptions(
    unit,
    personName,
    group?.members.map((m) => ({ id: m.personId, name: m.name })),
  );
  const wisdom = useWisdomOptions(
    unit,
    (w) => w.title,
    group?.wisdom.map((w) => ({ id: w.id, name: w.title })),
  );
  const form = useSchemaForm({
    schema: group ? groupChange : createGroupBody,
    initialValues: {
      name: group?.name ?? '',
      foundedOn: group?.foundedOn ?? todayIso(),
      contactPhone: group?.contactPhone ?? '',
      address: group?.address ?? '',
      subdistrict: group?.subdistrict ?? '',
      enterpriseRegNo: group?.enterpriseRegNo ?? '',
      wisdomIds: group?.wisdom.map((w) => String(w.id)) ?? [],
      members: group?.members.map((m) => ({ personId: String(m.personId), role: m.role as Role })) ?? [],
    },
    toBody: (v) => ({
      ...(group ? { version: group.version } : { orgUnitCode: unit }),
      name: v.name,
      foundedOn: v.foundedOn,
      contactPhone: v.contactPhone || undefined,
      address: v.address,
      subdistrict: v.subdistrict || undefined,
      enterpriseRegNo: v.enterpriseRegNo || undefined,
      wisdomIds: v.wisdomIds.map(Number),
      members: v.members.map((m) => ({ personId: Number(m.personId), role: m.role })),
    }),
  });
  const members = form.values.members;
  /** The first member chosen chairs the group until someone says otherwise. */
  const setMembers = (ids: string[]) =>
    form.setFieldValue(
      'members',
      ids.map((personId) => ({
        personId,
        role: members.find((m) => m.personId === personId)?.role ?? (members.length === 0 ? 'chair' : 'member'),
      })),
    );
  const nameOfPerson = (id: string) => people.data.find((p) => p.value === id)?.label ?? id;
  const submit = form.onSubmit((values) =>
    save.mutate(
      { id: group?.id, body: form.toBody(values) },
      { onSuccess: (saved) => (onSaved ? onSaved(saved as GroupDetail) : onClose()), onError: form.showServerErrors },
    ),
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={group ? t('records.editKind.group', { name: group.name }) : t('records.addKind.group')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fieldsShown />
          <TextInput label={t('fields.name')} required {...form.getInputProps('name')} />
          <ThaiDateInput label={t('fields.foundedOn')} required {...form.getInputProps('foundedOn')} />
          <MultiSelect label={t('fields.wisdom')} searchable {...wisdom} {...form.getInputProps('wisdomIds')} />
          <MultiSelect
            label={t('fields.members')}
            searchable
            {...people}
            value={members.map((m) => m.personId)}
            onChange={setMembers}
            error={form.errors.members}
          />
          {members.length > 0 && (
            <Table>
              <Table.Tbody>
                {members.map((m, i) => (
                  <Table.Tr key={m.personId}>
                    <Table.Td>{nameOfPerson(m.personId)}</Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={`${t('fields.memberRole')} ${nameOfPerson(m.personId)}`}
                        size="xs"
                        data={MEMBER_ROLES.map((r) => ({ value: r, label: t(`memberRoles.${r}`) }))}
                        allowDeselect={false}
                        {...form.getInputProps(`members.${i}.role`)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group grow>
            <TextInput label={t('fields.subdistrict')} {...form.getInputProps('subdistrict')} />
            <TextInput label={t('fields.contactPhone')} inputMode="tel" {...form.getInputProps('contactPhone')} />
          </Group>
          <TextInput label={t('fields.address')} {...form.getInputProps('address')} />
          <TextInput label={t('fields.enterpriseRegNo')} {...form.getInputProps('enterpriseRegNo')} />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
