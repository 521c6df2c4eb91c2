import { readFileSync } from 'node:fs';
import os from 'node:os';

/**
 * The operating system as people name it ("Windows 11 Pro (build 26100)", "macOS 15",
 * "Debian GNU/Linux 12 (bookworm)"), not the kernel string os.release() gives.
 * - Windows: os.version() reads the registry's ProductName, which still says "Windows 10" on
 *   Windows 11; Microsoft tells them apart by build, 22000 and up being Windows 11
 *   (https://learn.microsoft.com/windows/release-health/windows11-release-information).
 * - macOS: Darwin 20 is macOS 11, each major after it one more, until Apple named the 2025 release 26
 *   after the year (Darwin 25) (https://en.wikipedia.org/wiki/Darwin_(operating_system)#Release_history).
 * - Linux: PRETTY_NAME of /etc/os-release (https://www.freedesktop.org/software/systemd/man/os-release.html).
 */
export function osName(platform: string, release: string, version: string, osRelease: string | null): string {
  if (platform === 'win32') {
    const build = Number(release.split('.')[2] ?? 0);
    const edition = version.replace(/^Windows\s+\d+\s*/i, '').trim();
    return `Windows ${build >= 22_000 ? 11 : 10}${edition ? ` ${edition}` : ''}${build ? ` (build ${build})` : ''}`;
  }
  if (platform === 'darwin') {
    const darwin = Number(release.split('.')[0]);
    return darwin >= 25 ? `macOS ${darwin + 1}` : darwin >= 20 ? `macOS ${darwin - 9}` : `macOS (Darwin ${release})`;
  }
  const pretty = osRelease?.match(/^PRETTY_NAME=("?)(.*)\1$/m)?.[2];
  return pretty || `${platform === 'linux' ? 'Linux' : platform} ${release}`;
}

let current: string | null = null;

/** This machine's operating system, named as osName says (read once: it does not change while the app runs). */
export function currentOsName(): string {
  current ??= readOsName();
  return current;
}

function readOsName(): string {
  let osRelease: string | null = null;
  if (os.platform() === 'linux') {
    try {
      osRelease = readFileSync('/etc/os-release', 'utf8');
    } catch {
      // A Linux without os-release: the kernel's name and release will have to do.
    }
  }
  return osName(os.platform(), os.release(), os.version(), osRelease);
}
