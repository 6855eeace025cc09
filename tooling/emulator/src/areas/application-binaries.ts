import type { Tenant } from '../auth/tenants.js';
import type { RequestContext } from '../server/context.js';
import { errors } from '../server/errors.js';
import { contentDisposition, uploadContentType } from '../server/file-headers.js';
import { parseJsonDocument } from '../server/json-document.js';
import type { MultipartPart } from '../server/multipart.js';
import type { StoredApplication } from './accounts/applications.js';
import { applicationJson } from './accounts/render.js';
import type { AreaApi } from './types.js';

/** One uploaded archive of an application (OAS `ApplicationBinaries.attachments[]`). */
interface Attachment {
  id: string;
  name: string;
  contentType: string;
  created: string;
  data: Buffer;
}

/** One version of an application (OAS `ApplicationVersion`): a version name, its tags and archive. */
interface Version {
  version: string;
  binaryId: string;
  tags: string[];
}

/** The archives and versions of one application. */
interface ApplicationFiles {
  attachments: Map<string, Attachment>;
  versions: Version[];
}

/** Version names and tags: letters, digits, `.`, `+`, `-` (OAS, "Create an application version"). */
const VERSION_TEXT = /^[A-Za-z0-9.+-]{1,100}$/;
/** Tags one version may carry. */
const MAX_TAGS = 20;
const LATEST = 'latest';

/** Archives and versions by application id, kept with the owner tenant's data (`reset()` drops them). */
const filesByApplication = (owner: Tenant) => owner.data('applications.files', () => new Map<string, ApplicationFiles>());

/** The application's archives and versions, created for a write. */
function filesOf(owner: Tenant, app: StoredApplication): ApplicationFiles {
  const all = filesByApplication(owner);
  let files = all.get(app.id);
  if (!files) all.set(app.id, (files = { attachments: new Map(), versions: [] }));
  return files;
}

const NO_FILES: ApplicationFiles = { attachments: new Map(), versions: [] };

/** The application's archives and versions for a read (reading never creates an entry). */
function peekFiles(owner: Tenant | undefined, app: StoredApplication): ApplicationFiles {
  return (owner && filesByApplication(owner).get(app.id)) ?? NO_FILES;
}

/**
 * Whether `app` has versions (the `applicationVersions` field is not empty): what
 * `GET /application/applications?hasVersions=` filters by.
 *
 * @example
 * ```ts
 * const withVersions = apps.filter((app) => hasVersions(ctx.emu.tenants.get(app.owner), app));
 * ```
 */
export function hasVersions(owner: Tenant | undefined, app: StoredApplication): boolean {
  return peekFiles(owner, app).versions.length > 0;
}

/**
 * Forgets the archives and versions of a deleted application.
 *
 * @example
 * ```ts
 * forgetFiles(ctx.tenant, app);
 * ```
 */
export function forgetFiles(owner: Tenant, app: StoredApplication): void {
  filesByApplication(owner).delete(app.id);
}

/** The owner tenant of an application the caller owns. */
function ownerOf(ctx: RequestContext, app: StoredApplication): Tenant {
  const owner = ctx.emu.tenants.get(app.owner);
  if (!owner) throw errors.notFound('applications', `Could not find application by ID ${app.id}`);
  return owner;
}

/** The content type an archive part is stored with: 422 for one no response header can carry. */
const archiveType = (part: MultipartPart): string => uploadContentType(part.contentType ?? 'application/zip', 'applications');

/** The `file`-like part named `name` (a part with bytes), or 422/400. */
function filePart(parts: readonly MultipartPart[], name: string): MultipartPart {
  const part = parts.find((p) => p.name === name);
  if (!part) throw errors.badRequest('applications', `Missing part "${name}"`);
  if (part.data.length === 0) throw errors.invalidData('applications', `Part "${name}" is empty`);
  return part;
}

/**
 * Stores an archive whose content type was checked (`archiveType`); the application's active
 * version becomes it.
 */
