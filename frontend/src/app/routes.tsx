/** The dashboard's pages. Each page is its own chunk, loaded when first visited. */
import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { createBrowserRouter, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { cloud } from './api/client';
import { keys } from './api/hooks';
import { Layout, RequireSession } from './components/layout';
import { Loading } from './components/ui';
import { recordsQueryOf } from './lib/records-query';
import { NotFoundPage, RouteError } from './pages/errors';

/** A lazily loaded page, optionally only for signed-in users. */
function page(load: () => Promise<ComponentType>, options: { session?: boolean } = {}): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const Page = await load();
      return {
        Component: options.session
          ? () => (
              <RequireSession>
                <Page />
              </RequireSession>
            )
          : Page,
      };
    },
  };
}

/**
 * Starts a page's requests while its code loads (no waterfall): the loaders only prefetch into the
 * query cache, which the page's hooks then read, and never hold the navigation up.
 */
function prefetching(queryClient: QueryClient) {
  return {
    project: ({ params, request }: LoaderFunctionArgs) => {
      const id = params.id ?? '';
      const search = new URL(request.url).searchParams;
      void queryClient.prefetchQuery({ queryKey: keys.project(id), queryFn: () => cloud.projects.get(id) });
      if ((search.get('tab') ?? 'records') === 'records') {
        const query = recordsQueryOf(search);
        void queryClient.prefetchQuery({ queryKey: keys.projectRecords(id, query), queryFn: () => cloud.projects.records(id, query) });
      }
      return null;
    },
    record: ({ params }: LoaderFunctionArgs) => {
      const id = params.id ?? '';
      void queryClient.prefetchQuery({ queryKey: keys.record(id), queryFn: () => cloud.records.get(id) });
      return null;
    },
  };
}

/** Every route of the app. */
function routesOf(queryClient: QueryClient): RouteObject[] {
  const prefetch = prefetching(queryClient);
  return [
    {
      path: '/',
      element: <Layout />,
      errorElement: <RouteError />,
      hydrateFallbackElement: <Loading />,
      children: [
        { index: true, ...page(() => import('./pages/home').then((m) => m.HomePage)) },
        { path: 'explore', ...page(() => import('./pages/explore').then((m) => m.ExplorePage)) },
        { path: 'signin', ...page(() => import('./pages/auth').then((m) => m.SignInPage)) },
        { path: 'signup', ...page(() => import('./pages/auth').then((m) => m.SignUpPage)) },
        { path: 'account', ...page(() => import('./pages/account').then((m) => m.AccountPage), { session: true }) },
        { path: 'projects', ...page(() => import('./pages/projects').then((m) => m.ProjectsPage), { session: true }) },
        { path: 'projects/new', ...page(() => import('./pages/project-form').then((m) => m.NewProjectPage), { session: true }) },
        { path: 'projects/:id', loader: prefetch.project, ...page(() => import('./pages/project').then((m) => m.ProjectPage)) },
        { path: 'projects/:id/edit', ...page(() => import('./pages/project-form').then((m) => m.EditProjectPage), { session: true }) },
        { path: 'projects/:id/records/new', ...page(() => import('./pages/record-form').then((m) => m.NewRecordPage), { session: true }) },
        { path: 'records/:id', loader: prefetch.record, ...page(() => import('./pages/record').then((m) => m.RecordPage)) },
        { path: 'r/:id', loader: prefetch.record, ...page(() => import('./pages/permalink').then((m) => m.PermalinkPage)) },
        { path: 'compare/:a/:b', ...page(() => import('./pages/compare').then((m) => m.ComparePage)) },
        { path: 'requests', ...page(() => import('./pages/requests').then((m) => m.RequestsPage), { session: true }) },
        { path: 'requests/:id', ...page(() => import('./pages/request').then((m) => m.RequestPage)) },
        { path: 'shared/:secret', ...page(() => import('./pages/shared').then((m) => m.SharedPage)) },
        { path: 'shared/:secret/records/:id', ...page(() => import('./pages/shared').then((m) => m.SharedRecordPage)) },
        { path: 'shared/:secret/compare/:a/:b', ...page(() => import('./pages/shared').then((m) => m.SharedComparePage)) },
        { path: 'notifications', ...page(() => import('./pages/notifications').then((m) => m.NotificationsPage), { session: true }) },
        { path: 'unsubscribe', ...page(() => import('./pages/notifications').then((m) => m.UnsubscribePage)) },
        { path: 'reproductions', ...page(() => import('./pages/reproductions').then((m) => m.ReproductionsPage), { session: true }) },
        { path: 'reproductions/:id', ...page(() => import('./pages/reproductions').then((m) => m.ReproductionPage), { session: true }) },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}

/** The router of the app (browser history: real URLs, deep links, back and forward). */
export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(routesOf(queryClient));
}
