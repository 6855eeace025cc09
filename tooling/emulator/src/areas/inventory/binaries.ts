import type { RequestContext } from '../../server/context.js';
import { errors } from '../../server/errors.js';
import { contentDisposition, uploadContentType } from '../../server/file-headers.js';
import type { AreaApi } from '../types.js';
import { listing, listingProvider, parentsOf } from './listing.js';
import { notFound } from './managed-objects.js';
import { renderBinary } from './render.js';
import { inventoryStore, SERVER_FIELDS, type InventoryStore, type MoRecord, type RelationKind } from './store.js';

const CREATE_ROLES = ['ROLE_INVENTORY_ADMIN', 'ROLE_INVENTORY_CREATE', 'ROLE_BINARY_ADMIN', 'ROLE_BINARY_CREATE', 'ROLE_DEVICE'] as const;
const READ_ROLES = ['ROLE_INVENTORY_READ', 'ROLE_BINARY_READ'] as const;
const ADMIN_ROLES = ['ROLE_INVENTORY_ADMIN', 'ROLE_BINARY_ADMIN'] as const;

const isBinary = (r: MoRecord): boolean => r.doc.c8y_IsBinary !== undefined;

function binary(ctx: RequestContext, store: InventoryStore, roles: readonly string[]): MoRecord {
  const record = store.get(ctx.param('id'));
  if (!record || !isBinary(record)) throw notFound();
  const mayAll = !ctx.user.isDevice && ctx.user.hasAnyRole(...roles);
  if (!mayAll && record.doc.owner !== ctx.user.userName) throw errors.forbidden();
  return record;
}


/** Registers `/inventory/binaries`. */
export function registerBinaries(api: AreaApi): void {
  api.post(
    '/inventory/binaries',
    (ctx) => {
      ctx.requireRole(...CREATE_ROLES);
      const upload = ctx.body.binaryUpload();
      if (!upload.file) throw errors.badRequest('inventory', 'Missing part "file"');
      const object = (upload.object ?? {}) as Record<string, unknown>;
      if (typeof object !== 'object' || Array.isArray(object)) throw errors.badRequest('inventory', 'Part "object" must be a JSON object');
      const fileName = typeof object.name === 'string' ? object.name : (upload.file.filename ?? 'file');
      // The `type` of the object part wins (the spec example and @c8y/client send the file as octet-stream).
      const contentType = uploadContentType(
        (typeof object.type === 'string' && object.type !== '' ? object.type : undefined) ?? upload.file.contentType ?? 'application/octet-stream',
        'inventory',
      );
      const id = ctx.emu.ids.next();
      const now = ctx.now();
      const doc: Record<string, unknown> & { id: string } = { id };
      for (const [k, v] of Object.entries(object)) if (!SERVER_FIELDS.has(k) && k !== 'owner' && v !== null) doc[k] = v;
      Object.assign(doc, {
        name: fileName,
        type: typeof object.type === 'string' ? object.type : contentType,
        c8y_IsBinary: {},
        contentType,
        length: upload.file.data.length,
        owner: ctx.user.userName,
        creationTime: now,
        lastUpdated: now,
      });
      const record = inventoryStore(ctx.tenant).insert(doc);
      record.file = { data: Buffer.from(upload.file.data), contentType, fileName };
      return ctx.created(renderBinary(ctx, record), 'managedobject');
    },
    { body: 'multipart' },
  );

  api.get('/inventory/binaries', (ctx) => {
    const store = inventoryStore(ctx.tenant);
    const spec = listing(store);
    spec.predicates.push(isBinary);
    spec.signature.push('binaries');
    const q = ctx.query;
    const ids = q.get('ids');
    if (ids !== undefined) {
      const wanted = new Set(ids.split(',').map((s) => s.trim()));
      spec.predicates.push((r) => wanted.has(r.id));
      spec.signature.push(`ids=${[...wanted].join(',')}`);
    }
    const relations: Array<[string, RelationKind]> = [
      ['childAssetId', 'childAssets'],
      ['childDeviceId', 'childDevices'],
      ['childAdditionId', 'childAdditions'],
    ];
    for (const [param, kind] of relations) {
      const childId = q.get(param);
      if (childId === undefined) continue;
      const parents = new Set(parentsOf(store, kind, childId).map((r) => r.id));
      spec.predicates.push((r) => parents.has(r.id));
      spec.signature.push(`${param}=${childId}`);
    }
    for (const field of ['owner', 'type'] as const) {
      const value = q.get(field);
      if (value === undefined || value === '') continue;
      spec.predicates.push((r) => r.doc[field] === value);
      spec.signature.push(`${field}=${value}`);
    }
    if (ctx.user.isDevice || !ctx.user.hasAnyRole(...READ_ROLES)) {
      const user = ctx.user.userName;
      spec.predicates.push((r) => r.doc.owner === user);
      spec.signature.push(`visibleTo=${user}`);
    }
    return ctx.ok(
      ctx.page(listingProvider(store, spec), { key: 'managedObjects', map: (r) => renderBinary(ctx, r), restricted: false }),
      'managedobjectcollection',
    );
  });

  api.get('/inventory/binaries/:id', (ctx) => {
    const record = binary(ctx, inventoryStore(ctx.tenant), READ_ROLES);
    const file = record.file ?? { data: Buffer.alloc(0), contentType: 'application/octet-stream', fileName: String(record.doc.name ?? record.id) };
    const headers = { 'Content-Disposition': contentDisposition(file.fileName), 'Accept-Ranges': 'bytes' };
    const range = /^bytes=(\d*)-(\d*)$/.exec(String(ctx.headers.range ?? '').trim());
    if (range && (range[1] !== '' || range[2] !== '')) {
      const size = file.data.length;
      let start: number;
      let end: number;
      if (range[1] === '') {
        start = Math.max(0, size - Number(range[2]));
        end = size - 1;
      } else {
        start = Number(range[1]);
        end = range[2] === '' ? size - 1 : Math.min(Number(range[2]), size - 1);
      }
      if (start >= size || start > end) return ctx.raw(416, '', file.contentType, { 'Content-Range': `bytes */${size}` });
      return ctx.raw(206, file.data.subarray(start, end + 1), file.contentType, { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}` });
    }
    return ctx.raw(200, file.data, file.contentType, headers);
  });

  api.put(
    '/inventory/binaries/:id',
    (ctx) => {
      const store = inventoryStore(ctx.tenant);
      const record = binary(ctx, store, ADMIN_ROLES);
      const contentType = uploadContentType(ctx.body.contentTypeHeader ?? record.file?.contentType ?? 'application/octet-stream', 'inventory');
      const data = Buffer.from(ctx.body.raw);
      record.file = { data, contentType, fileName: record.file?.fileName ?? String(record.doc.name ?? record.id) };
      store.replaceDoc(record, { ...record.doc, contentType, length: data.length, lastUpdated: ctx.now() });
      // The spec answers 201 (not 200) with the updated metadata.
      return ctx.created(renderBinary(ctx, record), 'managedobject');
    },
    { body: 'any' },
  );

  api.delete('/inventory/binaries/:id', (ctx) => {
    const store = inventoryStore(ctx.tenant);
    const record = binary(ctx, store, ADMIN_ROLES);
    store.remove(record.id);
    return ctx.noContent();
  });
}
