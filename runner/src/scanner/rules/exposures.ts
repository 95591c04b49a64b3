// Exposed files as data, in the manner of nuclei's exposure templates (projectdiscovery/nuclei-templates,
// http/exposures/): each rule lists the paths to request and matchers that must ALL hold for a response to
// count, so that a status code alone never proves anything. Collect (collect/probes/exposures.ts) requests
// the paths; the exposed-files check (checks/security/exposed-files.ts) evaluates the matchers
// (exposure-match.ts). Severity follows what leaks: credentials or source code are critical.
import type { Severity } from '../types.js';

export type ExposureMatcher =
  /** The final status is one of these. */
  | { type: 'status'; codes: readonly number[] }
  /** Words in the body (or the raw header lines); `all` requires every word, else any one. */
  | { type: 'word'; words: string[]; all?: boolean; part?: 'body' | 'headers'; caseInsensitive?: boolean }
  /** Regular expressions over the body; `all` requires every one, else any one. */
  | { type: 'regex'; patterns: RegExp[]; all?: boolean }
  /** The media type starts with one of these (or, negated, with none of them). */
  | { type: 'content-type'; types: string[]; negate?: boolean }
  /** The body starts with one of these byte signatures (hex). */
  | { type: 'magic'; signatures: { hex: string; name: string }[] }
  /** The body is not an HTML document (catch-all pages and error pages are HTML). */
  | { type: 'not-html' }
  /** The body parses as a JSON object. */
  | { type: 'json' };

export interface ExposureRule {
  id: string;
  /** What the file is, e.g. "Git repository metadata (.git/HEAD)". */
  title: string;
  /** Probed at STANDARD and DEEP. `{host}` is replaced by the target's host name. */
  paths: string[];
  /** Probed at DEEP only (common variants). */
  deepPaths?: string[];
  /** Paths come from the site's scripts (source maps) instead of the lists above. */
  fromScripts?: boolean;
  severity: Severity;
  /** A matching response with one of these patterns in the body is worse: it carries credentials. */
  escalate?: { patterns: RegExp[]; severity: Severity; reason: string };
  /** What an attacker learns, for the finding's description. */
  leak: string;
  /** Extra request headers (a Range header reads only the start of a dump or an archive). */
  headers?: Record<string, string>;
  /** How much of the body to read; matchers look at the start. */
  maxBytes?: number;
  matchers: ExposureMatcher[];
  /** Show only names, never values, in the evidence (the finding ends up in pull request comments). */
  redact?: boolean;
  remediation: string;
  references: string[];
}

