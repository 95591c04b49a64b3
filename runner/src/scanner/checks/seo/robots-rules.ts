// Reading robots.txt: rule matching comes from robots-parser (the same library Lighthouse uses), plus a
// syntax pass for the lines crawlers silently skip.
import robotsParserModule from 'robots-parser';

type RobotsParser = typeof robotsParserModule.default;
export type Robots = ReturnType<RobotsParser>;

// robots-parser is CommonJS (`module.exports = fn`) but its types declare an ES default export; from ESM,
// Node hands us module.exports itself, so the "default" the types promise is the module.
const robotsParser: RobotsParser =
  typeof robotsParserModule === 'function' ? (robotsParserModule as RobotsParser) : robotsParserModule.default;

/** Parses robots.txt text as served at `robotsUrl`; rules only answer for URLs of that origin. */
export function parseRobots(robotsUrl: string, text: string): Robots {
  return robotsParser(robotsUrl, text);
}

/** robots.txt text without a UTF-8 byte order mark, which Google also ignores. */
export function robotsText(body: Buffer): string {
  return body.toString('utf8').replace(/^\uFEFF/, '');
}

// Directives of RFC 9309 plus the extensions major crawlers read (Google, Bing, Yandex).
const KNOWN = new Set(['user-agent', 'allow', 'disallow', 'sitemap', 'crawl-delay', 'clean-param', 'host', 'request-rate', 'visit-time', 'noindex', 'content-signal']);

export interface RobotsLineError {
  line: number;
  text: string;
  problem: string;
}

/** Lines a crawler cannot use: no "name: value", unknown names, rules outside a group, bad paths or sitemap URLs. */
export function robotsSyntaxErrors(text: string): RobotsLineError[] {
  const errors: RobotsLineError[] = [];
  let inGroup = false;
  text.split(/\r\n|\r|\n/).forEach((original, index) => {
    const line = (original.split('#')[0] ?? '').trim();
    if (line === '') return;
    const push = (problem: string): void => void errors.push({ line: index + 1, text: original.trim(), problem });
    const colon = line.indexOf(':');
    if (colon === -1) return push('not a "name: value" line');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (!KNOWN.has(name)) return push(`unknown directive "${name}"`);
    if (name === 'user-agent') {
      inGroup = true;
      if (value === '') push('empty user-agent');
      return;
    }
    if (name === 'allow' || name === 'disallow') {
      if (!inGroup) return push(`${name} before any user-agent line`);
      if (value !== '' && !value.startsWith('/') && !value.startsWith('*')) return push('path does not start with "/" or "*"');
      return;
    }
    if (name === 'sitemap') {
      const url = URL.parse(value);
      if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) push('sitemap is not an absolute http(s) URL');
    }
  });
  return errors;
}
