import { type ConnectClient, GetContactAttributesCommand } from '@aws-sdk/client-connect';
import { toDependencyError } from '../sdk-error';

/** The attribute an agent or a flow sets on the task to say what the case is now (docs/deploy.md). */
export const CASE_OUTCOME_ATTRIBUTE = 'caseOutcome';

/**
 * Reads a contact's user-defined attributes (GetContactAttributes, by InitialContactId): contact
 * events do not carry them, and `caseOutcome` is one. A contact Connect no longer knows has none.
 */
export function contactAttributesReader(
  client: ConnectClient,
  instanceId: string,
): (contactId: string) => Promise<Readonly<Record<string, string>>> {
  return async (contactId) => {
    try {
      const out = await client.send(
        new GetContactAttributesCommand({ InstanceId: instanceId, InitialContactId: contactId }),
      );
      return out.Attributes ?? {};
    } catch (error) {
      if ((error as { name?: string }).name === 'ResourceNotFoundException') return {};
      throw toDependencyError('connect', 'GetContactAttributes', error);
    }
  };
}
