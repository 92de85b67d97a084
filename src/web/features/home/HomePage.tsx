import { Anchor, Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { codeInScope } from '#shared/access';
import { Fact } from '../../components/Fact';
import { useCurrentUnitCode, useOrgUnit } from '../../hooks/units';
import { useLanguage } from '../../i18n';
import { can, useMe } from '../auth/session';
import { CenterProfileCard } from '../center-profile/CenterProfileCard';
import { useUsers } from '../users/api';
import { MyTasks } from './MyTasks';
import { WorkplanSection } from './Workplan';

/** The unit in view: its name, today's work plan, the signed-in user's tasks, then its facts and the units below it. */
export function HomePage() {
  const { t, nameOf } = useLanguage();
  const { data: me } = useMe();
  const code = useCurrentUnitCode();
  const { data: unit } = useOrgUnit(code);
  const users = useUsers({ unit: code, pageSize: 1 }, !!code && can(me, 'users.read'));
  if (!unit || !me) return <Skeleton h={200} />;
  const coveredChildren = unit.children.filter((c) => c.covered).length;

  return (
    <Stack>
      <Group gap="sm" align="baseline">
        <Title order={1} size="h2">
          {nameOf(unit)}
        </Title>
        <Badge>{t(`levels.${unit.level}`)}</Badge>
        {!unit.covered && (
          <Badge color="dark" variant="outline">
            {t('unit.notCovered')}
          </Badge>
        )}
      </Group>
      {code === me.orgUnit.code && <MyTasks />}
      {can(me, 'pipeline.read') && (
        <WorkplanSection unit={unit.code} mayWrite={can(me, 'pipeline.write') && unit.level === 'district'} />
      )}
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <Fact label={t('unit.code')}>{unit.code}</Fact>
          <Fact label={t('unit.parent')}>{unit.parent ? nameOf(unit.parent) : '—'}</Fact>
          <Fact label={t('unit.center')}>{unit.center ? nameOf(unit.center) : t('unit.noCenter')}</Fact>
          {can(me, 'users.read') && <Fact label={t('unit.users')}>{users.data ? users.data.total : '…'}</Fact>}
        </SimpleGrid>
      </Card>
      {unit.level === 'district' && unit.center && <CenterProfileCard unitCode={unit.code} />}
      {unit.children.length > 0 && (
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            {t('unit.children', { count: unit.children.length })}
            {unit.level !== 'national' && ` · ${t('unit.coveredCount', { count: coveredChildren })}`}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="xs">
            {unit.children.map((c) =>
              codeInScope(me.orgUnit.code, c.code) ? (
                <Anchor key={c.code} renderRoot={(props) => <Link {...props} to="/" search={{ unit: c.code }} />}>
                  {nameOf(c)}{' '}
                  <Text span size="xs" c="gray.7">
                    {c.code}
                  </Text>
                </Anchor>
              ) : (
                <Text key={c.code}>{nameOf(c)}</Text>
              ),
            )}
          </SimpleGrid>
        </Card>
      )}
    </Stack>
  );
}
