import type { Tenant } from '../auth/tenants.js';
import type { RequestContext } from '../server/context.js';
import { errors } from '../server/errors.js';
import { directory } from './accounts/directory.js';
import { generatePassword } from './accounts/secrets.js';
import { objectBody } from './accounts/validate.js';
import { defineArea } from './types.js';

/** Statuses of a new device request (spec enum). */
export type NewDeviceRequestStatus = 'WAITING_FOR_CONNECTION' | 'PENDING_ACCEPTANCE' | 'ACCEPTED';

interface NewDeviceRequest {
  id: string;
  status: NewDeviceRequestStatus;
  tenantId: string;
  owner: string;
  creationTime: string;
  type?: string;
  groupId?: string;
  /** Token the device sent with its credentials request (must match the one given on acceptance). */
  deviceToken?: string;
}

class RequestStore {
  readonly requests = new Map<string, NewDeviceRequest>();
}

const store = (tenant: Tenant): RequestStore => tenant.data('device-bootstrap', () => new RequestStore());

const notFound = (id: string) => errors.notFound('devicecontrol', `Could not find newDeviceRequest by ID ${id}`);

function requestJson(ctx: RequestContext, r: NewDeviceRequest): Record<string, unknown> {
  return {
    id: r.id,
    self: ctx.url(`/devicecontrol/newDeviceRequests/${encodeURIComponent(r.id)}`),
    status: r.status,
    tenantId: r.tenantId,
    owner: r.owner,
    creationTime: r.creationTime,
    ...(r.type !== undefined ? { type: r.type } : {}),
    ...(r.groupId !== undefined ? { groupId: r.groupId } : {}),
  };
}

function find(ctx: RequestContext): NewDeviceRequest {
  const id = ctx.param('requestId');
  const r = store(ctx.tenant).requests.get(id);
  if (!r) throw notFound(id);
  return r;
}

const optionalString = (v: unknown, field: string): string | undefined => {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw errors.invalidData('devicecontrol', `${field} must be a string`);
  return v;
};

/**
 * Device bootstrap: new device requests (register → device polls → accept) and
 * `POST /devicecontrol/deviceCredentials` for the device bootstrap user.
 *
 * The device's first credentials poll moves a request from WAITING_FOR_CONNECTION to
 * PENDING_ACCEPTANCE (and answers 404); only PENDING_ACCEPTANCE requests can be accepted; the next
 * poll after acceptance creates the device user `device_<id>` with a random password in the
 * request's tenant, answers 200 (as the OAS documents; legacy docs said 201) and removes the request.
 */
