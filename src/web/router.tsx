import { createRootRoute, createRoute, createRouter, Outlet } from '@tanstack/react-router';
import { orgUnitCodeSchema } from '#shared/fields';
import { toQuery } from './api';
import { AppLayout } from './components/AppLayout';
import { AdvancesPage } from './features/advances/AdvancesPage';
import { AuditPage } from './features/audit/AuditPage';
import { LoginPage } from './features/auth/LoginPage';
import { BudgetPage } from './features/budget/BudgetPage';
import { CertificationDetailPage } from './features/certifications/CertificationDetailPage';
import { CertificationsPage } from './features/certifications/CertificationsPage';
import { GroupDetailPage } from './features/groups/GroupDetailPage';
import { GroupsPage } from './features/groups/GroupsPage';
import { HomePage } from './features/home/HomePage';
import { PartnersPage } from './features/partners/PartnersPage';
import { PeoplePage } from './features/people/PeoplePage';
import { PersonDetailPage } from './features/people/PersonDetailPage';
import { PipelinePage } from './features/pipeline/PipelinePage';
import { ProducerDetailPage } from './features/producers/ProducerDetailPage';
import { ProducersPage } from './features/producers/ProducersPage';
import { ProductDetailPage } from './features/products/ProductDetailPage';
import { ProductsPage } from './features/products/ProductsPage';
import { ServiceDetailPage } from './features/services/ServiceDetailPage';
import { ServicesPage } from './features/services/ServicesPage';
import { UsersPage } from './features/users/UsersPage';
import { WisdomDetailPage } from './features/wisdom/WisdomDetailPage';
import { WisdomListPage } from './features/wisdom/WisdomPage';

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
const auditRoute = createRoute({ getParentRoute: () => appRoute, path: '/audit', component: AuditPage });
const pipelineRoute = createRoute({ getParentRoute: () => appRoute, path: '/pipeline', component: PipelinePage });
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
const advancesRoute = createRoute({ getParentRoute: () => appRoute, path: '/advances', component: AdvancesPage });
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
const servicesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/services',
  component: ServicesPage,
  validateSearch: (search: Record<string, unknown>): { followUp?: 'overdue' } =>
    search.followUp === 'overdue' ? { followUp: 'overdue' } : {},
});
const serviceDetailRoute = createRoute({ getParentRoute: () => appRoute, path: '/services/$id', component: ServiceDetailPage });
const partnersRoute = createRoute({ getParentRoute: () => appRoute, path: '/partners', component: PartnersPage });

export const router = createRouter({
  routeTree: rootRoute.addChildren([
    loginRoute,
    appRoute.addChildren([
      homeRoute,
      pipelineRoute,
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
      budgetRoute,
      advancesRoute,
      usersRoute,
      auditRoute,
    ]),
  ]),
  // Plain query strings (?unit=3401), not JSON-encoded values.
  parseSearch: (text) => Object.fromEntries(new URLSearchParams(text)),
  stringifySearch: (search) => toQuery(search as Record<string, string | undefined>),
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