function store(ctx: RequestContext, app: StoredApplication, files: ApplicationFiles, part: MultipartPart, contentType: string): Attachment {
  const attachment: Attachment = {
    id: ctx.emu.ids.next(),
    name: part.filename && part.filename !== '' ? part.filename : `${app.name}.zip`,
    contentType,
    created: ctx.now(),
    data: Buffer.from(part.data),
  };
  files.attachments.set(attachment.id, attachment);
  app.doc = { ...app.doc, activeVersionId: attachment.id };
  return attachment;
}

/** The `applicationVersions` field a rendering shows, in the stored document (removed when empty). */
function syncVersions(app: StoredApplication, files: ApplicationFiles): void {
  const { applicationVersions: _dropped, ...doc } = app.doc;
  app.doc = files.versions.length === 0 ? doc : { ...doc, applicationVersions: files.versions.map(versionJson) };
}

const versionJson = (v: Version) => ({ version: v.version, binaryId: v.binaryId, tags: [...v.tags] });

/** The `applicationVersion` part: `{ version, tags? }` with the OAS's character rules (422), unique (409). */
function parseVersion(part: MultipartPart, files: ApplicationFiles): { version: string; tags: string[] } {
  const json = parseJsonDocument(part.data.toString('utf8'), 'applications');
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw errors.invalidData('applications', 'applicationVersion must be a JSON object');
  const { version, tags = [] } = json as { version?: unknown; tags?: unknown };
  if (typeof version !== 'string' || !VERSION_TEXT.test(version))
    throw errors.invalidData('applications', 'version is required and may contain only letters, digits, ".", "+" and "-"');
  if (!Array.isArray(tags) || tags.length > MAX_TAGS || !tags.every((t): t is string => typeof t === 'string' && VERSION_TEXT.test(t)))
    throw errors.invalidData('applications', `tags must be an array of at most ${MAX_TAGS} names of letters, digits, ".", "+" and "-"`);
  const taken = new Set(files.versions.flatMap((v) => [v.version, ...v.tags.filter((t) => t !== LATEST)]));
  for (const name of [version, ...tags]) if (name !== LATEST && taken.has(name)) throw errors.conflict('applications', `Version or tag ${name} already exists`);
  return { version, tags: [...new Set(tags)] };
}

/** What the binary routes need of the applications area. */
export interface ApplicationLookup {
  /** An application the caller can see, else 404. */
  find(ctx: RequestContext, id: string): StoredApplication;
  /** An application the caller's tenant owns, else 404/403. */
  owned(ctx: RequestContext, id: string): StoredApplication;
}

/**
 * Registers the archives and versions of applications:
 * - `POST …/{id}/binaries` (multipart, part `file`) → 201 with the application, whose
 *   `activeVersionId` is the new archive's id;
 * - `GET …/{id}/binaries` → `{attachments: [{id, name, contextPath, created, length, downloadUrl}]}`;
 * - `GET …/{id}/binaries/{binaryId}` → the archive; `DELETE` → 204 (the active one → 409);
 * - `POST …/{id}/versions` (multipart, parts `applicationBinary` and `applicationVersion`
 *   `{version, tags}`) → 201 `ApplicationVersion`; the newest version carries the `latest` tag and
 *   is active; `GET …/{id}/versions` → `{versions: […]}`.
 * Only the owner tenant writes (ROLE_APPLICATION_MANAGEMENT_ADMIN); archives are not unpacked.
 *
 * @example
 * ```ts
 * registerApplicationBinaries(api, { find, owned });
 * ```
 */
