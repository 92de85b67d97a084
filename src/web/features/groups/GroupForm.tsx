import { Group, Modal, MultiSelect, Select, Stack, Table, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type GroupDetail, MEMBER_ROLES } from '#shared/groups';
import type { Person } from '#shared/people';
import type { Wisdom } from '#shared/wisdom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { ThaiDateInput } from '../../components/ThaiDateInput';
import { todayIso } from '../../dates';
import { useLanguage } from '../../i18n';
import { useOptions, useSaveRecord } from '../records/records';

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
  const save = useSaveRecord<GroupDetail>('/api/groups');
  const people = useOptions<Person>('/api/people', unit, (p) => `${p.title}${p.firstName} ${p.lastName}`);
  const wisdom = useOptions<Wisdom>('/api/wisdom', unit, (w) => w.title);
  const [form, setForm] = useState({
    name: group?.name ?? '',
    foundedOn: group?.foundedOn ?? todayIso(),
    targetType: String(group?.targetType ?? 1),
    contactPhone: group?.contactPhone ?? '',
    address: group?.address ?? '',
    subdistrict: group?.subdistrict ?? '',
    enterpriseRegNo: group?.enterpriseRegNo ?? '',
    wisdomIds: group?.wisdom.map((w) => String(w.id)) ?? [],
    members: new Map<string, Role>(group?.members.map((m) => [String(m.personId), m.role]) ?? []),
  });
  const set =
    <K extends keyof typeof form>(key: K) =>
    (value: (typeof form)[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const setMembers = (ids: string[]) =>
    set('members')(new Map(ids.map((id) => [id, form.members.get(id) ?? (form.members.size === 0 ? 'chair' : 'member')])));
  const nameOfPerson = (id: string) => people.find((p) => p.value === id)?.label ?? id;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      ...(group ? { version: group.version } : { orgUnitCode: unit }),
      name: form.name,
      foundedOn: form.foundedOn,
      targetType: Number(form.targetType),
      contactPhone: form.contactPhone || undefined,
      address: form.address,
      subdistrict: form.subdistrict || undefined,
      enterpriseRegNo: form.enterpriseRegNo || undefined,
      wisdomIds: form.wisdomIds.map(Number),
      members: [...form.members].map(([personId, role]) => ({ personId: Number(personId), role })),
    };
    save.mutate({ id: group?.id, body }, { onSuccess: (saved) => (onSaved ? onSaved(saved) : onClose()) });
  };

  return (
    <Modal opened onClose={onClose} title={group ? t('records.edit') : t('records.add')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput label={t('fields.name')} required value={form.name} onChange={(e) => set('name')(e.currentTarget.value)} />
          <Group grow>
            <ThaiDateInput
              label={t('fields.foundedOn')}
              required
              value={form.foundedOn}
              onChange={(v) => set('foundedOn')(v ?? todayIso())}
            />
            <Select
              label={t('fields.targetType')}
              data={['1', '2', '3'].map((v) => ({ value: v, label: t(`targetTypes.${v}`) }))}
              value={form.targetType}
              onChange={(v) => v && set('targetType')(v)}
              allowDeselect={false}
            />
          </Group>
          <MultiSelect label={t('fields.wisdom')} searchable data={wisdom} value={form.wisdomIds} onChange={set('wisdomIds')} />
          <MultiSelect
            label={t('fields.members')}
            searchable
            data={people}
            value={[...form.members.keys()]}
            onChange={setMembers}
          />
          {form.members.size > 0 && (
            <Table>
              <Table.Tbody>
                {[...form.members].map(([id, role]) => (
                  <Table.Tr key={id}>
                    <Table.Td>{nameOfPerson(id)}</Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={`${t('fields.memberRole')} ${nameOfPerson(id)}`}
                        size="xs"
                        data={MEMBER_ROLES.map((r) => ({ value: r, label: t(`memberRoles.${r}`) }))}
                        value={role}
                        allowDeselect={false}
                        onChange={(v) => v && set('members')(new Map(form.members).set(id, v as Role))}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group grow>
            <TextInput
              label={t('fields.subdistrict')}
              value={form.subdistrict}
              onChange={(e) => set('subdistrict')(e.currentTarget.value)}
            />
            <TextInput
              label={t('fields.contactPhone')}
              inputMode="tel"
              value={form.contactPhone}
              onChange={(e) => set('contactPhone')(e.currentTarget.value)}
            />
          </Group>
          <TextInput label={t('fields.address')} value={form.address} onChange={(e) => set('address')(e.currentTarget.value)} />
          <TextInput
            label={t('fields.enterpriseRegNo')}
            value={form.enterpriseRegNo}
            onChange={(e) => set('enterpriseRegNo')(e.currentTarget.value)}
          />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