const OK = { type: 'status', codes: [200] } as const;
/** A Range request may be answered with the part (206) or, by servers that ignore Range, the whole (200). */
const OK_OR_PARTIAL = { type: 'status', codes: [200, 206] } as const;
const NOT_HTML = { type: 'not-html' } as const;
/** Enough to recognise every format below; the rest of the file is never needed. */
const HEAD_RANGE = { range: 'bytes=0-4095' };
const SECRET_WORDS = /(?:pass(?:word|wd)?|secret|token|api[_-]?key|private[_-]?key|credential)\w*\s*[:=]\s*["']?[^\s"'$]{3,}/i;

const DENY_DOTFILES =
  'Block every path that starts with a dot at the web server (nginx: `location ~ /\\. { deny all; }`; Apache: `RedirectMatch 404 /\\.`), and keep such files out of the deployed folder (build into a separate output directory).';

export const EXPOSURE_RULES: ExposureRule[] = [
  {
    id: 'git-head',
    title: 'Git repository metadata (.git/HEAD)',
    paths: ['/.git/HEAD'],
    severity: 'critical',
    leak: 'The .git folder is served: with it anyone can download the repository, its whole history and every secret ever committed.',
    matchers: [OK, NOT_HTML, { type: 'regex', patterns: [/^ref: refs\/[\w./-]+\s*$/, /^[0-9a-f]{40}\s*$/] }],
    remediation: `Remove the .git folder from the web root and deploy a build (git archive, CI artifact) instead of a checkout. ${DENY_DOTFILES} Then rotate every secret the repository ever held.`,
    references: ['https://git-scm.com/docs/gitrepository-layout', 'https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/02-Configuration_and_Deployment_Management_Testing/04-Review_Old_Backup_and_Unreferenced_Files_for_Sensitive_Information'],
  },
  {
    id: 'git-config',
    title: 'Git repository configuration (.git/config)',
    paths: ['/.git/config'],
    severity: 'critical',
    leak: 'The .git folder is served: its config names the remote (sometimes with an access token in the URL) and the rest of the folder gives away the source code.',
    matchers: [OK, NOT_HTML, { type: 'word', words: ['[core]'] }, { type: 'regex', patterns: [/repositoryformatversion\s*=/, /\[remote "/] }],
    escalate: { patterns: [/url\s*=\s*https?:\/\/[^\s/@]+:[^\s/@]+@/], severity: 'critical', reason: 'a remote URL with credentials' },
    redact: true,
    remediation: `Remove the .git folder from the web root and deploy a build instead of a checkout. ${DENY_DOTFILES} Rotate any token that appears in a remote URL.`,
    references: ['https://git-scm.com/docs/git-config'],
  },
  {
    id: 'git-index',
    title: 'Git index (.git/index)',
    paths: [],
    deepPaths: ['/.git/index'],
    severity: 'critical',
    leak: 'The Git index lists every tracked file with its object hash, which is enough to fetch the source code from the exposed object store.',
    headers: HEAD_RANGE,
    maxBytes: 4096,
    matchers: [OK_OR_PARTIAL, { type: 'magic', signatures: [{ hex: '44495243', name: 'Git index (DIRC)' }] }],
    remediation: `Remove the .git folder from the web root. ${DENY_DOTFILES}`,
    references: ['https://git-scm.com/docs/index-format'],
  },
  {
    id: 'env-file',
    title: 'Environment file (.env)',
    paths: ['/.env'],
    deepPaths: ['/.env.local', '/.env.production', '/.env.prod', '/.env.development', '/.env.dev', '/.env.staging', '/.env.backup', '/.env.bak', '/.env.old', '/.env.save', '/.env.example', '/api/.env', '/app/.env', '/backend/.env'],
    severity: 'critical',
    leak: 'An environment file is served: it usually holds database passwords, API keys and signing secrets.',
    matchers: [OK, NOT_HTML, { type: 'content-type', types: ['text/html', 'application/json', 'image/', 'application/javascript', 'text/javascript'], negate: true }, { type: 'regex', patterns: [/^[ \t]*(?:export[ \t]+)?[A-Z][A-Z0-9_]{1,63}[ \t]*=.*\n(?:[ \t]*(?:#.*)?\r?\n)*[ \t]*(?:export[ \t]+)?[A-Z][A-Z0-9_]{1,63}[ \t]*=/m] }],
    redact: true,
    remediation: `Delete the file from the web root and keep environment files outside the deployed folder. ${DENY_DOTFILES} Rotate every secret it contains: it must be treated as public.`,
    references: ['https://owasp.org/www-project-top-ten/2017/A3_2017-Sensitive_Data_Exposure'],
  },
  {
    id: 'svn-entries',
    title: 'Subversion working copy (.svn)',
    paths: ['/.svn/entries'],
    deepPaths: ['/.svn/wc.db'],
    severity: 'critical',
    leak: 'A Subversion working copy is served: its metadata lists every file and lets anyone download the source code.',
    headers: HEAD_RANGE,
    maxBytes: 4096,
    matchers: [OK_OR_PARTIAL, NOT_HTML, { type: 'regex', patterns: [/^(?:8|9|10|12)\s*(?:\n|$)/, /^SQLite format 3\0/] }],
    remediation: `Remove the .svn folder from the web root and deploy an export (svn export) instead of a working copy. ${DENY_DOTFILES}`,
    references: ['https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/02-Configuration_and_Deployment_Management_Testing/04-Review_Old_Backup_and_Unreferenced_Files_for_Sensitive_Information'],
  },
  {
    id: 'ds-store',
    title: 'macOS folder metadata (.DS_Store)',
    paths: ['/.DS_Store'],
    severity: 'low',
    leak: 'A .DS_Store file lists the names of the files in its folder, including ones never linked from the site (backups, drafts).',
    headers: HEAD_RANGE,
    maxBytes: 4096,
    matchers: [OK_OR_PARTIAL, { type: 'magic', signatures: [{ hex: '0000000142756431', name: '.DS_Store (Bud1)' }] }],
    remediation: `Delete .DS_Store files before deploying (add them to .gitignore and the build's ignore list). ${DENY_DOTFILES}`,
    references: ['https://en.wikipedia.org/wiki/.DS_Store'],
  },
  {
    id: 'htpasswd',
    title: 'Password file (.htpasswd)',
    paths: ['/.htpasswd'],
    severity: 'critical',
    leak: 'The .htpasswd file is served: it holds user names and password hashes that can be cracked offline.',
    matchers: [OK, NOT_HTML, { type: 'regex', patterns: [/^[\w.@-]+:(?:\$apr1\$|\$2[abxy]\$|\{SHA\}|\$[156]\$|[./0-9A-Za-z]{13}\s*$)/m] }],
    redact: true,
    remediation: 'Move the password file outside the web root (AuthUserFile can point anywhere) and change every password it held. Apache denies .ht* files by default: restore `<Files ".ht*"> Require all denied </Files>`.',
    references: ['https://httpd.apache.org/docs/current/programs/htpasswd.html'],
  },
  {
    id: 'server-status',
    title: 'Apache server-status page',
    paths: ['/server-status'],
    severity: 'medium',
    leak: 'mod_status shows the requests being served right now, with client addresses and full URLs (which may carry tokens), and the server version.',
    matchers: [OK, { type: 'word', words: ['Apache Server Status for'] }, { type: 'word', words: ['Server Version', 'Server uptime', 'Current Time'] }],
    remediation: 'Restrict /server-status to the hosts that monitor it (`<Location "/server-status"> Require ip 127.0.0.1 </Location>`) or disable mod_status.',
    references: ['https://httpd.apache.org/docs/current/mod/mod_status.html'],
  },
  {
    id: 'server-info',
    title: 'Apache server-info page',
    paths: ['/server-info'],
    severity: 'medium',
    leak: 'mod_info shows the complete server configuration: modules, virtual hosts, file paths and access rules.',
    matchers: [OK, { type: 'word', words: ['Apache Server Information'] }, { type: 'word', words: ['Server Settings', 'Module Name'] }],
    remediation: 'Restrict /server-info to local requests (`Require ip 127.0.0.1`) or disable mod_info.',
    references: ['https://httpd.apache.org/docs/current/mod/mod_info.html'],
  },
  {
    id: 'phpinfo',
    title: 'phpinfo() page',
    paths: ['/phpinfo.php', '/info.php'],
    deepPaths: ['/php_info.php', '/test.php', '/i.php', '/php.php', '/pinfo.php'],
    severity: 'medium',
    leak: 'phpinfo() prints the PHP version and modules, file paths, and every environment variable of the server (often including database credentials).',
    escalate: { patterns: [/(?:PASSWORD|SECRET|API_KEY|TOKEN)[^<]{0,40}<\/td><td class="v">(?!no value)[^<]{3,}/i], severity: 'high', reason: 'environment variables named like secrets' },
    matchers: [OK, { type: 'regex', patterns: [/<title>phpinfo\(\)<\/title>/i, /PHP Version [0-9]/] }, { type: 'word', words: ['PHP License', 'Configuration File (php.ini) Path', 'phpinfo()'] }],
    remediation: 'Delete the file. phpinfo() must never be reachable on a deployed site.',
    references: ['https://www.php.net/manual/en/function.phpinfo.php'],
  },
  {
    id: 'sql-dump',
    title: 'Database dump (.sql)',
    paths: ['/dump.sql', '/backup.sql', '/database.sql', '/db.sql', '/data.sql'],
    deepPaths: ['/mysql.sql', '/site.sql', '/sql.sql', '/db_backup.sql', '/wordpress.sql', '/users.sql', '/{host}.sql', '/backup/db.sql', '/sql/dump.sql'],
    severity: 'critical',
    leak: 'A database dump is served: it holds the site’s data, typically with user accounts and password hashes.',
    headers: HEAD_RANGE,
    maxBytes: 4096,
    matchers: [OK_OR_PARTIAL, NOT_HTML, { type: 'regex', patterns: [/-- (?:MySQL|MariaDB) dump/, /-- PostgreSQL database dump/, /-- phpMyAdmin SQL Dump/, /^\s*(?:CREATE TABLE|INSERT INTO|DROP TABLE IF EXISTS)\s+[`"\w]/im] }],
    remediation: 'Delete the dump from the web root, keep backups in storage that is not served over HTTP, and treat the data in it as leaked (reset passwords, notify as the law requires).',
    references: ['https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/02-Configuration_and_Deployment_Management_Testing/04-Review_Old_Backup_and_Unreferenced_Files_for_Sensitive_Information'],
  },
  {
    id: 'backup-archive',
    title: 'Backup archive',
    paths: ['/backup.zip', '/backup.tar.gz', '/backup.tgz', '/site.zip', '/www.zip'],
    deepPaths: ['/{host}.zip', '/{host}.tar.gz', '/backup.tar', '/backup.rar', '/backup.7z', '/public_html.zip', '/html.zip', '/web.zip', '/archive.zip', '/source.zip', '/src.zip', '/site.tar.gz', '/www.tar.gz'],
    severity: 'critical',
    leak: 'A backup archive is served: it usually contains the site’s source code and configuration, secrets included.',
    headers: { range: 'bytes=0-511' },
    maxBytes: 512,
    matchers: [
      OK_OR_PARTIAL,
      {
        type: 'magic',
        signatures: [
          { hex: '504b0304', name: 'ZIP archive' },
          { hex: '1f8b08', name: 'gzip data' },
          { hex: '377abcaf271c', name: '7-Zip archive' },
          { hex: '526172211a07', name: 'RAR archive' },
          { hex: '425a68', name: 'bzip2 data' },
        ],
      },
    ],
    remediation: 'Delete the archive from the web root and keep backups in storage that is not served over HTTP; rotate the secrets it contains.',
    references: ['https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/02-Configuration_and_Deployment_Management_Testing/04-Review_Old_Backup_and_Unreferenced_Files_for_Sensitive_Information'],
  },
  {
    id: 'wp-config-backup',
    title: 'WordPress configuration backup (wp-config.php)',
    paths: ['/wp-config.php.bak', '/wp-config.php~', '/wp-config.php.save', '/wp-config.php.old', '/wp-config.php.orig', '/wp-config.bak', '/wp-config.txt'],
    deepPaths: ['/wp-config.php.swp', '/.wp-config.php.swp', '/wp-config.php.txt', '/wp-config.php.dist', '/wp-config.old', '/wp-config.php_bak', '/wp-config.php.backup'],
    severity: 'critical',
    leak: 'A copy of wp-config.php is served as text instead of being run: it holds the database password and the authentication keys and salts.',
    matchers: [OK, { type: 'word', words: ['DB_PASSWORD', 'DB_NAME'], all: true }, { type: 'regex', patterns: [/define\s*\(/] }],
    redact: true,
    remediation: 'Delete the copy, change the database password and regenerate the keys and salts (https://api.wordpress.org/secret-key/1.1/salt/). Editors leave such copies behind: deny `*.bak`, `*~`, `*.swp`, `*.save`, `*.old` at the web server.',
    references: ['https://developer.wordpress.org/advanced-administration/security/hardening/'],
  },
  {
    id: 'actuator-env',
    title: 'Spring Boot actuator environment (/actuator/env)',
    paths: ['/actuator/env'],
    deepPaths: ['/env', '/manage/env', '/management/env', '/api/actuator/env'],
    severity: 'high',
    leak: 'The actuator env endpoint lists the application’s configuration properties and environment variables; values not masked by Spring are readable, and the endpoint can often be used to change them.',
    matchers: [OK, { type: 'json' }, { type: 'word', words: ['"propertySources"', '"activeProfiles"'] }],
    redact: true,
    remediation: 'Do not expose the env endpoint over HTTP (`management.endpoints.web.exposure.include=health,info`), put the management port behind the firewall, and secure the actuator with Spring Security.',
    references: ['https://docs.spring.io/spring-boot/reference/actuator/endpoints.html'],
  },
  {
    id: 'elmah',
    title: 'ELMAH error log (elmah.axd)',
    paths: ['/elmah.axd'],
    severity: 'high',
    leak: 'ELMAH shows every recent error with its stack trace, request details and cookies (session identifiers that can be replayed).',
    matchers: [OK, { type: 'word', words: ['Error Log for'] }, { type: 'word', words: ['ELMAH', 'elmah'] }],
    remediation: 'Set `allowRemoteAccess="false"` in the elmah security element and protect elmah.axd with authorisation, or remove ELMAH from production.',
    references: ['https://elmah.github.io/a/securing-error-log-pages/'],
  },
  {
    id: 'trace-axd',
    title: 'ASP.NET trace viewer (trace.axd)',
    paths: ['/trace.axd'],
    severity: 'high',
    leak: 'trace.axd shows the details of recent requests: headers, cookies, form values and server variables.',
    matchers: [OK, { type: 'word', words: ['Application Trace'] }, { type: 'word', words: ['Requests to this Application', 'Physical Directory', 'clear current trace'], caseInsensitive: true }],
    remediation: 'Set `<trace enabled="false" localOnly="true"/>` in web.config for production.',
    references: ['https://learn.microsoft.com/en-us/previous-versions/aspnet/94c55d08(v=vs.100)'],
  },
  {
    id: 'api-description',
    title: 'API description (OpenAPI / Swagger)',
    paths: ['/swagger.json', '/openapi.json', '/v2/api-docs', '/v3/api-docs', '/swagger/v1/swagger.json'],
    deepPaths: ['/api-docs', '/api/swagger.json', '/api/openapi.json', '/openapi.yaml', '/swagger.yaml', '/api/v1/swagger.json', '/docs/openapi.json'],
    severity: 'info',
    leak: 'The API description lists every endpoint and parameter, internal ones included. Public APIs publish this on purpose; check that nothing in it should be private.',
    matchers: [OK, NOT_HTML, { type: 'regex', patterns: [/["']?(?:swagger|openapi)["']?\s*:\s*["']?\d/] }, { type: 'word', words: ['paths'] }],
    remediation: 'If the API is not public, serve its description only to authenticated users or not at all in production.',
    references: ['https://owasp.org/API-Security/editions/2023/en/0xa9-improper-inventory-management/'],
  },
  {
    id: 'source-map',
    title: 'JavaScript source map',
    paths: [],
    fromScripts: true,
    severity: 'low',
    escalate: { patterns: [/"sourcesContent"\s*:\s*\[\s*"/], severity: 'medium', reason: 'the original source code (sourcesContent)' },
    leak: 'A source map of a production script is served: it restores the original file names and, when it embeds sourcesContent, the unminified source with its comments.',
    maxBytes: 64 * 1024,
    matchers: [OK, { type: 'regex', patterns: [/^\s*\{[\s\S]*"version"\s*:\s*3/] }, { type: 'word', words: ['"mappings"'] }, { type: 'word', words: ['"sources"'] }],
    remediation: 'Do not deploy .map files (webpack `devtool: false` or `hidden-source-map`, Vite `build.sourcemap: false` or `"hidden"`) or restrict them to your error-tracking service.',
    references: ['https://developer.mozilla.org/en-US/docs/Glossary/Source_map'],
  },
  {
    id: 'docker-compose',
    title: 'Docker Compose file',
    paths: ['/docker-compose.yml', '/docker-compose.yaml'],
    deepPaths: ['/docker-compose.prod.yml', '/docker-compose.production.yml', '/docker-compose.override.yml', '/compose.yml', '/compose.yaml'],
    severity: 'medium',
    escalate: { patterns: [SECRET_WORDS], severity: 'critical', reason: 'passwords or secrets' },
    leak: 'The Compose file describes the services behind the site: images, ports, volumes and environment, often with passwords.',
    matchers: [OK, NOT_HTML, { type: 'regex', patterns: [/^services\s*:/m] }, { type: 'regex', patterns: [/^\s+(?:image|build)\s*:/m] }],
    redact: true,
    remediation: 'Remove the file from the web root (deploy only the build output) and move secrets into Docker secrets or the environment of the host; rotate those the file held.',
    references: ['https://docs.docker.com/compose/how-tos/use-secrets/'],
  },
  {
    id: 'npmrc',
    title: 'npm configuration (.npmrc)',
    paths: ['/.npmrc'],
    severity: 'medium',
    escalate: { patterns: [/_authToken\s*=\s*\S{6,}/, /_auth\s*=\s*\S{6,}/, /_password\s*=\s*\S{3,}/], severity: 'critical', reason: 'a registry access token' },
    leak: 'The .npmrc file names the package registries and often holds an access token that can publish packages.',
    matchers: [OK, NOT_HTML, { type: 'regex', patterns: [/^\s*(?:@[\w-]+:)?registry\s*=/m, /_authToken\s*=/, /^\s*always-auth\s*=/m, /^\/\/[^\s:]+\/:_/m] }],
    redact: true,
    remediation: `Remove the file from the web root. ${DENY_DOTFILES} Revoke any token it contains (npm token revoke).`,
    references: ['https://docs.npmjs.com/cli/configuring-npm/npmrc'],
  },
  {
    id: 'aws-credentials',
    title: 'AWS credentials file',
    paths: [],
    deepPaths: ['/.aws/credentials', '/.aws/config'],
    severity: 'critical',
    leak: 'An AWS credentials file is served: its access keys give access to the cloud account.',
    matchers: [OK, NOT_HTML, { type: 'regex', patterns: [/^\s*aws_access_key_id\s*=/m, /^\s*\[(?:default|profile [\w-]+)\]/m], all: true }],
    redact: true,
    remediation: `Remove the file, deactivate the keys in IAM at once and review CloudTrail for their use. ${DENY_DOTFILES}`,
    references: ['https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html'],
  },
];

export function exposureRule(id: string): ExposureRule | undefined {
  return EXPOSURE_RULES.find((r) => r.id === id);
}

/** The paths a rule probes at a depth, with `{host}` filled in. */
export function rulePaths(rule: ExposureRule, deep: boolean, hostname: string): string[] {
  const paths = deep ? [...rule.paths, ...(rule.deepPaths ?? [])] : rule.paths;
  return paths.map((p) => p.replaceAll('{host}', hostname));
}
