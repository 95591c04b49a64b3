// Who we say we are: a descriptive User-Agent lets site owners recognise the scanner and read what it does.
import pkg from '../../../../package.json' with { type: 'json' };

export const SCANNER_VERSION: string = pkg.version;
export const USER_AGENT = `IsSafeSiteScanner/${SCANNER_VERSION} (+https://issafesite.com/scanner)`;
