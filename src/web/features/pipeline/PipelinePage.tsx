import { Anchor, Box, Card, Group, Select, SimpleGrid, Skeleton, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { codeInScope } from '#shared/access';
import { STAGES } from '#shared/groups';
import { fiscalYearOf } from '#shared/thai/calendar';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { todayIso } from '../../dates';
import { usePhone } from '../../hooks/phone';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { usePipeline } from './api';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** The funnel of the unit in view: each bar a stage, clickable to the groups at that stage. */
export function PipelinePage() {
  const { t, nameOf } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const navigate = useNavigate();
  const current = fiscalYearOf(todayIso()).fiscalYear;
  const [fiscalYear, setFiscalYear] = useState(String(current));
  const pipeline = usePipeline(unit, fiscalYear);
  // On a phone the stage-by-unit table would scroll sideways: each unit becomes a card of its counts.
  const phone = usePhone();
  if (pipeline.error) return <ErrorAlert error={pipeline.error} />;
  const data = pipeline.data;
  const max = Math.max(1, ...(data?.stages.map((s) => s.count) ?? [1]));
  /** A unit of the breakdown, linked to its own funnel when the user may look at it. */
  const unitName = (b: { code: string; nameTh: string; nameEn: string }) =>
    me && codeInScope(me.orgUnit.code, b.code) ? (
      <Anchor renderRoot={(props) => <Link {...props} to="/pipeline" search={{ unit: b.code }} />}>{nameOf(b)}</Anchor>
    ) : (
      nameOf(b)
    );

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('pipelineNav.pipeline')}
        </Title>
        <Select
          label={t('records.fiscalYear')}
          w={160}
          data={[0, 1, 2, 3, 4].map((i) => String(current - i))}
          value={fiscalYear}
          onChange={(v) => v && setFiscalYear(v)}
          allowDeselect={false}
        />
      </Group>
      {!data ? (
        <Skeleton h={300} />
      ) : (
        <>
          {data.stages.every((s) => s.count === 0) && (
            // An empty funnel says where the pipeline starts, with the way there for those who record it.
            <EmptyState
              title={t('records.emptyPipeline')}
              hint={can(me, 'pipeline.write') ? t('records.emptyPipelineHint') : t('records.emptyReadHint')}
              actionLabel={t('pipelineNav.wisdom')}
              onAction={can(me, 'pipeline.write') ? () => navigate({ to: '/wisdom', search: { unit } }) : undefined}
            />
          )}
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              {t('records.funnel')}
            </Title>
            <Stack component="ul" gap={6} aria-label={t('records.funnel')} m={0} p={0} style={{ listStyle: 'none' }}>
              {data.stages.map((s, i) => {
                const conversion = data.conversions[i];
                return (
                  <li key={s.stage}>
                    <UnstyledButton
                      w="100%"
                      data-testid={`stage-${s.stage}`}
                      aria-label={`${t(`stages.${s.stage}`)} ${s.count}`}
                      onClick={() =>
                        s.stage !== 'wisdom_surveyed' && navigate({ to: '/groups', search: { unit, stage: s.stage } })
                      }
                    >
                      <Group gap="sm" wrap="nowrap" align="center">
                        <Text w={{ base: 110, sm: 170 }} size="sm" style={{ flexShrink: 0 }}>
                          {t(`stages.${s.stage}`)}
                        </Text>
                        <Box style={{ flex: 1 }}>
                          <Box
                            bg="teal.9"
                            h={26}
                            style={{
                              width: `${Math.max(2, (s.count / max) * 100)}%`,
                              borderRadius: 4,
                              transition: 'width 200ms',
                            }}
                          />
                        </Box>
                        <Text fw={700} w={48} ta="right" data-testid={`count-${s.stage}`}>
                          {s.count}
                        </Text>
                      </Group>
                      <Text size="xs" c="gray.7" ml={{ base: 118, sm: 178 }}>
                        +{s.movedInPeriod} {t('records.moved')}
                        {conversion ? ` · ${t('records.conversion')} ${percent(conversion.rate)}` : ''}
                      </Text>
                    </UnstyledButton>
                  </li>
                );
              })}
            </Stack>
          </Card>
          {data.breakdown.length > 0 && (
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                {t('records.byUnit')}
              </Title>
              {phone ? (
                <Stack gap="xs">
                  {data.breakdown.map((b) => (
                    <Card key={b.code} withBorder padding="xs" data-testid="unit-counts">
                      <Text fw={700}>{unitName(b)}</Text>
                      <SimpleGrid cols={2} spacing={4} verticalSpacing={2}>
                        {STAGES.map((s) => (
                          <Group key={s} justify="space-between" gap={4} wrap="nowrap">
                            <Text size="xs" c="gray.7">
                              {t(`stages.${s}`)}
                            </Text>
                            <Text size="sm">{b.counts[s]}</Text>
                          </Group>
                        ))}
                      </SimpleGrid>
                    </Card>
                  ))}
                </Stack>
              ) : (
                <Table.ScrollContainer minWidth={760}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('users.unit')}</Table.Th>
                        {STAGES.map((s) => (
                          <Table.Th key={s} ta="right">
                            {t(`stages.${s}`)}
                          </Table.Th>
                        ))}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.breakdown.map((b) => (
                        <Table.Tr key={b.code}>
                          <Table.Td>{unitName(b)}</Table.Td>
                          {STAGES.map((s) => (
                            <Table.Td key={s} ta="right">
                              {b.counts[s]}
                            </Table.Td>
                          ))}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Card>
          )}
        </>
      )}
    </Stack>
  );
}