export function registerApplicationBinaries(api: AreaApi, { find, owned }: ApplicationLookup): void {
  const ADMIN = ['ROLE_APPLICATION_MANAGEMENT_ADMIN'];
  const READ = ['ROLE_APPLICATION_MANAGEMENT_READ', 'ROLE_APPLICATION_MANAGEMENT_ADMIN'];

  api.post(
    '/application/applications/:id/binaries',
    (ctx) => {
      const app = owned(ctx, ctx.param('id'));
      if (app.type === 'EXTERNAL') throw errors.invalidData('applications', 'An EXTERNAL application has no archive');
      const part = filePart(ctx.body.multipart(), 'file');
      const contentType = archiveType(part);
      // Validated whole before anything is stored: a refused upload changes nothing.
      store(ctx, app, filesOf(ownerOf(ctx, app), app), part, contentType);
      return ctx.created(applicationJson(ctx, app), 'application');
    },
    { roles: ADMIN, body: 'multipart' },
  );

  api.get(
    '/application/applications/:id/binaries',
    (ctx) => {
      const app = owned(ctx, ctx.param('id'));
      const base = `/application/applications/${app.id}/binaries`;
      const attachments = [...peekFiles(ownerOf(ctx, app), app).attachments.values()].map((a) => ({
        id: a.id,
        name: a.name,
        ...(typeof app.doc.contextPath === 'string' ? { contextPath: app.doc.contextPath } : {}),
        created: a.created,
        length: a.data.length,
        downloadUrl: ctx.url(`${base}/${a.id}`),
      }));
      return ctx.ok({ attachments }, 'applicationbinaries');
    },
    { roles: ADMIN },
  );

  const attachmentOf = (ctx: RequestContext, app: StoredApplication): Attachment => {
    const attachment = peekFiles(ownerOf(ctx, app), app).attachments.get(ctx.param('binaryId'));
    if (!attachment) throw errors.notFound('applications', `Could not find binary ${ctx.param('binaryId')} of application ${app.id}`);
    return attachment;
  };

  api.get(
    '/application/applications/:id/binaries/:binaryId',
    (ctx) => {
      const attachment = attachmentOf(ctx, owned(ctx, ctx.param('id')));
      return ctx.raw(200, attachment.data, attachment.contentType, { 'Content-Disposition': contentDisposition(attachment.name) });
    },
    { roles: ADMIN },
  );

  api.delete(
    '/application/applications/:id/binaries/:binaryId',
    (ctx) => {
      const app = owned(ctx, ctx.param('id'));
      const attachment = attachmentOf(ctx, app);
      if (app.doc.activeVersionId === attachment.id) throw errors.conflict('applications', 'The active binary of an application cannot be removed', 'Conflict');
      const files = filesOf(ownerOf(ctx, app), app);
      files.attachments.delete(attachment.id);
      files.versions = files.versions.filter((v) => v.binaryId !== attachment.id);
      syncVersions(app, files);
      return ctx.noContent();
    },
    { roles: ADMIN },
  );

  api.post(
    '/application/applications/:id/versions',
    (ctx) => {
      const app = owned(ctx, ctx.param('id'));
      if (app.type === 'EXTERNAL') throw errors.invalidData('applications', "This application doesn't support versioning");
      const parts = ctx.body.multipart();
      const owner = ownerOf(ctx, app);
      const { version, tags } = parseVersion(filePart(parts, 'applicationVersion'), peekFiles(owner, app));
      const binary = filePart(parts, 'applicationBinary');
      const contentType = archiveType(binary);
      // Validated whole before anything is stored: a refused version changes nothing.
      const files = filesOf(owner, app);
      const attachment = store(ctx, app, files, binary, contentType);
      for (const v of files.versions) v.tags = v.tags.filter((t) => t !== LATEST);
      const created: Version = { version, binaryId: attachment.id, tags: [...tags.filter((t) => t !== LATEST), LATEST] };
      files.versions.push(created);
      syncVersions(app, files);
      return ctx.created(versionJson(created), 'applicationVersion');
    },
    { roles: ADMIN, body: 'multipart' },
  );

  api.get(
    '/application/applications/:id/versions',
    (ctx) => {
      const app = find(ctx, ctx.param('id'));
      if (app.type === 'EXTERNAL') throw errors.invalidData('applications', "This application doesn't support versioning");
      const versions = peekFiles(ctx.emu.tenants.get(app.owner), app).versions.map(versionJson);
      return ctx.ok({ versions }, 'applicationVersionCollection');
    },
    { roles: READ },
  );
}
