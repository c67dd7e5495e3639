/** Every permission a page asks for (camera, microphone, notifications, geolocation, ...) is refused. */
export function denyPermissionRequest(_contents: unknown, _permission: string, callback: (granted: boolean) => void): void {
    callback(false);
}

/** Every permission check answers "not granted". */
export function denyPermissionCheck(): boolean {
    return false;
}
