import { Button, Card, Checkbox, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { BudgetItem } from '#shared/budget';
import { toQuery } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { usePhone } from '../../hooks/phone';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { AllocateForm } from './AllocateForm';
import { useRegister } from './api';
import { LetterDialog } from './LetterDialog';
import { amountInWords, money } from './money';

/** The allocation register of a department or province for one activity, with its PDF, XLSX and letter. */
export function RegisterView({ item, unit }: { item: BudgetItem; unit: string }) {
  const { t, language } = useLanguage();
  const narrow = usePhone();
  const { data: me } = useMe();
  const [thaiDigits, setThaiDigits] = useState(false);
  const [allocating, setAllocating] = useState(false);
  const [letterOpen, setLetterOpen] = useState(false);
  const register = useRegister(item.id, unit);
  if (register.error) return <ErrorAlert error={register.error} />;
  const r = register.data;
  if (!r) return null;
  const canAllocate = can(me, 'budget.allocate') && me?.orgUnit.code === unit;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('budget.register')}
        </Title>
        <Group gap="xs">
          <Checkbox
            label={t('budget.thaiDigits')}
            checked={thaiDigits}
            onChange={(e) => setThaiDigits(e.currentTarget.checked)}
          />
          <Button
            component="a"
            variant="light"
            href={`/api/budget/items/${item.id}/register.pdf${toQuery({ unit, digits: thaiDigits ? 'thai' : 'arabic' })}`}
            download
          >
            {t('budget.pdf')}
          </Button>
          <Button component="a" variant="light" href={`/api/budget/items/${item.id}/register.xlsx${toQuery({ unit })}`} download>
            {t('budget.xlsx')}
          </Button>
          {canAllocate && (
            <Button variant="light" onClick={() => setLetterOpen(true)}>
              {t('budget.letter')}
            </Button>
          )}
          {canAllocate && <Button onClick={() => setAllocating(true)}>{t('budget.allocate')}</Button>}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="sm">
        <Fact label={t('budget.received')}>{money(r.receivedSatang)}</Fact>
        <Fact label={t('budget.total')}>{money(r.totalSatang)}</Fact>
        <Fact label={t('budget.remainder')}>{money(r.remainderSatang)}</Fact>
      </SimpleGrid>
      {/* On a phone the category and quarter go under the unit's name, so the amounts stay in view without scrolling. */}
      <Table striped data-testid="register">
        <Table.Thead>
          <Table.Tr>
            <Table.Th visibleFrom="sm">#</Table.Th>
            <Table.Th>{t('budget.unit')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('budget.category')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('budget.quarter')}</Table.Th>
            <Table.Th ta="right">{t('budget.amount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.rows.map((row, i) => (
            <Table.Tr key={`${row.unitCode}-${row.category}-${row.quarter}`}>
              <Table.Td visibleFrom="sm">{i + 1}</Table.Td>
              <Table.Td>
                {row.ownShare ? t('budget.ownShare') : language === 'th' ? row.nameTh : row.nameEn}
                <Text size="sm" hiddenFrom="sm">
                  {t(`budget.categories.${row.category}`)} · {t('budget.quarter')} {row.quarter}
                </Text>
              </Table.Td>
              <Table.Td visibleFrom="sm">{t(`budget.categories.${row.category}`)}</Table.Td>
              <Table.Td visibleFrom="sm">{row.quarter}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {money(row.amountSatang)}
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td colSpan={narrow ? 1 : 4} fw={700}>
              {t('budget.total')}
            </Table.Td>
            <Table.Td ta="right" fw={700} data-testid="register-total" style={{ whiteSpace: 'nowrap' }}>
              {money(r.totalSatang)}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text ta="center" mt="xs">
        ({amountInWords(r.totalSatang, language)})
      </Text>
      {allocating && <AllocateForm item={item} unit={unit} onClose={() => setAllocating(false)} />}
      {letterOpen && <LetterDialog itemId={item.id} unit={unit} onClose={() => setLetterOpen(false)} />}
    </Card>
  );
}
