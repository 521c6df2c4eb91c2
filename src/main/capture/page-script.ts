/**
 * The page code (page/) bundled into one script. A build puts the bundle here in place of this
 * module (scripts/page-script.mjs); run from the sources (vitest, tsx), it is bundled on first use.
 */
let bundled: Promise<string> | undefined;

export function pageScript(): Promise<string> {
  bundled ??= import('../../../scripts/page-script.mjs').then((m) => m.bundlePageScript());
  return bundled;
}
