import { createRootRoute, createRoute, createRouter, lazyRouteComponent, Outlet } from '@tanstack/react-router';
import { orgUnitCodeSchema } from '#shared/fields';
import { toQuery } from './api';
import { LoginPage } from './features/auth/LoginPage';

/**
 * Each page loads with its route, and so does the signed-in layout: the sign-in page downloads only what it needs
 * (measured in npm run bench).
 */
const AppLayout = lazyRouteComponent(() => import('./components/AppLayout'), 'AppLayout');
const AdvancesPage = lazyRouteComponent(() => import('./features/advances/AdvancesPage'), 'AdvancesPage');
const AuditPage = lazyRouteComponent(() => import('./features/audit/AuditPage'), 'AuditPage');
const BudgetPage = lazyRouteComponent(() => import('./features/budget/BudgetPage'), 'BudgetPage');
const ImportsPage = lazyRouteComponent(() => import('./features/imports/ImportsPage'), 'ImportsPage');
const DelegationsPage = lazyRouteComponent(() => import('./features/delegations/DelegationsPage'), 'DelegationsPage');
const RollupPage = lazyRouteComponent(() => import('./features/rollup/RollupPage'), 'RollupPage');
const CertificationDetailPage = lazyRouteComponent(
  () => import('./features/certifications/CertificationDetailPage'),
  'CertificationDetailPage',
);
const CertificationsPage = lazyRouteComponent(() => import('./features/certifications/CertificationsPage'), 'CertificationsPage');
const GroupDetailPage = lazyRouteComponent(() => import('./features/groups/GroupDetailPage'), 'GroupDetailPage');
const GroupsPage = lazyRouteComponent(() => import('./features/groups/GroupsPage'), 'GroupsPage');
const HomePage = lazyRouteComponent(() => import('./features/home/HomePage'), 'HomePage');
const PeoplePage = lazyRouteComponent(() => import('./features/people/PeoplePage'), 'PeoplePage');
const PersonDetailPage = lazyRouteComponent(() => import('./features/people/PersonDetailPage'), 'PersonDetailPage');
const PipelinePage = lazyRouteComponent(() => import('./features/pipeline/PipelinePage'), 'PipelinePage');
const DashboardsPage = lazyRouteComponent(() => import('./features/dashboards/DashboardsPage'), 'DashboardsPage');
const ProducerDetailPage = lazyRouteComponent(() => import('./features/producers/ProducerDetailPage'), 'ProducerDetailPage');
const ProducersPage = lazyRouteComponent(() => import('./features/producers/ProducersPage'), 'ProducersPage');
const ProductDetailPage = lazyRouteComponent(() => import('./features/products/ProductDetailPage'), 'ProductDetailPage');
const ProductsPage = lazyRouteComponent(() => import('./features/products/ProductsPage'), 'ProductsPage');
const SettingsPage = lazyRouteComponent(() => import('./features/settings/SettingsPage'), 'SettingsPage');
const UsersPage = lazyRouteComponent(() => import('./features/users/UsersPage'), 'UsersPage');
const TokensPage = lazyRouteComponent(() => import('./features/tokens/TokensPage'), 'TokensPage');
const WisdomDetailPage = lazyRouteComponent(() => import('./features/wisdom/WisdomDetailPage'), 'WisdomDetailPage');
const WisdomListPage = lazyRouteComponent(() => import('./features/wisdom/WisdomPage'), 'WisdomListPage');
const ActivitiesPage = lazyRouteComponent(() => import('./features/activities/ActivitiesPage'), 'ActivitiesPage');
const ActivityDetailPage = lazyRouteComponent(() => import('./features/activities/ActivityDetailPage'), 'ActivityDetailPage');
const PartnersPage = lazyRouteComponent(() => import('./features/partners/PartnersPage'), 'PartnersPage');
const ServiceDetailPage = lazyRouteComponent(() => import('./features/services/ServiceDetailPage'), 'ServiceDetailPage');
const ServicesPage = lazyRouteComponent(() => import('./features/services/ServicesPage'), 'ServicesPage');
const WorklogPage = lazyRouteComponent(() => import('./features/worklog/WorklogPage'), 'WorklogPage');
const MonitoringPage = lazyRouteComponent(() => import('./features/indicators/MonitoringPage'), 'MonitoringPage');
const NeedsPage = lazyRouteComponent(() => import('./features/needs/NeedsPage'), 'NeedsPage');
const PlansPage = lazyRouteComponent(() => import('./features/plans/PlansPage'), 'PlansPage');
const PlanDetailPage = lazyRouteComponent(() => import('./features/plans/PlanDetailPage'), 'PlanDetailPage');
const ProjectPage = lazyRouteComponent(() => import('./features/plans/ProjectPage'), 'ProjectPage');
const LessonsPage = lazyRouteComponent(() => import('./features/lessons/LessonsPage'), 'LessonsPage');
const SalesPage = lazyRouteComponent(() => import('./features/sales/SalesPage'), 'SalesPage');
const FundingPage = lazyRouteComponent(() => import('./features/funding/FundingPage'), 'FundingPage');
const OutcomesPage = lazyRouteComponent(() => import('./features/outcomes/OutcomesPage'), 'OutcomesPage');
const RequestsPage = lazyRouteComponent(() => import('./features/requests/RequestsPage'), 'RequestsPage');
const RequestDetailPage = lazyRouteComponent(() => import('./features/requests/RequestDetailPage'), 'RequestDetailPage');
const CommitteesPage = lazyRouteComponent(() => import('./features/committees/CommitteesPage'), 'CommitteesPage');
const CommitteeNewPage = lazyRouteComponent(() => import('./features/committees/CommitteeNewPage'), 'CommitteeNewPage');
const CommitteeDetailPage = lazyRouteComponent(() => import('./features/committees/CommitteeDetailPage'), 'CommitteeDetailPage');
const MeetingsPage = lazyRouteComponent(() => import('./features/meetings/MeetingsPage'), 'MeetingsPage');
const NewMeetingPage = lazyRouteComponent(() => import('./features/meetings/MeetingForm'), 'NewMeetingPage');
const MeetingDetailPage = lazyRouteComponent(() => import('./features/meetings/MeetingDetailPage'), 'MeetingDetailPage');
const PostsPage = lazyRouteComponent(() => import('./features/posts/PostsPage'), 'PostsPage');
const NewPostPage = lazyRouteComponent(() => import('./features/posts/PostForm'), 'NewPostPage');
const PostDetailPage = lazyRouteComponent(() => import('./features/posts/PostDetailPage'), 'PostDetailPage');
const ReportsPage = lazyRouteComponent(() => import('./features/reports/ReportsPage'), 'ReportsPage');
const ReportDetailPage = lazyRouteComponent(() => import('./features/reports/ReportDetailPage'), 'ReportDetailPage');

