// Reading headers out of artifacts. Names are stored lower-case (see HeaderMap).
import type { FetchedResponse, HeaderMap } from './types.js';

/** Every value of a header, in the order received. */
export function headerValues(source: FetchedResponse | HeaderMap, name: string): string[] {
  const map = 'headers' in source && !Array.isArray(source.headers) ? (source as FetchedResponse).headers : (source as HeaderMap);
  return map[name.toLowerCase()] ?? [];
}

/** A header's values joined as HTTP allows for repeated list headers (", "), or undefined when absent. */
export function header(source: FetchedResponse | HeaderMap, name: string): string | undefined {
  const values = headerValues(source, name);
  return values.length === 0 ? undefined : values.join(', ');
}

/** The header as it would appear on the wire, for evidence: "Name: value". */
export function headerLine(name: string, value: string): string {
  return `${name}: ${value}`;
}

/** The media type of a response without parameters, lower-case ('' when absent). */
export function mediaType(res: FetchedResponse): string {
  return (header(res, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}
