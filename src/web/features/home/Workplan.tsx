import { Anchor, Button, Card, Group, List, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { fiscalYearOf } from '#shared/thai/calendar';
import { formatBaht } from '#shared/thai/money';
import type { DistrictWorkplan, ProvinceWorkplan, Workplan } from '#shared/workplan';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { todayIso } from '../../dates';
import { formatDate } from '../../format';
import { useLanguage } from '../../i18n';
import { NationalMap } from '../dashboards/ProvinceMap';
import { CompletenessMatrix } from '../indicators/CompletenessMatrix';
import { ReportStatusBadge, SummaryTable } from '../reports/ReportParts';
import { useWorkplan } from './workplan.api';

/** The first screen's answer to "what must I do today", for a district, a province or the department. */
export function WorkplanSection({ unit, mayWrite }: { unit: string; mayWrite: boolean }) {
  const plan = useWorkplan(unit);
  if (plan.error) return <ErrorAlert error={plan.error} />;
  if (!plan.data) return <Skeleton h={160} />;
  const p = plan.data;
  return (
    <Stack data-testid="workplan">
      {p.district && <DistrictPlan plan={p.district} unit={unit} fiscalYear={p.fiscalYear} mayWrite={mayWrite} />}
      {p.province && <ProvincePlan plan={p.province} unit={unit} />}
      {p.national && <NationalPlan summary={p.national} fiscalYear={p.fiscalYear} />}
    </Stack>
  );
}

function Item({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" fw={700} mb={4}>
        {title}
      </Text>
      {children}
    </Card>
  );
}

const ReportLink = ({ id, unit, children }: { id: number; unit: string; children: ReactNode }) => (
  <Anchor renderRoot={(props) => <Link {...props} to="/reports/$id" params={{ id: String(id) }} search={{ unit }} />}>
    {children}
  </Anchor>
);

function DistrictPlan({
  plan,
  unit,
  fiscalYear,
  mayWrite,
}: {
  plan: DistrictWorkplan;
  unit: string;
  fiscalYear: number;
  mayWrite: boolean;
}) {
  const { t, language } = useLanguage();
  const date = (iso: string | null) => formatDate(iso, language);
  const baht = (satang: string) => `${formatBaht(BigInt(satang))} ${t('common.baht')}`;
  const none = <Text c="gray.7">{t('workplan.none')}</Text>;
  const meeting =
    plan.meeting.status === 'held'
      ? t('workplan.meetingHeld', { date: date(plan.meeting.on) })
      : plan.meeting.status === 'planned'
        ? t('workplan.meetingPlanned', { date: date(plan.meeting.on) })
        : t('workplan.meetingNone');
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('workplan.title')}
      </Title>
      {mayWrite && (
        <Group gap="xs" wrap="wrap" aria-label={t('workplan.quick')}>
          <Button component="a" href={`/services?unit=${unit}&new=1`} variant="light">
            {t('workplan.newService')}
          </Button>
          <Button component="a" href={`/activities?unit=${unit}&new=1`} variant="light">
            {t('workplan.newActivity')}
          </Button>
          <Button component="a" href={`/meetings/new?unit=${unit}`} variant="light">
            {t('workplan.newMeeting')}
          </Button>
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <Item title={t('workplan.meeting')}>
          <Text fw={plan.meeting.status === 'none' ? 700 : 400}>{meeting}</Text>
        </Item>
        <Item title={t('workplan.activity')}>
          <Text fw={plan.activity.doneOn ? 400 : 700}>
            {plan.activity.doneOn ? t('workplan.activityDone', { date: date(plan.activity.doneOn) }) : t('workplan.activityNone')}
          </Text>
          {plan.activity.title && <Text size="sm">{plan.activity.title}</Text>}
        </Item>
        <Item title={t('workplan.report')}>
          {plan.report ? (
            <Group gap="xs" wrap="wrap">
              {plan.report.id ? (
                <ReportLink id={plan.report.id} unit={unit}>
                  {t('reports.quarterOf', plan.report)}
                </ReportLink>
              ) : (
                <Anchor renderRoot={(props) => <Link {...props} to="/reports" search={{ unit }} />}>
                  {t('reports.quarterOf', plan.report)}
                </Anchor>
              )}
              <ReportStatusBadge status={plan.report.status} />
              {plan.report.status === 'returned' && <Text size="sm">{plan.report.reviewComment}</Text>}
            </Group>
          ) : (
            <Text c="gray.7">{t('workplan.reportNone')}</Text>
          )}
        </Item>
        <Item title={t('workplan.certificates')}>
          {plan.certificates.length ? (
            <List size="sm">
              {plan.certificates.map((c) => (
                <List.Item key={c.id}>
                  {c.certificateNo} · {t('workplan.expiresOn', { date: date(c.expiresOn) })}
                </List.Item>
              ))}
            </List>
          ) : (
            none
          )}
        </Item>
        <Item title={t('workplan.resolutions')}>
          {plan.resolutions.length ? (
            <List size="sm">
              {plan.resolutions.map((r) => (
                <List.Item key={r.id}>
                  {r.text} · {t('workplan.dueOn', { date: date(r.dueOn) })}
                </List.Item>
              ))}
            </List>
          ) : (
            none
          )}
        </Item>
        <Item title={t('workplan.advances')}>
          {plan.advances.length ? (
            <List size="sm">
              {plan.advances.map((a) => (
                <List.Item key={a.id}>
                  {a.purpose} · {baht(a.amountSatang)} · {t('workplan.dueOn', { date: date(a.dueOn) })}
                </List.Item>
              ))}
            </List>
          ) : (
            none
          )}
        </Item>
      </SimpleGrid>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          {t('workplan.budget', { fiscalYear })}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <Fact label={t('workplan.received')}>{baht(plan.budget.receivedSatang)}</Fact>
          <Fact label={t('workplan.spent')}>{baht(plan.budget.spentSatang)}</Fact>
          <Fact label={t('workplan.remaining')}>{baht(plan.budget.remainingSatang)}</Fact>
        </SimpleGrid>
      </Card>
    </Stack>
  );
}

function ProvincePlan({ plan, unit }: { plan: ProvinceWorkplan; unit: string }) {
  const { t, language, nameOf } = useLanguage();
  const late = plan.districts.filter((d) => d.late);
  const current = fiscalYearOf(todayIso());
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('workplan.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Item title={t('workplan.waiting')}>
          {plan.waiting.length ? (
            <List size="sm">
              {plan.waiting.map((w) => (
                <List.Item key={w.id}>
                  <ReportLink id={w.id} unit={unit}>
                    {nameOf(w)} · {t('reports.quarterOf', w)}
                  </ReportLink>
                  {w.submittedAt && ` · ${formatDate(w.submittedAt.slice(0, 10), language)}`}
                </List.Item>
              ))}
            </List>
          ) : (
            <Text c="gray.7">{t('reports.noneWaiting')}</Text>
          )}
        </Item>
        <Item title={t('workplan.late')}>
          {late.length ? (
            <Text size="sm">{late.map((d) => nameOf(d)).join(', ')}</Text>
          ) : (
            <Text c="gray.7">{t('workplan.noneLate')}</Text>
          )}
        </Item>
      </SimpleGrid>
      <Card withBorder data-testid="province-matrix">
        <Title order={3} size="h5" mb="xs">
          {t('workplan.matrix', current)}
        </Title>
        <CompletenessMatrix unitCode={unit} fiscalYear={current.fiscalYear} quarter={current.quarter} />
      </Card>
      <Card withBorder data-testid="completeness">
        <Title order={3} size="h5" mb="xs">
          {t('workplan.completeness', plan.dueQuarter)}
        </Title>
        <Table.ScrollContainer minWidth={0}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.fields.unit')}</Table.Th>
                <Table.Th>{t('reports.fields.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.districts.map((d) => (
                <Table.Tr key={d.code}>
                  <Table.Td>
                    {d.reportId ? (
                      <ReportLink id={d.reportId} unit={unit}>
                        {nameOf(d)}
                      </ReportLink>
                    ) : (
                      nameOf(d)
                    )}
                  </Table.Td>
                  <Table.Td>
                    <ReportStatusBadge status={d.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  );
}

function NationalPlan({ summary, fiscalYear }: { summary: NonNullable<Workplan['national']>; fiscalYear: number }) {
  const { t } = useLanguage();
  const navigate = useNavigate();
  return (
    <Stack>
      <Card withBorder data-testid="national-map">
        <Title order={2} size="h4" mb="xs">
          {t('workplan.nationalMap', { fiscalYear })}
        </Title>
        <NationalMap
          period={{ fiscalYear: String(fiscalYear), quarter: '' }}
          onSelect={(code) => navigate({ to: '/dashboards', search: { unit: code } })}
        />
      </Card>
      <Card withBorder data-testid="national-reports">
        <Title order={2} size="h4" mb="xs">
          {t('workplan.national', summary)}
        </Title>
        <SummaryTable rows={summary.rows} total={summary.total} />
      </Card>
    </Stack>
  );
}