const rootRoute = createRootRoute({ component: Outlet });
const loginRoute = createRoute({ getParentRoute: () => rootRoute, path: '/login', component: LoginPage });
/** Every signed-in page shares the layout and the `?unit=` being looked at. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  component: AppLayout,
  validateSearch: (search: Record<string, unknown>): { unit?: string } =>
    orgUnitCodeSchema.safeParse(search.unit).success ? { unit: search.unit as string } : {},
});
const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage });
const usersRoute = createRoute({ getParentRoute: () => appRoute, path: '/users', component: UsersPage });
const tokensRoute = createRoute({ getParentRoute: () => appRoute, path: '/tokens', component: TokensPage });
const auditRoute = createRoute({ getParentRoute: () => appRoute, path: '/audit', component: AuditPage });
const pipelineRoute = createRoute({ getParentRoute: () => appRoute, path: '/pipeline', component: PipelinePage });
const dashboardsRoute = createRoute({ getParentRoute: () => appRoute, path: '/dashboards', component: DashboardsPage });
const wisdomRoute = createRoute({ getParentRoute: () => appRoute, path: '/wisdom', component: WisdomListPage });
const wisdomDetailRoute = createRoute({ getParentRoute: () => appRoute, path: '/wisdom/$id', component: WisdomDetailPage });
const peopleRoute = createRoute({ getParentRoute: () => appRoute, path: '/people', component: PeoplePage });
const personDetailRoute = createRoute({ getParentRoute: () => appRoute, path: '/people/$id', component: PersonDetailPage });
const groupsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/groups',
  component: GroupsPage,
  validateSearch: (search: Record<string, unknown>): { stage?: string } =>
    typeof search.stage === 'string' ? { stage: search.stage } : {},
});
const groupDetailRoute = createRoute({ getParentRoute: () => appRoute, path: '/groups/$id', component: GroupDetailPage });
const producersRoute = createRoute({ getParentRoute: () => appRoute, path: '/producers', component: ProducersPage });
const producerDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/producers/$id',
  component: ProducerDetailPage,
});
const productsRoute = createRoute({ getParentRoute: () => appRoute, path: '/products', component: ProductsPage });
const productDetailRoute = createRoute({ getParentRoute: () => appRoute, path: '/products/$id', component: ProductDetailPage });
const budgetRoute = createRoute({ getParentRoute: () => appRoute, path: '/budget', component: BudgetPage });
const importsRoute = createRoute({ getParentRoute: () => appRoute, path: '/imports', component: ImportsPage });
const advancesRoute = createRoute({ getParentRoute: () => appRoute, path: '/advances', component: AdvancesPage });
const delegationsRoute = createRoute({ getParentRoute: () => appRoute, path: '/delegations', component: DelegationsPage });
const rollupRoute = createRoute({ getParentRoute: () => appRoute, path: '/spending', component: RollupPage });
const settingsRoute = createRoute({ getParentRoute: () => appRoute, path: '/settings', component: SettingsPage });
const certificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/certifications',
  component: CertificationsPage,
});
const certificationDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/certifications/$id',
  component: CertificationDetailPage,
});
/** `?new=1`: a list page opens its form for a new record (the home page's quick actions). */
const opensForm = (search: Record<string, unknown>) => search.new === 1 || search.new === '1' || search.new === true;

const servicesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/services',
  component: ServicesPage,
  validateSearch: (search: Record<string, unknown>): { followUp?: 'overdue'; new?: true } => ({
    ...(search.followUp === 'overdue' ? { followUp: 'overdue' as const } : {}),
    ...(opensForm(search) ? { new: true as const } : {}),
  }),
});
const serviceDetailRoute = createRoute({ getParentRoute: () => appRoute, path: '/services/$id', component: ServiceDetailPage });
const partnersRoute = createRoute({ getParentRoute: () => appRoute, path: '/partners', component: PartnersPage });
const worklogRoute = createRoute({ getParentRoute: () => appRoute, path: '/worklog', component: WorklogPage });
const monitoringRoute = createRoute({ getParentRoute: () => appRoute, path: '/monitoring', component: MonitoringPage });
const activitiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/activities',
  component: ActivitiesPage,
  validateSearch: (search: Record<string, unknown>): { new?: true } => (opensForm(search) ? { new: true } : {}),
});
const activityDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/activities/$id',
  component: ActivityDetailPage,
});
const needsRoute = createRoute({ getParentRoute: () => appRoute, path: '/needs', component: NeedsPage });
const plansRoute = createRoute({ getParentRoute: () => appRoute, path: '/plans', component: PlansPage });
const planDetailRoute = createRoute({ getParentRoute: () => appRoute, path: '/plans/$id', component: PlanDetailPage });
const projectRoute = createRoute({ getParentRoute: () => appRoute, path: '/plans/projects/$id', component: ProjectPage });
const lessonsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/lessons',
  component: LessonsPage,
  validateSearch: (search: Record<string, unknown>): { year?: string } =>
    typeof search.year === 'string' && /^\d{4}$/.test(search.year) ? { year: search.year } : {},
});
const salesRoute = createRoute({ getParentRoute: () => appRoute, path: '/sales', component: SalesPage });
const fundingRoute = createRoute({ getParentRoute: () => appRoute, path: '/funding', component: FundingPage });
const outcomesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/outcomes',
  component: OutcomesPage,
  validateSearch: (search: Record<string, unknown>): { toVerify?: 'mine' } =>
    search.toVerify === 'mine' ? { toVerify: 'mine' } : {},
});
type RequestsSearch = { tab?: 'referrals'; status?: 'new'; channel?: 'portal'; result?: 'overdue' };
const requestsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/requests',
  component: RequestsPage,
  // "My tasks" links here with ?status=new (&channel=portal for the portal's), or ?tab=referrals&result=overdue.
  validateSearch: (search: Record<string, unknown>): RequestsSearch => ({
    ...(search.tab === 'referrals' ? { tab: 'referrals' } : {}),
    ...(search.status === 'new' ? { status: 'new' } : {}),
    ...(search.channel === 'portal' ? { channel: 'portal' } : {}),
    ...(search.result === 'overdue' ? { result: 'overdue' } : {}),
  }),
});
const requestDetailRoute = createRoute({ getParentRoute: () => appRoute, path: '/requests/$id', component: RequestDetailPage });
const committeesRoute = createRoute({ getParentRoute: () => appRoute, path: '/committees', component: CommitteesPage });
const committeeNewRoute = createRoute({ getParentRoute: () => appRoute, path: '/committees/new', component: CommitteeNewPage });
const committeeDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/committees/$id',
  component: CommitteeDetailPage,
});
const meetingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/meetings',
  component: MeetingsPage,
  // "My tasks" links to the resolutions due with ?tab=resolutions.
  validateSearch: (search: Record<string, unknown>): { tab?: 'resolutions' } =>
    search.tab === 'resolutions' ? { tab: 'resolutions' } : {},
});
const newMeetingRoute = createRoute({ getParentRoute: () => appRoute, path: '/meetings/new', component: NewMeetingPage });
const meetingDetailRoute = createRoute({ getParentRoute: () => appRoute, path: '/meetings/$id', component: MeetingDetailPage });
const postsRoute = createRoute({ getParentRoute: () => appRoute, path: '/posts', component: PostsPage });
const newPostRoute = createRoute({ getParentRoute: () => appRoute, path: '/posts/new', component: NewPostPage });
const postDetailRoute = createRoute({ getParentRoute: () => appRoute, path: '/posts/$id', component: PostDetailPage });
const reportsRoute = createRoute({ getParentRoute: () => appRoute, path: '/reports', component: ReportsPage });
const reportDetailRoute = createRoute({ getParentRoute: () => appRoute, path: '/reports/$id', component: ReportDetailPage });

