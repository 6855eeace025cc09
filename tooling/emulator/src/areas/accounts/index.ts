/** Public helpers of the users/applications/tenant areas (re-exported by the package root). */
import type { TenantRegistry } from '../../auth/tenants.js';
import { resetTokens } from './directory.js';

export { registerMicroservice } from './applications.js';
export type { EmulatorHandle, RegisteredMicroservice, RegisterMicroserviceOptions } from './applications.js';
export { totp } from './secrets.js';

/**
 * The token `POST /user/passwordReset` created for `email` in `tenantId` (the emulator sends no
 * mail), for `PUT /user/passwordReset {token, email, newPassword}`.
 */
export function passwordResetToken(emulator: { readonly tenants: TenantRegistry }, tenantId: string, email: string): string | undefined {
  const tenant = emulator.tenants.get(tenantId);
  return tenant ? resetTokens(tenant).get(email.toLowerCase()) : undefined;
}
