/**
 * The example service's entry point, as the container runs it: the platform sets C8Y_BASEURL,
 * C8Y_BOOTSTRAP_TENANT/USER/PASSWORD, APPLICATION_KEY and SERVER_PORT (80).
 */
import { MultiTenantCumulocityApp } from '../src/index.js';
import { createService } from './service.js';

const app = new MultiTenantCumulocityApp();
const listener = app.listen({
  onSubscribed: (tenantId) => console.log(`subscribed: ${tenantId}`),
  onUnsubscribed: (tenantId) => console.log(`unsubscribed: ${tenantId}`),
});
const server = createService(app).listen(Number(process.env.SERVER_PORT ?? 80), () => {
  console.log(`listening on port ${process.env.SERVER_PORT ?? 80}`);
});

process.once('SIGTERM', () => {
  server.close();
  void listener.stop().then(() => app.close());
});
