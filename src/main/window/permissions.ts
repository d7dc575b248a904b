import type { Session } from 'electron'
import { isSameOrigin } from './origins'

type PermissionRequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>
type PermissionCheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>

/** Every permission Chromium may ask Electron about (the union in electron.d.ts). */
export type Permission = Parameters<PermissionRequestHandler>[1] | Parameters<PermissionCheckHandler>[1]

/**
 * Copying a quote to the clipboard is the one web permission Quotedesk uses; a sanitized write
 * cannot read anything back (Signal allows the same). Camera, microphone, geolocation,
 * notifications, devices and `openExternal` stay denied: main opens links itself.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>(['clipboard-sanitized-write'])

function isAllowed(permission: string, url: string, trustedOrigin: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission as Permission) && isSameOrigin(url, trustedOrigin)
}

/** For `setPermissionRequestHandler`: `requestingUrl` is the frame's URL (`details.requestingUrl`). */
export function decidePermission(permission: string, requestingUrl: string, trustedOrigin: string): boolean {
  return isAllowed(permission, requestingUrl, trustedOrigin)
}

/** For `setPermissionCheckHandler`: `requestingOrigin` is an origin such as `app://quotedesk`. */
export function decidePermissionCheck(permission: string, requestingOrigin: string, trustedOrigin: string): boolean {
  return isAllowed(permission, requestingOrigin, trustedOrigin)
}
