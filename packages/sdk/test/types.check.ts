// Compile-time checks of the public types (run by `pnpm typecheck`, which CI runs, and by
// typecheck.test.ts): each `@ts-expect-error` fails the build when the misuse it names compiles.
import type { Alarm, ManagedObject as ManagedObjectType, Measurement as MeasurementType } from '@c8y/model';
import type { RestClient } from '@c8y/rest-core';
import * as browser from '../src/index.js';
import {
  Alarms,
  BasicAuth,
  CumulocityClient,
  getClient,
  Inventory,
  Liters,
  ManagedObject,
  Measurement,
  MultiTenantCumulocityApp,
  Percent,
  SimpleCumulocityApp,
  Tokens,
  type GetClientOptions,
} from '../src/node/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

/** DESIGN.md §2, as written (its `…` bodies as comments, its free names declared). */
export async function publicContract(baseUrl: string, tenantId: string, manyIds: string[], deviceId: string): Promise<void> {
  const c8y = await getClient();   // C8Y_BASEURL, C8Y_TENANT, C8Y_USER, C8Y_PASSWORD, C8Y_TOKEN; prompts on a TTY
  const c8y2 = new CumulocityClient({ baseUrl, tenantId, auth: new BasicAuth('user', 'secret') });

  await c8y.inventory.get('123456');
  await c8y.users.get('mini_me');
  await c8y.identity.get('9876543210', 'c8y_Serial');

  await c8y.inventory.getAll({ name: 'My*', limit: 10 });                 // array
  for await (const e of c8y.events.select({ source: '123456', maxAge: '1d', limit: 100 })) { /* … */ void e; }
  await c8y.inventory.getAll({ query: "name eq 'My*'", limit: 10 });
  void c8y.events.getAll({ source: '123456', dateFrom: '2025-01-01' });       // REST name
  void c8y.events.getAll({ source: '123456', after: '2025-01-01' });          // alternative
  void c8y.events.getAll({ source: '123456', maxAge: '1d' });                 // convenience
  void c8y.inventory.getAll("q=$filter=name eq 'M01' $orderby=lastUpdated");  // raw expression fallback

  await c8y.deviceInventory.getAll({ limit: null, pageSize: 100, workers: 20 });  // concurrent pages
  for await (const [id, name, updated] of c8y.inventory.select({
    type: 'MyDevice', asValues: ['id', ['name', 'undefined'], 'lastUpdated'] })) { /* … */ void [id, name, updated]; }

  await c8y.inventory.update({ my_AdditionalFragment: { essential: true } }, ['123456', '1238957']);
  await c8y.inventory.delete(manyIds, { workers: 20 });

  const obj = await new ManagedObject(c8y, { name: 'MyObject', type: 'my_CustomType' }).create();
  obj.type = 'my_ChangedType'; await obj.update();   // PUT sends only what changed
  obj.get('my_Fragment.value', 42); obj.set('my_Fragment.value', 42);
  void obj.creationTime;      // the JSON string;   obj.creationDateTime: a luxon DateTime
  await obj.delete();

  new Measurement(c8y, { type: 'cx_LevelMeasurement', source: deviceId, time: 'now',
    cx_Levels: { oil: new Liters(8.4), bat: new Percent(85) } });          // → {"value":8.4,"unit":"l"}
  void c8y2;
}

export async function typeChecks(c8y: CumulocityClient): Promise<void> {
  // A CumulocityClient is a RestClient: contexts, model objects and rest-core functions take it.
  const rest: RestClient = c8y;
  new Alarms(c8y);
  CumulocityClient.from(rest);

  // Contexts are typed.
  assertType<Equal<typeof c8y.inventory, Inventory>>();
  assertType<Equal<typeof c8y.tokens, Tokens>>();
  const _alarms = c8y.alarms.getAll({ status: 'ACTIVE' });
  assertType<Equal<typeof _alarms, Promise<Alarm[]>>>();
  const _objects = c8y.inventory.getAll({ name: 'My*', limit: 10 });
  assertType<Equal<typeof _objects, Promise<ManagedObjectType[]>>>();
  const _measurement = c8y.measurements.get('1');
  assertType<Equal<typeof _measurement, Promise<MeasurementType>>>();
  const _client = getClient();
  assertType<Equal<typeof _client, Promise<CumulocityClient>>>();

  // The microservice apps hand out CumulocityClients.
  const app = new SimpleCumulocityApp();
  assertType<Equal<typeof app.client, CumulocityClient>>();
  const _user = app.getUserClient({ authorization: 'Basic x' });
  assertType<Equal<typeof _user, CumulocityClient>>();
  const _tenant = new MultiTenantCumulocityApp().getTenantClient('t100');
  assertType<Equal<typeof _tenant, Promise<CumulocityClient>>>();

  // @ts-expect-error contexts cannot be replaced
  c8y.alarms = new Alarms(c8y);
  // @ts-expect-error a misspelt filter
  void c8y.alarms.getAll({ staus: 'ACTIVE' });
  // @ts-expect-error CumulocityClient.from takes a rest client, not options
  CumulocityClient.from({ baseUrl: 'x' });
  // @ts-expect-error getClient options are closed: a misspelt option
  const _typo: GetClientOptions = { passwrd: 'x' };
  // @ts-expect-error getClient is in the Node entry only
  void browser.getClient;
  // @ts-expect-error startRepl is in the Node entry only
  void browser.startRepl;
  // @ts-expect-error the microservice apps are in the Node entry only
  void browser.SimpleCumulocityApp;
  void _typo;
}
