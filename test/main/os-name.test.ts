import { describe, expect, it } from 'vitest';
import { currentOsName, osName } from '../../src/main/os-name';

describe('osName', () => {
  it('names Windows 11 by its build, though the registry still says Windows 10', () => {
    expect(osName('win32', '10.0.26100', 'Windows 10 Pro', null)).toBe('Windows 11 Pro (build 26100)');
    expect(osName('win32', '10.0.19045', 'Windows 10 Enterprise', null)).toBe('Windows 10 Enterprise (build 19045)');
  });

  it('names macOS by the Darwin release', () => {
    expect(osName('darwin', '24.1.0', 'Darwin Kernel Version 24.1.0', null)).toBe('macOS 15');
    expect(osName('darwin', '25.0.0', 'Darwin Kernel Version 25.0.0', null)).toBe('macOS 26');
  });

  it('names Linux by its os-release, and by the kernel only without one', () => {
    expect(osName('linux', '6.1.0-18-amd64', '#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1', 'NAME="Debian GNU/Linux"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n')).toBe('Debian GNU/Linux 12 (bookworm)');
    expect(osName('linux', '6.1.0-18-amd64', '#1 SMP', null)).toBe('Linux 6.1.0-18-amd64');
  });

  it('names this machine without the kernel build string', () => {
    expect(currentOsName()).not.toMatch(/#\d+ SMP/);
    expect(currentOsName().length).toBeGreaterThan(3);
  });
});