export const router = createRouter({
  routeTree: rootRoute.addChildren([
    loginRoute,
    appRoute.addChildren([
      homeRoute,
      pipelineRoute,
      dashboardsRoute,
      wisdomRoute,
      wisdomDetailRoute,
      peopleRoute,
      personDetailRoute,
      groupsRoute,
      groupDetailRoute,
      producersRoute,
      producerDetailRoute,
      productsRoute,
      productDetailRoute,
      certificationsRoute,
      certificationDetailRoute,
      servicesRoute,
      serviceDetailRoute,
      partnersRoute,
      worklogRoute,
      activitiesRoute,
      activityDetailRoute,
      needsRoute,
      plansRoute,
      planDetailRoute,
      projectRoute,
      lessonsRoute,
      salesRoute,
      fundingRoute,
      outcomesRoute,
      requestsRoute,
      reportsRoute,
      reportDetailRoute,
      requestDetailRoute,
      committeesRoute,
      committeeNewRoute,
      committeeDetailRoute,
      meetingsRoute,
      newMeetingRoute,
      meetingDetailRoute,
      postsRoute,
      newPostRoute,
      postDetailRoute,
      budgetRoute,
      importsRoute,
      advancesRoute,
      delegationsRoute,
      rollupRoute,
      usersRoute,
      tokensRoute,
      auditRoute,
      settingsRoute,
      monitoringRoute,
    ]),
  ]),
  // A page's code starts loading when the pointer rests on its link, so the click rarely waits.
  defaultPreload: 'intent',
  // Plain query strings (?unit=3401), not JSON-encoded values.
  parseSearch: (text) => Object.fromEntries(new URLSearchParams(text)),
  stringifySearch: (search) => toQuery(search as Record<string, string | undefined>),
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
