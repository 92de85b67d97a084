import { createRootRoute, createRoute, createRouter, Outlet } from '@tanstack/react-router';
import { toQuery } from './api';
import { AppLayout } from './components/AppLayout';
import { AuditPage } from './features/audit/AuditPage';
import { LoginPage } from './features/auth/LoginPage';
import { HomePage } from './features/home/HomePage';
import { UsersPage } from './features/users/UsersPage';

const rootRoute = createRootRoute({ component: Outlet });
const loginRoute = createRoute({ getParentRoute: () => rootRoute, path: '/login', component: LoginPage });
/** Every signed-in page shares the layout and the `?unit=` being looked at. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  component: AppLayout,
  validateSearch: (search: Record<string, unknown>): { unit?: string } =>
    typeof search.unit === 'string' && /^(TH|\d{2}|\d{4})$/.test(search.unit) ? { unit: search.unit } : {},
});
const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage });
const usersRoute = createRoute({ getParentRoute: () => appRoute, path: '/users', component: UsersPage });
const auditRoute = createRoute({ getParentRoute: () => appRoute, path: '/audit', component: AuditPage });

export const router = createRouter({
  routeTree: rootRoute.addChildren([loginRoute, appRoute.addChildren([homeRoute, usersRoute, auditRoute])]),
  // Plain query strings (?unit=3401), not JSON-encoded values.
  parseSearch: (text) => Object.fromEntries(new URLSearchParams(text)),
  stringifySearch: (search) => toQuery(search as Record<string, string | undefined>),
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
