import type { Reply } from '../ports';
import type { RoutingDecision } from '../routing/decision';
import { unshed } from '../routing/shed';
import type { IncidentLookup } from './active-incidents';
import { type Incident, textIn } from './incident';

/** The incident a contact belongs to: only ever for a verified sender, so a stranger learns nothing. */
export async function incidentOfContact(
  lookup: IncidentLookup | undefined,
  standing: { readonly verified: boolean; readonly booking?: { readonly reference: string } | undefined },
): Promise<Incident | undefined> {
  if (!lookup || !standing.verified || !standing.booking) return undefined;
  return lookup.activeFor(standing.booking.reference);
}

/**
 * The decision with the incident's priority (a more urgent contact keeps its own) and why; a critical
 * incident (priority 1) makes its contacts urgent, and urgent contacts are never shed.
 */
export function routedForIncident(
  decision: RoutingDecision,
  incident: Incident | undefined,
): RoutingDecision {
  if (!incident) return decision;
  const routed = incident.priority === 1 ? unshed(decision, `incident ${incident.id} is critical`) : decision;
  return {
    ...routed,
    priority: Math.min(decision.priority, incident.priority),
    reasons: [
      ...routed.reasons,
      `incident ${incident.id} (${incident.title}): priority ${incident.priority}`,
    ],
  };
}

/** The acknowledgement with the incident's message after it, in the guest's language. */
export function withIncidentMessage(reply: Reply, incident: Incident | undefined): Reply {
  if (!incident) return reply;
  const message = textIn(incident.message, reply.language);
  return { ...reply, text: `${reply.text}${reply.language === 'zh' ? '' : ' '}${message}` };
}
