import { Anchor, Button, Card, Group, Modal, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { COMMITTEE_CATEGORIES, type CommitteeDetail } from '#shared/committees';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { formatDate } from '../../format';
import { useCodeList } from '../../hooks/records';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { useCommittee, useDeleteCommittee } from './api';
import { CommitteeForm } from './CommitteeForm';
import { useMayWriteCommittee } from './CommitteesPage';
import { CompositionBadge, CompositionPanel, ExceptionBanner } from './CompositionParts';

/** One term: its order, the composition check, members by type with their positions, the order as PDF. */
export function CommitteeDetailPage() {
  const { t, language } = useLanguage();
  const { id } = useParams({ strict: false }) as { id: string };
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const committee = useCommittee(id);
  const mayWrite = useMayWriteCommittee(committee.data?.orgUnitCode);
  const remove = useDeleteCommittee();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  if (committee.error) return <ErrorAlert error={committee.error} />;
  if (!committee.data) return <Skeleton h={240} />;
  const c = committee.data;
  if (editing)
    return (
      <CommitteeForm committee={c} unit={c.orgUnitCode} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
    );
  return (
    <Stack>
      <Stack gap={4}>
        <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/committees" search={{ unit }} />}>
          ← {t('records.backTo', { list: t('committees.title') })}
        </Anchor>
        <Group justify="space-between" align="flex-start">
          <Group gap="sm" style={{ minWidth: 0 }}>
            <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
              {t('committees.fields.orderNumber')} {c.orderNumber}
            </Title>
            <CompositionBadge composition={c.composition} />
          </Group>
          <Group gap="xs">
            <Button component="a" variant="light" href={`/api/committees/${c.id}/order.pdf`} download data-testid="order-pdf">
              {t('committees.orderPdf')}
            </Button>
            {mayWrite && (
              <>
                <Button variant="light" onClick={() => setEditing(true)}>
                  {t('records.edit')}
                </Button>
                <Button variant="subtle" color="red.9" c="red.9" onClick={() => setDeleting(true)}>
                  {t('committees.delete')}
                </Button>
              </>
            )}
          </Group>
        </Group>
      </Stack>
      <ExceptionBanner composition={c.composition} />
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={t('committees.fields.orderNumber')}>{c.orderNumber}</Fact>
          <Fact label={t('committees.fields.orderDate')}>{formatDate(c.orderDate, language)}</Fact>
          <Fact label={t('committees.fields.signedBy')}>{c.signedBy}</Fact>
          <Fact label={t('committees.fields.term')}>
            {formatDate(c.termStart, language)} – {formatDate(c.termEnd, language)}
          </Fact>
          <Fact label={t('committees.fields.memberCount')}>{c.memberCount}</Fact>
          {c.note && <Fact label={t('committees.fields.note')}>{c.note}</Fact>}
        </SimpleGrid>
      </Card>
      {!c.composition.exception && <CompositionPanel composition={c.composition} />}
      <Members committee={c} />
      <ErrorAlert error={remove.error} />
      {deleting && (
        <Modal opened onClose={() => setDeleting(false)} title={t('committees.delete')}>
          <Stack>
            <Text>{t('committees.deleteConfirm', { number: c.orderNumber })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(false)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red.9"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(c, {
                    onSuccess: () => navigate({ to: '/committees', search: { unit } }),
                    onSettled: () => setDeleting(false),
                  })
                }
              >
                {t('committees.delete')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}

/** Members grouped by type, each with the title it holds outside the committee and its committee position. */
function Members({ committee }: { committee: CommitteeDetail }) {
  const { t, nameOf } = useLanguage();
  const positions = useCodeList('committee_position');
  const positionName = (code: string) => {
    const found = positions.data?.find((p) => p.code === code);
    return found ? nameOf(found) : '';
  };
  return (
    <Card withBorder data-testid="committee-members">
      <Title order={2} size="h4" mb="xs">
        {t('committees.fields.members')}
      </Title>
      <Stack>
        {COMMITTEE_CATEGORIES.map((category) => {
          const members = committee.members.filter((m) => m.category === category);
          return (
            <Stack key={category} gap={4}>
              <Text fw={700}>
                {t(`committees.categories.${category}`)} ({members.length})
              </Text>
              {members.length > 0 && (
                <Table.ScrollContainer minWidth={0}>
                  <Table>
                    <Table.Tbody>
                      {members.map((m) => (
                        <Table.Tr key={m.id}>
                          <Table.Td style={{ overflowWrap: 'anywhere' }}>
                            <Text size="sm">{m.name}</Text>
                            {m.title && (
                              <Text size="sm" c="gray.7">
                                {m.title}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{positionName(m.positionCode)}</Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Stack>
          );
        })}
      </Stack>
    </Card>
  );
}
