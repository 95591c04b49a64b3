// What error output that should never reach visitors looks like: stack traces, framework debug pages and
// database error messages. Patterns are specific (a file and line, a driver's own wording) so that ordinary
// text about errors does not match.

export interface ErrorSignature {
  id: string;
  kind: 'stack-trace' | 'debug-page' | 'sql-error';
  /** What produced it, for the finding. */
  source: string;
  pattern: RegExp;
}

export const ERROR_SIGNATURES: ErrorSignature[] = [
  // Debug pages first: they are the most specific and the most dangerous (some offer a console).
  { id: 'django-debug', kind: 'debug-page', source: 'Django debug page', pattern: /You(?:'|&#x27;|&#39;)re seeing this error because you have <code>DEBUG = True<\/code>/ },
  { id: 'werkzeug-debugger', kind: 'debug-page', source: 'Werkzeug interactive debugger', pattern: /The debugger caught an exception in your WSGI application|Werkzeug Debugger/ },
  { id: 'laravel-debug', kind: 'debug-page', source: 'Laravel/Ignition or Whoops debug page', pattern: /Whoops, looks like something went wrong|"ignition"|Illuminate\\(?:Database|Foundation|Routing)\\/ },
  { id: 'symfony-debug', kind: 'debug-page', source: 'Symfony debug page', pattern: /Symfony\\Component\\[\w\\]+Exception|sf-toolbar|class="exception-message"/ },
  { id: 'rails-debug', kind: 'debug-page', source: 'Rails development error page', pattern: /Action Controller: Exception caught|<h1>Routing Error<\/h1>[\s\S]{0,400}Rails\.root/ },
  { id: 'aspnet-yellow-screen', kind: 'debug-page', source: 'ASP.NET error page', pattern: /Server Error in '[^']*' Application\.[\s\S]{0,2000}(?:Stack Trace:|Exception Details:)/ },
  // Database errors before stack traces: a page showing both is first of all a sign of SQL injection.
  { id: 'mysql-error', kind: 'sql-error', source: 'MySQL/MariaDB', pattern: /You have an error in your SQL syntax|mysqli?_(?:fetch_\w+|query|num_rows)\(\)|MySqlException|com\.mysql\.jdbc/ },
  { id: 'postgres-error', kind: 'sql-error', source: 'PostgreSQL', pattern: /PG::SyntaxError|unterminated quoted string at or near|syntax error at or near "|pg_query\(\)|org\.postgresql\.util\.PSQLException/ },
  { id: 'mssql-error', kind: 'sql-error', source: 'Microsoft SQL Server', pattern: /Unclosed quotation mark after the character string|Microsoft OLE DB Provider for SQL Server|\[Microsoft\]\[ODBC SQL Server Driver\]|System\.Data\.SqlClient\.SqlException/ },
  { id: 'oracle-error', kind: 'sql-error', source: 'Oracle', pattern: /\bORA-\d{5}\b|quoted string not properly terminated/ },
  { id: 'sqlite-error', kind: 'sql-error', source: 'SQLite', pattern: /SQLite3::SQLException|sqlite3\.OperationalError|SQLITE_ERROR|unrecognized token: "'/ },
  { id: 'pdo-error', kind: 'sql-error', source: 'PDO (PHP)', pattern: /SQLSTATE\[\w+\]/ },
  { id: 'express-stack', kind: 'stack-trace', source: 'Node.js stack trace', pattern: /\n\s*at (?:[\w$.<>[\] ]+ )?\(?(?:\/|[A-Za-z]:\\|file:\/\/)[^\s()]+\.(?:js|mjs|cjs|ts):\d+:\d+\)?/ },
  { id: 'java-stack', kind: 'stack-trace', source: 'Java stack trace', pattern: /(?:Exception|Error)[^\n]*\n\s*at [\w$.]+\([\w$]+\.(?:java|kt|scala|groovy):\d+\)/ },
  { id: 'dotnet-stack', kind: 'stack-trace', source: '.NET stack trace', pattern: /\n\s*at [\w.`<>[\],]+\([^)]*\) in [^\n]+:line \d+/ },
  { id: 'python-traceback', kind: 'stack-trace', source: 'Python traceback', pattern: /Traceback \(most recent call last\):\s*\n\s*File "[^"]+", line \d+/ },
  { id: 'php-error', kind: 'stack-trace', source: 'PHP error message', pattern: /(?:<b>)?(?:Fatal error|Parse error|Warning|Notice|Deprecated|Uncaught \w+)(?:<\/b>)?:\s.{1,300}? in (?:<b>)?(?:\/|[A-Za-z]:\\)[^<\n]+\.php(?:<\/b>)? on line (?:<b>)?\d+/ },
  { id: 'ruby-backtrace', kind: 'stack-trace', source: 'Ruby backtrace', pattern: /(?:\/|[A-Za-z]:\\)[^\s:]+\.rb:\d+:in [`']/ },
  { id: 'go-panic', kind: 'stack-trace', source: 'Go panic', pattern: /goroutine \d+ \[running\]:\s*\n/ },
];

export function errorSignatureIn(text: string): { signature: ErrorSignature; index: number; match: string } | undefined {
  for (const signature of ERROR_SIGNATURES) {
    const m = signature.pattern.exec(text);
    if (m !== null) return { signature, index: m.index, match: m[0] };
  }
  return undefined;
}
