import { Anchor, Breadcrumbs, Group, Select, Skeleton, Text } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { codeInScope } from '#shared/access';
import { useMe } from '../features/auth/session';
import { useCurrentUnitCode, useOrgUnit } from '../hooks/units';
import { useLanguage } from '../i18n';

/** Breadcrumb from the nation down to the unit in view, and a picker for the units below it (within scope). */
export function UnitSwitcher() {
  const { t, nameOf } = useLanguage();
  const { data: me } = useMe();
  const code = useCurrentUnitCode();
  const { data: unit, isLoading } = useOrgUnit(code);
  const navigate = useNavigate();
  if (isLoading || !unit || !me) return <Skeleton h={28} />;
  const reachable = (c: string) => codeInScope(me.orgUnit.code, c);
  const children = unit.children.filter((c) => reachable(c.code));

  return (
    <Group gap="sm" wrap="wrap" aria-label={t('unit.switcher')} role="navigation">
      <Breadcrumbs separator="›" separatorMargin={4} style={{ flexWrap: 'wrap' }}>
        {[...unit.ancestors, unit].map((u) =>
          u.code !== unit.code && reachable(u.code) ? (
            <Anchor key={u.code} size="sm" renderRoot={(props) => <Link {...props} to="." search={{ unit: u.code }} />}>
              {nameOf(u)}
            </Anchor>
          ) : (
            <Text
              key={u.code}
              size="sm"
              fw={u.code === unit.code ? 700 : 400}
              aria-current={u.code === unit.code ? 'page' : undefined}
            >
              {nameOf(u)}
            </Text>
          ),
        )}
      </Breadcrumbs>
      {children.length > 0 && (
        <Select
          aria-label={t('unit.choose')}
          placeholder={t('unit.choose')}
          searchable
          size="xs"
          w={240}
          data={children.map((c) => ({ value: c.code, label: `${nameOf(c)} (${c.code})` }))}
          value={null}
          onChange={(value) => value && navigate({ to: '.', search: (prev: object) => ({ ...prev, unit: value }) })}
        />
      )}
    </Group>
  );
}
