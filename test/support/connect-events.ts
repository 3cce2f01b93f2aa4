// Connect contact events from test/fixtures/events/connect (see its PROVENANCE.md), re-addressed to a fresh
// task so tests sharing one dynalite never see each other's tasks.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The fixture files, by the event type each carries. */
export const CONNECT_EVENT_FILES = {
  QUEUED: 'task-queued.json',
  CONNECTED_TO_AGENT: 'task-connected-to-agent.json',
  DISCONNECTED: 'task-disconnected.json',
  COMPLETED: 'task-completed.json',
} as const;

/** The recorded instance id of every fixture. */
export const FIXTURE_INSTANCE_ID = '8c1f7a52-3e0b-4c4e-9a61-2f5d0b7e4a10';
/** The recorded agent id of every fixture. */
export const FIXTURE_AGENT_ID = '0b7e4a10-2f5d-4c4e-9a61-8c1f7a523e0b';
const FIXTURE_CONTACT_ID = '5d3e9b0a-7c41-4f2e-8b6d-1a9e0c4f7b23';

/** A fixture event as parsed JSON, about `contactId` instead of the recorded contact, under a fresh event id. */
export function connectEvent(
  type: keyof typeof CONNECT_EVENT_FILES,
  contactId: string,
  eventId?: string,
): Record<string, unknown> {
  const path = fileURLToPath(
    new URL(`../fixtures/events/connect/${CONNECT_EVENT_FILES[type]}`, import.meta.url),
  );
  const event = JSON.parse(readFileSync(path, 'utf8').replaceAll(FIXTURE_CONTACT_ID, contactId)) as Record<
    string,
    unknown
  >;
  // Connect never sends two events under one id: each call gets a fresh one unless the test names it.
  return { ...event, id: eventId ?? randomUUID() };
}
