import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ValidationError } from '../../domain/errors';
import { PayloadTooLargeError } from '../http/error-answer';
import type { AgentRequest } from './agent-routes';

// A reply is at most 20,000 characters (80 KB in 4-byte UTF-8): 128 KiB is room for any agent action,
// far below API Gateway's 10 MB.
const MAX_BODY_BYTES = 128 * 1024;

/**
 * The request an agent route reads, from an HTTP API payload format 2.0 event: the path parameters
 * API Gateway matched, the raw query string, the headers ("all header names are lowercase" in payload
 * format 2.0: "Create AWS Lambda proxy integrations for HTTP APIs", API Gateway developer guide), and
 * the body (base64-decoded when API Gateway encoded it) parsed as JSON on demand; a body too large or
 * not JSON is the caller's mistake, never a 500.
 */
export function agentRequestOf(event: APIGatewayProxyEventV2): AgentRequest {
  return {
    params: Object.fromEntries(
      Object.entries(event.pathParameters ?? {}).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    ),
    query: new URLSearchParams(event.rawQueryString ?? ''),
    headers: event.headers ?? {},
    async json() {
      const raw = event.body ?? '';
      const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
      if (bytes.length > MAX_BODY_BYTES) throw new PayloadTooLargeError(MAX_BODY_BYTES);
      try {
        return JSON.parse(bytes.toString('utf8')) as unknown;
      } catch (error) {
        throw new ValidationError('body', `not valid JSON: ${(error as Error).message}`);
      }
    },
  };
}

/** Who called, as API Gateway's authorizer proved it: the IAM principal's ARN or the token's subject. */
export function callerOf(event: APIGatewayProxyEventV2): string | undefined {
  const authorizer = (event.requestContext as { authorizer?: Record<string, unknown> }).authorizer;
  const iam = authorizer?.iam as { userArn?: unknown } | undefined;
  if (typeof iam?.userArn === 'string') return iam.userArn;
  const jwt = authorizer?.jwt as { claims?: Record<string, unknown> } | undefined;
  const sub = jwt?.claims?.sub;
  return typeof sub === 'string' ? `jwt:${sub}` : undefined;
}