export const deviceBootstrapArea = defineArea({
  name: 'device-bootstrap',
  resource: 'devicecontrol',
  register(api) {
    api.post(
      '/devicecontrol/newDeviceRequests',
      (ctx) => {
        const body = objectBody(ctx, 'devicecontrol');
        const id = body.id;
        if (typeof id !== 'string' || id.trim() === '') throw errors.invalidData('devicecontrol', 'id (the external id of the device) is required');
        const requests = store(ctx.tenant).requests;
        if (requests.has(id)) throw errors.invalidData('devicecontrol', `A new device request with ID ${id} already exists`);
        if (ctx.tenant.users.has(`device_${id}`)) throw errors.invalidData('devicecontrol', `Device user device_${id} already exists`);
        const type = optionalString(body.type, 'type');
        const groupId = optionalString(body.groupId, 'groupId');
        const r: NewDeviceRequest = {
          id,
          status: 'WAITING_FOR_CONNECTION',
          tenantId: ctx.tenant.id,
          owner: ctx.user.userName,
          creationTime: ctx.now(),
          ...(type !== undefined ? { type } : {}),
          ...(groupId !== undefined ? { groupId } : {}),
        };
        requests.set(id, r);
        return ctx.created(requestJson(ctx, r), 'newdevicerequest');
      },
      { roles: ['ROLE_DEVICE_CONTROL_ADMIN'], jsonTypes: ['newdevicerequest'] },
    );

    api.get(
      '/devicecontrol/newDeviceRequests',
      (ctx) =>
        ctx.ok(
          ctx.page([...store(ctx.tenant).requests.values()], { key: 'newDeviceRequests', restricted: false, map: (r) => requestJson(ctx, r) }),
          'newdevicerequestcollection',
        ),
      { roles: ['ROLE_DEVICE_CONTROL_READ', 'ROLE_DEVICE_CONTROL_ADMIN'] },
    );

    api.get('/devicecontrol/newDeviceRequests/:requestId', (ctx) => ctx.ok(requestJson(ctx, find(ctx)), 'newdevicerequest'), {
      roles: ['ROLE_DEVICE_CONTROL_READ', 'ROLE_DEVICE_CONTROL_ADMIN'],
    });

    // "You can only update its status": to ACCEPTED, once the device has connected.
    api.put(
      '/devicecontrol/newDeviceRequests/:requestId',
      (ctx) => {
        const r = find(ctx);
        const body = objectBody(ctx, 'devicecontrol');
        if (body.status !== 'ACCEPTED') throw errors.invalidData('devicecontrol', 'Only the status can be updated, and only to ACCEPTED');
        if (r.status === 'WAITING_FOR_CONNECTION')
          throw errors.invalidData('devicecontrol', `Device ${r.id} has not connected yet; it can be accepted in status PENDING_ACCEPTANCE`);
        const token = optionalString(body.securityToken, 'securityToken');
        if (token !== undefined && token !== r.deviceToken) throw errors.invalidData('devicecontrol', 'Security token mismatch');
        r.status = 'ACCEPTED';
        return ctx.updated(requestJson(ctx, r), 'newdevicerequest');
      },
      { roles: ['ROLE_DEVICE_CONTROL_ADMIN'], jsonTypes: ['newdevicerequest'] },
    );

    api.delete(
      '/devicecontrol/newDeviceRequests/:requestId',
      (ctx) => {
        const r = find(ctx);
        store(ctx.tenant).requests.delete(r.id);
        return ctx.noContent();
      },
      { roles: ['ROLE_USER_MANAGEMENT_ADMIN', 'ROLE_DEVICE_CONTROL_ADMIN'] },
    );

    api.post(
      '/devicecontrol/deviceCredentials',
      (ctx) => {
        if (!ctx.user.hasAnyRole('ROLE_DEVICE_BOOTSTRAP')) throw errors.forbidden();
        const body = objectBody(ctx, 'devicecontrol');
        const id = body.id;
        if (typeof id !== 'string' || id === '') throw errors.invalidData('devicecontrol', 'id is required');
        const securityToken = optionalString(body.securityToken, 'securityToken');
        // The bootstrap user is global: the request may live in any tenant (accepted ones first).
        const found = ctx.emu.tenants
          .list()
          .map((tenant) => ({ tenant, r: store(tenant).requests.get(id) }))
          .filter((x): x is { tenant: Tenant; r: NewDeviceRequest } => x.r !== undefined)
          .sort((a, b) => Number(b.r.status === 'ACCEPTED') - Number(a.r.status === 'ACCEPTED'))[0];
        if (!found) throw notFound(id);
        const { tenant, r } = found;
        if (r.status !== 'ACCEPTED') {
          if (r.status === 'WAITING_FOR_CONNECTION') r.status = 'PENDING_ACCEPTANCE';
          if (securityToken !== undefined) r.deviceToken = securityToken;
          throw notFound(id);
        }
        const password = generatePassword(ctx.emu);
        const user = tenant.addUser({ userName: `device_${id}`, password, kind: 'device', props: { lastPasswordChange: ctx.now() } });
        directory(tenant).refresh(user);
        store(tenant).requests.delete(id);
        return ctx.ok(
          { id, self: ctx.url(`/devicecontrol/deviceCredentials/${encodeURIComponent(id)}`), tenantId: tenant.id, username: user.userName, password },
          'devicecredentials',
        );
      },
      { bootstrap: ['device'], jsonTypes: ['devicecredentials'] },
    );
  },
});
