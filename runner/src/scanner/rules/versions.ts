// Comparing library version strings as they appear in banners and file names: "3.4.1", "1.9.0b1",
// "3.0.0-rc.1", "1.0.0.beta.3". Numeric parts compare as numbers (a missing part is 0), a pre-release sorts
// before its release, and pre-release identifiers compare as semver does (numbers numerically, words in
// ASCII order, so alpha < beta < rc). The `semver` package would reject half of these strings.

interface ParsedVersion {
  numbers: number[];
  pre: (number | string)[];
}

export function parseVersion(version: string): ParsedVersion | undefined {
  const m = /^v?(\d+(?:\.\d+)*)(?:[-.+]?([0-9A-Za-z][0-9A-Za-z.-]*))?$/.exec(version.trim());
  if (m === null) return undefined;
  const numbers = m[1]!.split('.').map(Number);
  const pre = (m[2] ?? '')
    .split(/[.-]|(?<=\d)(?=[A-Za-z])|(?<=[A-Za-z])(?=\d)/)
    .filter((p) => p !== '')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p.toLowerCase()));
  return { numbers, pre };
}

function compareIdentifiers(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Negative when a < b, 0 when equal, positive when a > b; strings that are not versions sort first. */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  if (pa === undefined || pb === undefined) return pa === pb ? 0 : pa === undefined ? -1 : 1;
  const length = Math.max(pa.numbers.length, pb.numbers.length);
  for (let i = 0; i < length; i++) {
    const d = (pa.numbers[i] ?? 0) - (pb.numbers[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (pa.pre.length === 0 || pb.pre.length === 0) return pa.pre.length === pb.pre.length ? 0 : pa.pre.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.max(pa.pre.length, pb.pre.length); i++) {
    const x = pa.pre[i];
    const y = pb.pre[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const d = compareIdentifiers(x, y);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** atOrAbove ≤ version < below, an absent bound being open. */
export function inRange(version: string, range: { atOrAbove?: string; below?: string }): boolean {
  if (range.atOrAbove !== undefined && compareVersions(version, range.atOrAbove) < 0) return false;
  if (range.below !== undefined && compareVersions(version, range.below) >= 0) return false;
  return true;
}
