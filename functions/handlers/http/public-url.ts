import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * The URL Twilio called, rebuilt from an API Gateway HTTP API (v2) event: https, the domain, the raw
 * path and the raw query string. Twilio signs exactly that URL, so any difference fails the check (the
 * known pitfall). `rawPath` keeps a named stage's segment and a custom domain's base path, as the
 * caller saw them. Behind another front (CloudFront), `publicOrigin` ("https://support.example.com")
 * replaces scheme and host.
 */
export function publicUrlOf(event: APIGatewayProxyEventV2, publicOrigin?: string): string {
  const query = event.rawQueryString ? `?${event.rawQueryString}` : '';
  const origin = publicOrigin
    ? publicOrigin.replace(/\/$/, '')
    : `https://${event.requestContext?.domainName ?? event.headers?.host ?? 'localhost'}`;
  return `${origin}${event.rawPath}${query}`;
}
