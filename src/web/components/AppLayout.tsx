import { AppShell, Burger, Center, Group, Loader, Menu, NavLink, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Navigate, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { managesTokens } from '#shared/access';
import { ChangePasswordModal } from '../features/auth/ChangePasswordModal';
import { can, useLogout, useMe } from '../features/auth/session';
import { useCurrentUnitCode } from '../hooks/units';
import { useLanguage } from '../i18n';
import { LanguageToggle } from './LanguageToggle';
import { UnitSwitcher } from './UnitSwitcher';

export function AppLayout() {
  const { t, nameOf } = useLanguage();
  const { data: me, isLoading } = useMe();
  const [navOpen, nav] = useDisclosure(false);
  const [passwordOpen, password] = useDisclosure(false);
  const logout = useLogout();
  const navigate = useNavigate();
  const path = useRouterState({ select: (s) => s.location.pathname });
  const unit = useCurrentUnitCode();

  if (isLoading)
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (!me) return <Navigate to="/login" />;
  // Until a password set by an administrator is changed, the server refuses everything else: ask for it first.
  if (me.mustChangePassword) return <ChangePasswordModal opened required onClose={() => {}} />;

  // Grouped as a district officer thinks of the work; a section shows only if one of its pages does.
  const sections: { label?: string; links: { to: string; label: string; show: boolean }[] }[] = [
    { links: [{ to: '/', label: t('nav.home'), show: true }] },
    {
      label: t('nav.sections.center'),
      links: [
        { to: '/requests', label: t('requests.nav'), show: can(me, 'pipeline.read') },
        { to: '/services', label: t('services.nav'), show: can(me, 'pipeline.read') },
        { to: '/activities', label: t('activities.nav'), show: can(me, 'pipeline.read') },
        { to: '/worklog', label: t('worklog.title'), show: can(me, 'pipeline.read') },
        { to: '/partners', label: t('partners.nav'), show: can(me, 'pipeline.read') },
      ],
    },
    {
      label: t('nav.sections.pipeline'),
      links: [
        { to: '/pipeline', label: t('pipelineNav.pipeline'), show: can(me, 'pipeline.read') },
        { to: '/wisdom', label: t('pipelineNav.wisdom'), show: can(me, 'pipeline.read') },
        { to: '/people', label: t('pipelineNav.people'), show: can(me, 'pipeline.read') },
        { to: '/groups', label: t('pipelineNav.groups'), show: can(me, 'pipeline.read') },
        { to: '/producers', label: t('pipelineNav.producers'), show: can(me, 'pipeline.read') },
        { to: '/products', label: t('pipelineNav.products'), show: can(me, 'pipeline.read') },
        { to: '/certifications', label: t('pipelineNav.certifications'), show: can(me, 'pipeline.read') },
        { to: '/needs', label: t('needs.nav'), show: can(me, 'pipeline.read') },
      ],
    },
    {
      label: t('nav.sections.results'),
      links: [
        { to: '/sales', label: t('sales.nav'), show: can(me, 'pipeline.read') },
        { to: '/funding', label: t('funding.nav'), show: can(me, 'pipeline.read') },
        { to: '/outcomes', label: t('outcomes.nav'), show: can(me, 'pipeline.read') },
      ],
    },
    {
      label: t('nav.sections.plans'),
      links: [
        { to: '/plans', label: t('plans.nav'), show: can(me, 'pipeline.read') },
        { to: '/lessons', label: t('lessons.nav'), show: can(me, 'pipeline.read') },
      ],
    },
    {
      label: t('nav.sections.governance'),
      links: [
        { to: '/dashboards', label: t('dashboards.nav'), show: can(me, 'pipeline.read') },
        { to: '/monitoring', label: t('indicators.nav'), show: can(me, 'pipeline.read') },
        { to: '/reports', label: t('reports.nav'), show: can(me, 'pipeline.read') },
        { to: '/committees', label: t('committees.title'), show: can(me, 'pipeline.read') },
        { to: '/meetings', label: t('meetings.nav'), show: can(me, 'pipeline.read') },
        { to: '/posts', label: t('posts.nav'), show: can(me, 'pipeline.read') },
      ],
    },
    {
      label: t('nav.sections.budget'),
      links: [
        { to: '/budget', label: t('budget.title'), show: can(me, 'budget.read') },
        { to: '/advances', label: t('advances.title'), show: can(me, 'advances.read') },
        { to: '/spending', label: t('rollup.nav'), show: can(me, 'budget.read') },
        { to: '/delegations', label: t('delegations.nav'), show: can(me, 'budget.read') },
      ],
    },
    {
      label: t('nav.sections.system'),
      links: [
        { to: '/users', label: t('nav.users'), show: can(me, 'users.read') },
        { to: '/tokens', label: t('tokens.nav'), show: managesTokens(me.role) },
        { to: '/audit', label: t('nav.audit'), show: can(me, 'audit.read') },
        { to: '/imports', label: t('imports.nav'), show: can(me, 'pipeline.write') || can(me, 'budget.allocate') },
        // Every office that issues letters sets its own prefix there; the department also uploads the emblem.
        { to: '/settings', label: t('budget.documents.title'), show: can(me, 'documents.issue') || can(me, 'documents.emblem') },
      ],
    },
  ];

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpen } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={navOpen} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Text fw={700} size="lg">
              {t('app.name')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageToggle />
            <Menu position="bottom-end">
              <Menu.Target>
                <UnstyledButton aria-label={me.user.displayName} data-testid="user-menu">
                  <Text size="sm" truncate maw={{ base: 120, sm: 260 }}>
                    {me.user.username}
                  </Text>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me.user.displayName}</Menu.Label>
                <Menu.Label>
                  {t(`roles.${me.role}`)} · {nameOf(me.orgUnit)}
                </Menu.Label>
                <Menu.Item onClick={password.open}>{t('auth.changePassword')}</Menu.Item>
                <Menu.Item color="red" onClick={() => logout.mutate(undefined, { onSuccess: () => navigate({ to: '/login' }) })}>
                  {t('auth.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.menu')}>
        <AppShell.Section grow component={ScrollArea} type="scroll">
          {sections.map((section) => {
            const shown = section.links.filter((l) => l.show);
            if (!shown.length) return null;
            return (
              <Stack key={section.label ?? 'top'} gap={0} mb={6}>
                {section.label && (
                  <Text size="xs" fw={700} c="gray.7" px="sm" pt={6} pb={2}>
                    {section.label}
                  </Text>
                )}
                {shown.map((l) => (
                  <NavLink
                    key={l.to}
                    renderRoot={(props) => <Link {...props} to={l.to} search={{ unit }} />}
                    label={l.label}
                    variant="filled"
                    active={l.to === '/' ? path === '/' : path.startsWith(l.to)}
                    onClick={nav.close}
                  />
                ))}
              </Stack>
            );
          })}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Stack gap="md" maw={1200}>
          <UnitSwitcher />
          <Outlet />
        </Stack>
      </AppShell.Main>
      <ChangePasswordModal opened={passwordOpen} onClose={password.close} />
    </AppShell>
  );
}
