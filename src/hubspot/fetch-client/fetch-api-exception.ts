/**
 * What a failed call throws: the same fields as the api-client's `ApiException` (`code` = HTTP
 * status, `body` = the parsed error body, `headers`), so `toHubSpotError` classifies both alike.
 */
export class FetchApiException extends Error {
  constructor(
    readonly code: number,
    readonly body: unknown,
    readonly headers: Record<string, string>,
  ) {
    super(`HTTP-Code: ${code}`);
    this.name = 'ApiException';
  }
}
