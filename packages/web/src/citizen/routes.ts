/** The citizen app: `/` (choose a service, look up a request), the report pages under `/report/`, and reports to other endpoints (routed/). */
import type { FastifyInstance } from 'fastify';
import type { WebContext } from '../context.js';
import { translatorFor } from '../request-locale.js';
import { loadServices } from './catalog.js';
import { homePage } from './home-page.js';
import { webJurisdiction } from './jurisdiction.js';
import { sendPublicPage } from './page.js';
import { param, pathAndQuery, publicHandler } from './public-handler.js';
import { registerReportRoutes } from './report-routes.js';
import { registerGeocodeRoute } from './geocode-route.js';
import { registerRoutedReportRoutes } from './routed/routes.js';

export async function registerCitizenRoutes(app: FastifyInstance, web: WebContext): Promise<void> {
  app.get('/', { schema: { hide: true } }, publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    const j = await webJurisdiction(web);
    const services = await loadServices(web.services.store, j, t.locale);
    return sendPublicPage(reply, web, t, {
      title: t('common.report'),
      path: pathAndQuery(request),
      scripts: ['service-filter.js'],
      main: homePage(t, { cityName: j.name, services, query: param(request.query, 'q') }),
    });
  }));
  registerReportRoutes(app, web);
  registerGeocodeRoute(app, web);
  registerRoutedReportRoutes(app, web);
}
