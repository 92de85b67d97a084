import { Anchor, Button, Card, Group, Pagination, Select, Skeleton, Stack, Text } from '@mantine/core';
import { Link, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { isDistrict } from '#shared/fields';
import type { Lesson } from '#shared/lessons';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportMenu } from '../../components/ExportMenu';
import { Fact } from '../../components/Fact';
import { PageHeader } from '../../components/PageHeader';
import { usePage } from '../../hooks/records';
import { useCurrentUnitCode } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { useDeleteLesson, useLessonList } from './api';
import { LessonForm, lessonYearOptions } from './LessonForm';

/** Lessons learned by fiscal year and quarter: each with what worked, the problems, what will change and its plans. */
export function LessonsPage() {
  const { t } = useLanguage();
  const { data: me } = useMe();
  const unit = useCurrentUnitCode();
  const search = useSearch({ strict: false }) as { year?: string };
  const [fiscalYear, setFiscalYear] = useState<string | null>(search.year ?? null);
  const [quarter, setQuarter] = useState<string | null>(null);
  const { page, setPage, filter } = usePage();
  const [editing, setEditing] = useState<Lesson | 'new' | null>(null);
  const params = { unit, fiscalYear, quarter, page, pageSize: 10 };
  const list = useLessonList(params, !!unit);
  const remove = useDeleteLesson();
  const mayWrite = isDistrict(unit) && me?.orgUnit.code === unit && can(me, 'pipeline.write');
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <PageHeader title={t('lessons.title')} addLabel={t('lessons.add')} onAdd={mayWrite ? () => setEditing('new') : undefined} />
      <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-end">
        <Select
          label={t('lessons.fields.fiscalYear')}
          placeholder={t('lessons.filters.allYears')}
          clearable
          data={lessonYearOptions().map((y) => ({ value: y, label: y }))}
          value={fiscalYear}
          onChange={filter(setFiscalYear)}
        />
        <Select
          label={t('lessons.fields.quarter')}
          placeholder={t('lessons.filters.allQuarters')}
          clearable
          data={[1, 2, 3, 4].map((q) => ({ value: String(q), label: t('lessons.quarterN', { quarter: q }) }))}
          value={quarter}
          onChange={filter(setQuarter)}
        />
      </Group>
      <ErrorAlert error={list.error ?? remove.error} />
      {list.isPending && <Skeleton h={160} />}
      {list.data?.total === 0 &&
        (fiscalYear || quarter ? (
          <EmptyState title={t('lessons.noMatch')} />
        ) : (
          <EmptyState
            title={t('lessons.empty')}
            hint={t('lessons.emptyHint')}
            actionLabel={t('lessons.add')}
            onAction={mayWrite ? () => setEditing('new') : undefined}
          />
        ))}
      {items.length > 0 && (
        <Group justify="flex-end">
          <ExportMenu source={{ path: '/api/lessons', params }} />
        </Group>
      )}
      {items.map((l) => (
        <LessonCard key={l.id} lesson={l} mayWrite={!!mayWrite} onEdit={() => setEditing(l)} onDelete={() => remove.mutate(l)} />
      ))}
      {list.data && list.data.total > list.data.pageSize && (
        <Pagination total={Math.ceil(list.data.total / list.data.pageSize)} value={page} onChange={setPage} size="sm" />
      )}
      {editing && unit && (
        <LessonForm lesson={editing === 'new' ? undefined : editing} unit={unit} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

function LessonCard({
  lesson: l,
  mayWrite,
  onEdit,
  onDelete,
}: {
  lesson: Lesson;
  mayWrite: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useLanguage();
  const unit = useCurrentUnitCode();
  const planLink = (p: { id: number; title: string }) => (
    <Anchor key={p.id} renderRoot={(r) => <Link {...r} to="/plans/$id" params={{ id: String(p.id) }} search={{ unit }} />}>
      {p.title}
    </Anchor>
  );
  const part = l.quarter ? t('lessons.quarterN', { quarter: l.quarter }) : t('lessons.wholeYear');
  return (
    <Card withBorder data-testid="lesson">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={700}>{t('lessons.period', { year: l.fiscalYear, part })}</Text>
          {mayWrite && (
            <Group gap="xs">
              <Button size="xs" variant="light" onClick={onEdit}>
                {t('records.edit')}
              </Button>
              <Button size="xs" variant="subtle" color="red" onClick={onDelete}>
                {t('lessons.delete')}
              </Button>
            </Group>
          )}
        </Group>
        {[
          ['whatWorked', l.whatWorked],
          ['problems', l.problems],
          ['changes', l.changes],
        ].map(([field, text]) => (
          <Fact key={field} label={t(`lessons.fields.${field}`)}>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</Text>
          </Fact>
        ))}
        <Group gap="xl" align="flex-start">
          <Fact label={t('lessons.fields.plan')}>{l.plan ? planLink(l.plan) : t('lessons.noPlan')}</Fact>
          <Fact label={t('lessons.fields.answeredBy')}>
            {l.answeredBy.length ? <Stack gap={0}>{l.answeredBy.map(planLink)}</Stack> : t('lessons.notAnswered')}
          </Fact>
        </Group>
      </Stack>
    </Card>
  );
}
